// GeoReport v2 as its specification describes it (wiki.open311.org/GeoReport_v2 and /Service_Discovery), written
// from the specification's tables and examples, not from this server's output: JSON schemas for each resource,
// and a reading of each XML document by its element names (root, repeated item elements, field elements,
// empty elements as null). The tests read both formats with these and compare them.
import { DOMParser, type Element } from '@xmldom/xmldom';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { expect } from 'vitest';

const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }));

const text = { type: 'string' } as const;
const textOrNull = { type: ['string', 'null'] } as const;
/** Identifiers: the specification's JSON examples print them as numbers, its XML as text; either is an identifier. */
const id = { type: ['string', 'integer'] } as const;
/** "All date/time fields must be formatted in a common subset of ISO 8601 … Timezone information must be included." */
export const W3C_DATETIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$';
const datetime = { type: 'string', pattern: W3C_DATETIME } as const;
const datetimeOrNull = { anyOf: [datetime, { type: 'null' }] } as const;
const numberOrNull = { type: ['number', 'null'] } as const;

const object = (properties: Record<string, object>, required: string[]) => ({ type: 'object', properties, required, additionalProperties: false });

/** GET Service List: services ⇊ service ↴ service_code, service_name, description, metadata, type, keywords, group. */
export const servicesSchema = {
  type: 'array',
  items: object(
    {
      service_code: id,
      service_name: text,
      description: textOrNull,
      metadata: { type: 'boolean' },
      type: { enum: ['realtime', 'batch', 'blackbox'] },
      keywords: textOrNull,
      group: textOrNull,
    },
    ['service_code', 'service_name', 'metadata', 'type'],
  ),
};

/** GET Service Definition: service_definition ↴ service_code, attributes ⇊ attribute ↴ … values ⇊ value ↴ key, name. */
export const serviceDefinitionSchema = object(
  {
    service_code: id,
    attributes: {
      type: 'array',
      items: object(
        {
          variable: { type: 'boolean' },
          code: id,
          datatype: { enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
          required: { type: 'boolean' },
          datatype_description: textOrNull,
          order: { type: 'integer', minimum: 1 },
          description: textOrNull,
          values: { type: 'array', items: object({ key: id, name: text }, ['key', 'name']) },
        },
        ['variable', 'code', 'datatype', 'required', 'order', 'description'],
      ),
    },
  },
  ['service_code', 'attributes'],
);

/** POST Service Request: service_requests ⇊ request ↴ service_request_id (not with token) or token (not with the id), service_notice, account_id. */
export const postResponseSchema = {
  type: 'array',
  minItems: 1,
  items: {
    oneOf: [
      object({ service_request_id: id, service_notice: textOrNull, account_id: { type: ['string', 'integer', 'null'] } }, ['service_request_id']),
      object({ token: id, service_notice: textOrNull, account_id: { type: ['string', 'integer', 'null'] } }, ['token']),
    ],
  },
};

/** GET service_request_id from a token: service_requests ⇊ request ↴ service_request_id, token. */
export const tokenSchema = { type: 'array', items: object({ service_request_id: { type: ['string', 'integer', 'null'] }, token: id }, ['service_request_id', 'token']) };

/** GET Service Requests / GET Service Request: service_requests ⇊ request ↴ the fields of the response table. */
export const requestsSchema = {
  type: 'array',
  items: object(
    {
      service_request_id: id,
      status: { enum: ['open', 'closed'] },
      status_notes: textOrNull,
      service_name: textOrNull,
      service_code: id,
      description: { type: ['string', 'null'], maxLength: 4000 },
      agency_responsible: textOrNull,
      service_notice: textOrNull,
      requested_datetime: datetime,
      updated_datetime: datetimeOrNull,
      expected_datetime: datetimeOrNull,
      address: textOrNull,
      address_id: { type: ['string', 'integer', 'null'] },
      zipcode: { type: ['string', 'integer', 'null'] },
      lat: numberOrNull,
      long: numberOrNull,
      media_url: textOrNull,
    },
    ['service_request_id', 'status', 'service_code', 'requested_datetime'],
  ),
};

/** Errors: errors ⇊ error ↴ code, description (an array: several may be returned). */
export const errorsSchema = { type: 'array', minItems: 1, items: object({ code: { type: 'integer' }, description: text }, ['code', 'description']) };

/** Service Discovery: changeset, contact, key_service, endpoints ⇊ endpoint ↴ specification, url, changeset, type, formats ⇊ format. All required. */
export const discoverySchema = object(
  {
    changeset: text,
    contact: text,
    key_service: text,
    endpoints: {
      type: 'array',
      minItems: 1,
      items: object(
        { specification: text, url: { type: 'string', format: 'uri' }, changeset: text, type: { enum: ['production', 'test'] }, formats: { type: 'array', items: text, minItems: 1 } },
        ['specification', 'url', 'changeset', 'type', 'formats'],
      ),
    },
  },
  ['changeset', 'contact', 'key_service', 'endpoints'],
);

const compiled = new Map<object, ValidateFunction>();
/** Asserts that a value follows a schema, showing every violation. */
export function expectSchema(schema: object, value: unknown): void {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  const ok = validate(value);
  expect(ok ? [] : validate.errors, JSON.stringify(value).slice(0, 400)).toEqual([]);
}

// ---- the XML reading

type Kind = 'text' | 'boolean' | 'integer' | 'number' | 'id';
type Shape = { [field: string]: Kind | { list: string; of: Shape | 'text' } };

const children = (el: Element): Element[] => {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
};

/** Text content of an element that has no element children; null for an empty element (<a/> or <a></a>). */
function leaf(el: Element): string | null {
  expect(children(el), `<${el.tagName}> holds text, not elements`).toEqual([]);
  const t = el.textContent ?? '';
  return t === '' ? null : t;
}

function value(el: Element, kind: Kind): unknown {
  const t = leaf(el);
  if (t === null) return null;
  switch (kind) {
    case 'text':
    case 'id':
      return t;
    case 'boolean':
      expect(['true', 'false'], `<${el.tagName}> is true or false`).toContain(t);
      return t === 'true';
    case 'integer':
      expect(t, `<${el.tagName}> is a whole number`).toMatch(/^-?\d+$/);
      return Number(t);
    case 'number':
      expect(Number.isFinite(Number(t)), `<${el.tagName}> is a number`).toBe(true);
      return Number(t);
  }
}

/** An element's fields by the shape: every child must be a field of the shape, each once; lists are read item by item. */
function record(el: Element, shape: Shape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const child of children(el)) {
    const kind = shape[child.tagName];
    expect(kind, `<${el.tagName}> may not hold <${child.tagName}>`).toBeDefined();
    expect(out, `<${child.tagName}> appears once in <${el.tagName}>`).not.toHaveProperty(child.tagName);
    if (typeof kind === 'object') {
      out[child.tagName] = children(child).map((item) => {
        expect(item.tagName, `<${child.tagName}> holds <${kind.list}> items`).toBe(kind.list);
        return kind.of === 'text' ? leaf(item) : record(item, kind.of);
      });
    } else out[child.tagName] = value(child, kind!);
  }
  return out;
}

/** Parses a document: UTF-8 declared, well-formed, the expected root element. */
export function xmlRoot(xml: string, root: string): Element {
  expect(xml.startsWith('<?xml'), 'the root element is preceded by the XML declaration').toBe(true);
  expect(xml.slice(0, 60)).toMatch(/encoding="utf-8"/i);
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => (level !== 'warning' ? errors.push(message) : undefined) }).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  const el = doc.documentElement!;
  expect(el.tagName).toBe(root);
  return el;
}

/** A list document: <root><item>…</item>…</root>. */
function list(xml: string, root: string, item: string, shape: Shape): Record<string, unknown>[] {
  return children(xmlRoot(xml, root)).map((el) => {
    expect(el.tagName, `<${root}> holds <${item}> elements`).toBe(item);
    return record(el, shape);
  });
}

const SERVICE: Shape = { service_code: 'id', service_name: 'text', description: 'text', metadata: 'boolean', type: 'text', keywords: 'text', group: 'text' };
const ATTRIBUTE: Shape = {
  variable: 'boolean',
  code: 'id',
  datatype: 'text',
  required: 'boolean',
  datatype_description: 'text',
  order: 'integer',
  description: 'text',
  values: { list: 'value', of: { key: 'id', name: 'text' } },
};
const REQUEST: Shape = {
  service_request_id: 'id',
  status: 'text',
  status_notes: 'text',
  service_name: 'text',
  service_code: 'id',
  description: 'text',
  agency_responsible: 'text',
  service_notice: 'text',
  requested_datetime: 'text',
  updated_datetime: 'text',
  expected_datetime: 'text',
  address: 'text',
  address_id: 'id',
  zipcode: 'id',
  lat: 'number',
  long: 'number',
  media_url: 'text',
};

export const readServicesXml = (xml: string) => list(xml, 'services', 'service', SERVICE);
export const readServiceDefinitionXml = (xml: string) => record(xmlRoot(xml, 'service_definition'), { service_code: 'id', attributes: { list: 'attribute', of: ATTRIBUTE } });
export const readPostResponseXml = (xml: string) => list(xml, 'service_requests', 'request', { service_request_id: 'id', token: 'id', service_notice: 'text', account_id: 'id' });
export const readTokenXml = (xml: string) => list(xml, 'service_requests', 'request', { service_request_id: 'id', token: 'id' });
export const readRequestsXml = (xml: string) => list(xml, 'service_requests', 'request', REQUEST);
export const readErrorsXml = (xml: string) => list(xml, 'errors', 'error', { code: 'integer', description: 'text' });
export const readDiscoveryXml = (xml: string) =>
  record(xmlRoot(xml, 'discovery'), {
    changeset: 'text',
    contact: 'text',
    key_service: 'text',
    endpoints: { list: 'endpoint', of: { specification: 'text', url: 'text', changeset: 'text', type: 'text', formats: { list: 'format', of: 'text' } } },
  });
