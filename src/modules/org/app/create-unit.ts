import type { Unit } from '../unit.store';
import { AppError } from '../../../platform/errors';
import { hasRole, type Actor, type UnitKind } from '../../../platform/roles';
import type { AppContext } from '../../../platform/context';
import { auditStore } from '../../../platform/audit/audit.store';
import { unitStore } from '../unit.store';

/** Adds a unit to the organisation tree (admin). Only the centre may be a root. */
export async function createUnit(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; nameEn?: string | undefined; kind: UnitKind; parentId?: string | null | undefined; divisionCode?: string | null | undefined },
): Promise<Unit> {
  if (!hasRole(actor, 'admin')) throw new AppError('AUTH.FORBIDDEN', 'Only an administrator may add units');
  const name = input.name.trim();
  if (!name) throw new AppError('VALIDATION.FAILED', 'name must not be blank', 'name');
  const parentId = input.parentId ?? null;
  if (parentId === null && input.kind !== 'centre') {
    throw new AppError('UNIT.INVALID_PARENT', 'Every unit except a centre needs a parent', 'parentId');
  }
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction(async (tx) => {
    const audit = auditStore(tx);
    const units = unitStore(tx);
    if (parentId && !(await units.get(parentId))) throw new AppError('UNIT.NOT_FOUND', `No parent unit ${parentId}`, 'parentId');
    const unit: Unit = { id: ctx.ids.id(), name, nameEn: input.nameEn?.trim() || null, kind: input.kind, parentId, divisionCode: input.divisionCode ?? null };
    await units.insert(unit, at);
    await audit.record({ at, actorId: actor.id, action: 'unit.create', entityType: 'unit', entityId: unit.id, toState: unit });
    return unit;
  });
}
