import type { Category } from '../adapters/db/category.store';
import { stores } from '../adapters/db/stores';
import type { AppContext } from './ports';

/** The category tree as a flat list, parents before children. */
export async function listCategories(ctx: AppContext): Promise<Category[]> {
  return stores(ctx.db).categories.list();
}
