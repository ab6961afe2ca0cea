import type { Unit } from '../unit.store';
import type { AppContext } from '../../../platform/context';
import { unitStore } from '../unit.store';

/** The organisation tree as a flat list (every signed-in user needs it to read unit names). */
export async function listUnits(ctx: AppContext): Promise<Unit[]> {
  return unitStore(ctx.db).list();
}
