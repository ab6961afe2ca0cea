import { XMLBuilder } from 'fast-xml-parser';
import { CONTENT_TYPES, type Format } from './domain/format';


/**
 * The element of each item of a list (GeoReport v2 wraps lists: `<services><service>…`, `<attributes><attribute>…`).
 * A list whose name is not here is a programming error.
 */
const ITEM_OF: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

const builder = new XMLBuilder({ ignoreAttributes: false, format: true, indentBy: '  ', suppressEmptyNode: false, processEntities: true });

// Characters XML 1.0 cannot carry (control characters other than tab, line feed and carriage return).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Turns a value into the builder's object form: lists into repeated item elements, null into an empty element. */
function toNode(value: unknown, name: string): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(NOT_XML, '');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const item = ITEM_OF[name];
    if (!item) throw new Error(`no item element for the list ${name}`);
    return value.length === 0 ? '' : { [item]: value.map((v) => toNode(v, item)) };
  }
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNode(v, k)]));
  throw new Error(`cannot write ${typeof value} as XML`);
}

/** An answer (objects, lists, text, numbers, booleans, nulls) in XML: the declaration with UTF-8, then `root` (a list's items under it, or an object's fields). */
export function toXml(root: string, value: unknown): string {
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, [root]: toNode(value, root) }) as string;
}

/** The body and content type of an answer in the requested format (JSON: the value itself, the Spark convention). */
export function render(format: Format, root: string, value: unknown): { body: string; type: string } {
  return { body: format === 'json' ? JSON.stringify(value) : toXml(root, value), type: CONTENT_TYPES[format] };
}
