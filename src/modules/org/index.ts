import type { Sql } from '../../platform/db/database';
import type { Module } from '../../platform/module';
import { categoryStore, type Category } from './category.store';
import { orgRoutes } from './org.routes';
import { unitStore, type Unit } from './unit.store';

export { cityOf } from './city';
export { loadDivisions, type Divisions } from './divisions';
export { CENTRE_KEY, DEMO_CITY_CODE, cityOrg, streetKey, districtKey, type UnitSeed } from './domain/city-org';
export { DEMO_CATEGORIES, STREET_HINT, flattenCategories, type FlatCategory } from './domain/categories';
export type { Unit, Category };

/** The organisation (units: centre, districts, streets, departments, companies) and the category tree. */
export const orgModule: Module = {
  name: 'org',
  tables: ['units', 'categories'],
  routes: orgRoutes,
};

// What other modules may read and write of the organisation.
export const listUnits = (sql: Sql): Promise<Unit[]> => unitStore(sql).list();
export const getUnit = (sql: Sql, id: string): Promise<Unit | null> => unitStore(sql).get(id);
export const getUnits = (sql: Sql, ids: readonly string[]): Promise<Unit[]> => unitStore(sql).getMany(ids);
export const countUnits = (sql: Sql): Promise<number> => unitStore(sql).count();
export const insertUnit = (sql: Sql, unit: Unit, at: string): Promise<void> => unitStore(sql).insert(unit, at);
export const listCategories = (sql: Sql): Promise<Category[]> => categoryStore(sql).list();
export const insertCategories = (sql: Sql, categories: readonly Category[]): Promise<void> => categoryStore(sql).insertMany(categories);

/** The first of `ids` that names no unit, or null when all exist. */
export async function unitsExist(sql: Sql, ids: readonly string[]): Promise<string | null> {
  const found = new Set((await unitStore(sql).getMany(ids)).map((u) => u.id));
  return ids.find((id) => !found.has(id)) ?? null;
}

/** Each unit's parent, for walking up the tree (supervision notifies the level above). */
export async function unitParents(sql: Sql): Promise<Map<string, string | null>> {
  return new Map((await unitStore(sql).list()).map((u) => [u.id, u.parentId]));
}
