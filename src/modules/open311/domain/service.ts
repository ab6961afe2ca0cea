// Services are our leaf categories (诉求分类, level 3). What the admin adds per category (description, keywords,
// a notice, the attributes a client app asks for, and whether its orders stay out of the public listing) is a
// ServiceSettings; a category without one is offered with the defaults below.

export const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type Datatype = (typeof DATATYPES)[number];
export const LIST_DATATYPES: readonly Datatype[] = ['singlevaluelist', 'multivaluelist'];

export interface AttributeValue {
  key: string;
  name: string;
}

/** One attribute of a service definition, as GeoReport v2 names its fields (`order` is its position, from 1). */
export interface Attribute {
  code: string;
  /** true: the user answers it; false: it only informs the user (its description is shown, no answer is taken). */
  variable: boolean;
  datatype: Datatype;
  required: boolean;
  datatypeDescription: string | null;
  order: number;
  description: string;
  /** The choices of a singlevaluelist / multivaluelist; empty otherwise. */
  values: AttributeValue[];
}

export interface ServiceSettings {
  categoryCode: string;
  description: string | null;
  keywords: string | null;
  serviceNotice: string | null;
  /** Orders of this category are never listed in GET requests (e.g. 不作为投诉, complaints about officials). */
  private: boolean;
  attributes: Attribute[];
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface CategoryNode {
  code: string;
  name: string;
  nameEn: string;
  level: 1 | 2 | 3;
  parentCode: string | null;
}

/** A service as GET services and the admin page show it. */
export interface Service {
  code: string;
  name: string;
  nameEn: string;
  /** The first-level category's name. */
  group: string;
  /** Level-1 / level-2 / leaf names. */
  path: string[];
  description: string;
  keywords: string;
  serviceNotice: string | null;
  private: boolean;
  attributes: Attribute[];
  /** 0 while the defaults apply. */
  version: number;
  updatedAt: string | null;
}

/** Branches whose orders stay private unless the admin decides otherwise: complaints about officials' conduct. */
export const PRIVATE_BY_DEFAULT = ['不作为投诉'];

/** Every leaf category as a service, with the admin's settings where there are some (in category code order). */
export function servicesOf(categories: readonly CategoryNode[], settings: ReadonlyMap<string, ServiceSettings>): Service[] {
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const pathOf = (c: CategoryNode): CategoryNode[] => {
    const path: CategoryNode[] = [c];
    for (let p = c.parentCode ? byCode.get(c.parentCode) : undefined; p; p = p.parentCode ? byCode.get(p.parentCode) : undefined) path.unshift(p);
    return path;
  };
  const parents = new Set(categories.map((c) => c.parentCode).filter((p): p is string => p !== null));
  return categories
    .filter((c) => !parents.has(c.code))
    .map((c) => {
      const path = pathOf(c);
      const names = path.map((p) => p.name);
      const s = settings.get(c.code);
      return {
        code: c.code,
        name: c.name,
        nameEn: c.nameEn,
        group: path[0]!.name,
        path: names,
        description: s?.description ?? `${names.join(' / ')}（${c.nameEn}）`,
        keywords: s?.keywords ?? [...names.slice(1, -1), c.nameEn].join(', '),
        serviceNotice: s?.serviceNotice ?? null,
        private: s ? s.private : names.some((n) => PRIVATE_BY_DEFAULT.includes(n)),
        attributes: s ? [...s.attributes].sort((a, b) => a.order - b.order) : [],
        version: s?.version ?? 0,
        updatedAt: s?.updatedAt ?? null,
      };
    });
}

/** What an admin sends to change a service (a whole new definition). */
export interface ServiceEdit {
  description: string | null;
  keywords: string | null;
  serviceNotice: string | null;
  private: boolean;
  attributes: Attribute[];
}

const CODE = /^[A-Za-z0-9_.-]{1,64}$/;

/** What is wrong with an admin's service definition, as `{field, message}` (empty when it is sound). */
export function definitionProblems(edit: ServiceEdit): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const seenCodes = new Set<string>();
  const seenOrders = new Set<number>();
  edit.attributes.forEach((a, i) => {
    const at = (f: string) => `attributes.${i}.${f}`;
    if (!CODE.test(a.code)) problems.push({ field: at('code'), message: 'code: 1–64 letters, digits or _ . - (it is the form field attribute[code])' });
    if (seenCodes.has(a.code)) problems.push({ field: at('code'), message: `code ${a.code} is used twice` });
    seenCodes.add(a.code);
    if (!Number.isInteger(a.order) || a.order < 1) problems.push({ field: at('order'), message: 'order must be a positive whole number' });
    if (seenOrders.has(a.order)) problems.push({ field: at('order'), message: `order ${a.order} is used twice` });
    seenOrders.add(a.order);
    if (!a.description.trim()) problems.push({ field: at('description'), message: 'description must not be blank' });
    const isList = LIST_DATATYPES.includes(a.datatype);
    if (isList && a.values.length === 0) problems.push({ field: at('values'), message: `a ${a.datatype} needs at least one value` });
    if (!isList && a.values.length > 0) problems.push({ field: at('values'), message: `a ${a.datatype} has no values` });
    const keys = new Set<string>();
    a.values.forEach((v, j) => {
      if (!v.key.trim() || !v.name.trim()) problems.push({ field: `${at('values')}.${j}`, message: 'each value needs a key and a name' });
      if (keys.has(v.key)) problems.push({ field: `${at('values')}.${j}.key`, message: `key ${v.key} is used twice` });
      keys.add(v.key);
    });
    if (!a.variable && a.required) problems.push({ field: at('required'), message: 'an attribute that takes no answer (variable: false) cannot be required' });
  });
  return problems;
}
