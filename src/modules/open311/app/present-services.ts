import type { Service } from '../domain/service';
import type { Mode } from '../open311.store';

/** One service as GET services lists it. `type` follows the mode: realtime gives the id at once, batch a token. */
export const serviceListItem = (mode: Mode) => (s: Service) => ({
  service_code: s.code,
  service_name: s.name,
  description: s.description,
  metadata: s.attributes.length > 0,
  type: mode,
  keywords: s.keywords,
  group: s.group,
});

/** GET services/{code}: the definition, its attributes in presentation order (`values` only for list types). */
export const definitionOf = (s: Service) => ({
  service_code: s.code,
  attributes: s.attributes.map((a) => ({
    variable: a.variable,
    code: a.code,
    datatype: a.datatype,
    required: a.required,
    datatype_description: a.datatypeDescription,
    order: a.order,
    description: a.description,
    ...(a.values.length ? { values: a.values.map((v) => ({ key: v.key, name: v.name })) } : {}),
  })),
});
