/** A node of the 3-level request category tree (诉求分类). */
export interface Category {
  code: string;
  name: string;
  nameEn: string;
  level: 1 | 2 | 3;
  parentCode: string | null;
  /** The unit that usually handles the matter: a unit id, or 'street' for the street office of the address. */
  unitHint: string | null;
}
