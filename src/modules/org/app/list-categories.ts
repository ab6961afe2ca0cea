import type { Category } from '../category.store';
import type { AppContext } from '../../../platform/context';
import { categoryStore } from '../category.store';

/** The category tree as a flat list, parents before children. */
export async function listCategories(ctx: AppContext): Promise<Category[]> {
  return categoryStore(ctx.db).list();
}
