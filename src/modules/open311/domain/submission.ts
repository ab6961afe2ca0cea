import { parseW3c } from './datetime';
import type { Attribute, Service } from './service';

/** A form body as it was parsed: each field's value, or its values when the field was sent more than once. */
export type FormBody = Readonly<Record<string, string | readonly string[]>>;

/** POST requests, read from its form: the specification's fields, with blanks treated as not sent. */
export interface Submission {
  serviceCode: string;
  lat: number | null;
  long: number | null;
  addressString: string | null;
  addressId: string | null;
  email: string | null;
  deviceId: string | null;
  accountId: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  description: string | null;
  /** The first media_url is the request's; clients that send several (one per photo) have all kept. */
  mediaUrls: string[];
  /** attribute[code]=value, and attribute[code][]=v1&attribute[code][]=v2 for a multivaluelist. */
  attributes: Record<string, string[]>;
}

export const DESCRIPTION_MAX = 4000;
const ATTRIBUTE = /^attribute\[([^\][]+)\](\[\])?$/;

const all = (v: string | readonly string[] | undefined): string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : [...v]);
/** The first non-blank value of a field, trimmed; blank and absent are the same ("optional arguments"). */
const first = (form: FormBody, name: string): string | null => all(form[name]).map((s) => s.trim()).find((s) => s !== '') ?? null;

/**
 * Reads and checks the fields that do not depend on the service: the submission, and every problem found (400
 * each): a missing service_code, no location, half a coordinate, values out of range or too long. The submission
 * is only to be used when there are none.
 */
export function readSubmission(form: FormBody): { submission: Submission; problems: string[] } {
  const problems: string[] = [];
  const text = (name: string, max: number): string | null => {
    const v = first(form, name);
    if (new Set(all(form[name]).map((x) => x.trim()).filter(Boolean)).size > 1) problems.push(`${name} was sent more than once with different values`);
    if (v !== null && v.length > max) problems.push(`${name} is longer than ${max} characters`);
    return v;
  };
  const serviceCode = text('service_code', 64);
  if (serviceCode === null) problems.push('service_code was not provided');

  const latText = text('lat', 40);
  const longText = text('long', 40);
  let lat: number | null = null;
  let long: number | null = null;
  if ((latText === null) !== (longText === null)) problems.push('lat and long must be sent together');
  else if (latText !== null && longText !== null) {
    lat = Number(latText);
    long = Number(longText);
    if (!/^[+-]?\d+(\.\d+)?$/.test(latText) || !Number.isFinite(lat) || lat < -90 || lat > 90) problems.push(`lat must be a WGS84 latitude from -90 to 90, got "${latText.slice(0, 40)}"`);
    if (!/^[+-]?\d+(\.\d+)?$/.test(longText) || !Number.isFinite(long) || long < -180 || long > 180) problems.push(`long must be a WGS84 longitude from -180 to 180, got "${longText.slice(0, 40)}"`);
  }
  const addressString = text('address_string', 300);
  const addressId = text('address_id', 100);
  if (latText === null && longText === null && addressString === null && addressId === null) {
    problems.push('a location is required: lat and long, or address_string, or address_id');
  }

  const email = text('email', 254);
  if (email !== null && !/^[^\s@]+@[^\s@]+$/.test(email)) problems.push('email is not an e-mail address');
  const phone = text('phone', 30);
  if (phone !== null && !/^\+?[0-9][0-9 ()-]{2,28}$/.test(phone)) problems.push('phone may hold only digits, spaces, brackets, hyphens and a leading +');
  const description = text('description', DESCRIPTION_MAX);
  const mediaUrls = all(form.media_url).map((s) => s.trim()).filter(Boolean);
  for (const url of mediaUrls) if (url.length > 2000 || !isWebUrl(url)) problems.push(`media_url must be an http(s) URL, got "${url.slice(0, 80)}"`);

  const attributes: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(form)) {
    const m = ATTRIBUTE.exec(key);
    if (!m) continue;
    const values = all(value).map((s) => s.trim()).filter(Boolean);
    if (values.length) (attributes[m[1]!] ??= []).push(...values);
  }

  const submission: Submission = {
    serviceCode: serviceCode ?? '',
    lat,
    long,
    addressString,
    addressId,
    email,
    deviceId: text('device_id', 200),
    accountId: text('account_id', 200),
    firstName: text('first_name', 50),
    lastName: text('last_name', 50),
    phone,
    description,
    mediaUrls,
    attributes,
  };
  return { submission, problems };
}

function isWebUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** One answered attribute, with the names of the chosen values (for the order's text). */
export interface Answer {
  code: string;
  description: string;
  /** The values as sent (list keys, or the text). */
  values: string[];
  /** What a person reads: the list values' names, or the text. */
  shown: string[];
}

/**
 * Checks the attribute answers against the service definition: required ones present, list values among the
 * keys, numbers and datetimes readable. Attributes the definition does not name are ignored (clients add their
 * own), as are answers to attributes that take none (`variable: false`).
 */
export function checkAnswers(attributes: readonly Attribute[], answers: Readonly<Record<string, readonly string[]>>): { answers: Answer[]; problems: string[] } {
  const problems: string[] = [];
  const out: Answer[] = [];
  for (const a of [...attributes].sort((x, y) => x.order - y.order)) {
    if (!a.variable) continue;
    const given = answers[a.code] ?? [];
    const field = `attribute[${a.code}]`;
    if (given.length === 0) {
      if (a.required) problems.push(`${field} is required (${a.description})`);
      continue;
    }
    const tooLong = given.find((v) => v.length > DESCRIPTION_MAX);
    if (tooLong) {
      problems.push(`${field} is longer than ${DESCRIPTION_MAX} characters`);
      continue;
    }
    switch (a.datatype) {
      case 'singlevaluelist':
      case 'multivaluelist': {
        if (a.datatype === 'singlevaluelist' && given.length > 1) problems.push(`${field} takes one value, got ${given.length}`);
        const unknown = given.filter((v) => !a.values.some((x) => x.key === v));
        if (unknown.length) problems.push(`${field}: ${unknown.map((v) => `"${v.slice(0, 40)}"`).join(', ')} is not one of ${a.values.map((x) => x.key).join(', ')}`);
        else out.push({ code: a.code, description: a.description, values: given.slice(), shown: given.map((v) => a.values.find((x) => x.key === v)!.name) });
        break;
      }
      case 'number':
        if (given.length > 1 || !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(given[0]!)) problems.push(`${field} must be a number`);
        else out.push({ code: a.code, description: a.description, values: given.slice(), shown: given.slice() });
        break;
      case 'datetime':
        if (given.length > 1 || !parseW3c(given[0]!)) problems.push(`${field} must be an ISO 8601 date-time, e.g. 2025-09-30T10:00:00+08:00`);
        else out.push({ code: a.code, description: a.description, values: given.slice(), shown: given.slice() });
        break;
      case 'string':
        out.push({ code: a.code, description: a.description, values: [given.join(' ').replace(/\s+/g, ' ')], shown: [given.join(' ').replace(/\s+/g, ' ')] });
        break;
      case 'text':
        out.push({ code: a.code, description: a.description, values: [given.join('\n')], shown: [given.join('\n')] });
        break;
    }
  }
  return { answers: out, problems };
}

/** The order's text: the description (or the service's name), then the answers, the media links and the address id. */
export function orderContent(service: Pick<Service, 'name'>, s: Submission, answers: readonly Answer[]): string {
  const lines = [s.description ?? `${service.name}（经 Open311 提交，无描述）`];
  const extra: string[] = [];
  for (const a of answers) extra.push(`${a.description.replace(/[:：]\s*$/, '')}：${a.shown.join('、')}`);
  for (const url of s.mediaUrls) extra.push(`图片/媒体：${url}`);
  if (s.addressId) extra.push(`地址编号：${s.addressId}`);
  if (extra.length) lines.push('', '【Open311 补充信息】', ...extra);
  return lines.join('\n');
}

/** The caller's name from the form: Chinese names family name first, others given name first. */
export function callerName(s: Pick<Submission, 'firstName' | 'lastName'>): string | null {
  const parts = [s.firstName, s.lastName].filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  const cjk = /[\u4e00-\u9fff]/;
  return parts.every((p) => cjk.test(p)) ? [s.lastName, s.firstName].filter(Boolean).join('') : parts.join(' ');
}
