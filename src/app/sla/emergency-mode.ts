import type { Database } from '../../adapters/db/database';
import { slaStore } from '../../adapters/db/sla.store';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import type { EmergencyMode } from '../../domain/sla/emergency-mode';
import type { Clock } from '../ports';
import { requireAdmin } from './sla-settings';

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
    const store = slaStore(tx);
    await store.setEmergencyMode(mode, at, actor.id);
    const reprioritised = await store.reprioritise(mode);
    await tx.query(
      `INSERT INTO audit_log (at, actor_id, action, entity_type, entity_id, to_state) VALUES ($1, $2, 'emergency.set', 'emergency_mode', '1', $3)`,
      [at, actor.id, JSON.stringify(mode)],
    );
    return { ...mode, reprioritised, changedAt: at, changedBy: actor.id, changedByName: actor.name };
  });
}

export async function getEmergencyMode(ctx: { db: Database }) {
  return slaStore(ctx.db).emergencyModeWithName();
}
