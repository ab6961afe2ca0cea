import { stores } from '../adapters/db/stores';
import type { Unit } from '../adapters/db/unit.store';
import type { AppContext } from './ports';

/** The organisation tree as a flat list (every signed-in user needs it to read unit names). */
export async function listUnits(ctx: AppContext): Promise<Unit[]> {
  return stores(ctx.db).units.list();
}
