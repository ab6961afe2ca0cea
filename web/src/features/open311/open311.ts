// The Open311 admin page's pure helpers: client apps' keys, per-category service definitions
// (attributes), and the registration mode. Types come from the server's schemas and domain.
import type { Static } from 'typebox';
import type { ClientView, SettingsView } from '../../../../src/modules/open311/schemas';
import { DATATYPES, LIST_DATATYPES, type Attribute, type Datatype, type Service } from '../../../../src/modules/open311/domain/service';

export { DATATYPES, type Attribute, type Datatype, type Service };
export type Open311Client = Static<typeof ClientView>;
export type Open311Settings = Static<typeof SettingsView>;
export type Mode = Open311Settings['mode'];


export const isListType = (d: Datatype): boolean => LIST_DATATYPES.includes(d);

/** What the service form holds: texts may be blank (blank = the default), attributes in their shown order. */
export interface ServiceFormValues {
  description: string;
  keywords: string;
  serviceNotice: string;
  private: boolean;
  attributes: {
    code: string;
    description: string;
    datatype: Datatype;
    required: boolean;
    variable: boolean;
    datatypeDescription?: string | undefined;
    values?: { key: string; name: string }[] | undefined;
  }[];
}

export interface ServiceEditBody {
  description: string | null;
  keywords: string | null;
  serviceNotice: string | null;
  private: boolean;
  attributes: Attribute[];
  expectedVersion: number;
}

/**
 * The form's starting values. Texts at their default are shown empty (the table shows the default), so that
 * saving without touching them keeps following the category's name.
 */
export function formValuesOf(s: Service, defaults: { description: string; keywords: string }): ServiceFormValues {
  return {
    description: s.description === defaults.description ? '' : s.description,
    keywords: s.keywords === defaults.keywords ? '' : s.keywords,
    serviceNotice: s.serviceNotice ?? '',
    private: s.private,
    attributes: [...s.attributes]
      .sort((a, b) => a.order - b.order)
      .map((a) => ({ code: a.code, description: a.description, datatype: a.datatype, required: a.required, variable: a.variable, datatypeDescription: a.datatypeDescription ?? '', values: a.values })),
  };
}

/** The defaults a service falls back to (what the server would show with no settings). */
export function defaultsOf(s: Pick<Service, 'path' | 'nameEn'>): { description: string; keywords: string } {
  return { description: `${s.path.join(' / ')}（${s.nameEn}）`, keywords: [...s.path.slice(1, -1), s.nameEn].join(', ') };
}

/** The PUT body: blank texts as null, `order` by position (from 1), list values only for list types. */
export function serviceEditBody(v: ServiceFormValues, expectedVersion: number): ServiceEditBody {
  const blank = (s: string | undefined) => (s?.trim() ? s.trim() : null);
  return {
    description: blank(v.description),
    keywords: blank(v.keywords),
    serviceNotice: blank(v.serviceNotice),
    private: v.private,
    attributes: v.attributes.map((a, i) => ({
      code: a.code.trim(),
      description: a.description.trim(),
      datatype: a.datatype,
      variable: a.variable,
      required: a.variable && a.required,
      datatypeDescription: blank(a.datatypeDescription),
      order: i + 1,
      values: isListType(a.datatype) ? (a.values ?? []).map((x) => ({ key: x.key.trim(), name: x.name.trim() })) : [],
    })),
    expectedVersion,
  };
}

/** Services matching a search (code, name, group or path), private ones first when asked. */
export function filterServices(services: readonly Service[], q: string, onlyPrivate = false, onlyWithAttributes = false): Service[] {
  const needle = q.trim().toLowerCase();
  return services.filter(
    (s) =>
      (!onlyPrivate || s.private) &&
      (!onlyWithAttributes || s.attributes.length > 0) &&
      (!needle || s.code.includes(needle) || s.path.some((p) => p.toLowerCase().includes(needle)) || s.nameEn.toLowerCase().includes(needle)),
  );
}

/** The form field an API error's `field` (`attributes.1.values.0.key`) points at, as antd names it. */
export function formFieldOf(field: string | undefined): (string | number)[] | null {
  if (!field) return null;
  const parts = field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (parts[0] === 'attributes' && parts.length >= 3) return parts.slice(0, parts.length >= 5 ? 5 : 3);
  return ['description', 'keywords', 'serviceNotice', 'private'].includes(String(parts[0])) ? [parts[0]!] : null;
}

/** The GeoReport v2 endpoint and discovery URLs as clients see them from this console's origin. */
export const endpointUrls = (origin: string) => ({ endpoint: `${origin}/open311/v2/`, discovery: `${origin}/open311/discovery.xml` });
