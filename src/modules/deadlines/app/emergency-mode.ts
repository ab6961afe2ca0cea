import type { Database } from '../../../platform/db/database';
import { deadlinesStore } from '../deadlines.store';
import { AppError } from '../../../platform/errors';
import type { Actor } from '../../../platform/roles';
import type { EmergencyMode } from '../domain/emergency-mode';
import type { Clock } from '../../../platform/context';
import { requireAdmin } from './deadline-settings';
import { auditStore } from '../../../platform/audit/audit.store';
import { actorName } from '../../../platform/db/rows';
import { displayNames } from '../../auth';
import { ticketIdsTagged } from '../../tickets';

/**
 * Switches the city into (or out of) emergency response (一级响应). Orders tagged with `tag` come first in
 * every queue at once; orders dispatched while the mode is on get the emergency deadline policy.
 */
export async function setEmergencyMode(
  ctx: { db: Database; clock: Clock },
  actor: Actor,
  input: { active: boolean; tag?: string | null },
): Promise<EmergencyMode & { reprioritised: number; changedAt: string; changedBy: string; changedByName: string }> {
  requireAdmin(actor);
  const tag = input.tag?.trim() || null;
  if (input.active && !tag) throw new AppError('VALIDATION.FAILED', '开启应急响应需要指定标签 Emergency mode needs a tag', 'tag');
  const mode: EmergencyMode = { active: input.active, tag: input.active ? tag : null };
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction(async (tx) => {
    const store = deadlinesStore(tx);
    await store.setEmergencyMode(mode, at, actor.id);
    const reprioritised = await store.reprioritise(mode.active && mode.tag ? await ticketIdsTagged(tx, mode.tag) : []);
    await auditStore(tx).record({ at, actorId: actor.id, action: 'emergency.set', entityType: 'emergency_mode', entityId: '1', toState: mode });
    return { ...mode, reprioritised, changedAt: at, changedBy: actor.id, changedByName: actor.name };
  });
}

/** The mode with the display name of who changed it, for GET /admin/emergency. */
export async function getEmergencyMode(ctx: { db: Database }) {
  const mode = await deadlinesStore(ctx.db).emergencyMode();
  const names = await displayNames(ctx.db, [mode.changedBy]);
  return { ...mode, changedByName: mode.changedBy ? actorName(mode.changedBy, names.get(mode.changedBy)) : null };
}
