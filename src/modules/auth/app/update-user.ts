import type { UserRecord } from '../user.store';
import { AppError } from '../../../platform/errors';
import { hasRole, type Actor, type Role } from '../../../platform/roles';
import { MIN_PASSWORD_LENGTH } from './create-user';
import type { AppContext } from '../../../platform/context';
import { sessionCache } from './session-cache';
import { auditStore } from '../../../platform/audit/audit.store';
import { sessionStore } from '../session.store';
import { getUnit } from '../../org';
import { userStore } from '../user.store';

export interface UserChanges {
  displayName?: string | undefined;
  roles?: Role[] | undefined;
  unitId?: string | null | undefined;
  active?: boolean | undefined;
  password?: string | undefined;
}

/**
 * Changes an account (admin). Disabling it or setting a new password signs it out everywhere at once.
 * An administrator cannot disable or demote themselves, so a city never locks itself out.
 */
export async function updateUser(ctx: AppContext, actor: Actor, id: string, changes: UserChanges): Promise<UserRecord> {
  if (!hasRole(actor, 'admin')) throw new AppError('AUTH.FORBIDDEN', 'Only an administrator may change accounts');
  if (actor.id === id && (changes.active === false || (changes.roles && !changes.roles.includes('admin')))) {
    throw new AppError('VALIDATION.FAILED', 'You cannot disable your own account or remove your own admin role', changes.active === false ? 'active' : 'roles');
  }
  if (changes.password !== undefined && changes.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('VALIDATION.FAILED', `password must be at least ${MIN_PASSWORD_LENGTH} characters`, 'password');
  }
  const passwordHash = changes.password === undefined ? undefined : await ctx.passwords.hash(changes.password);
  const at = ctx.clock.now().toISOString();
  const updated = await ctx.db.transaction(async (tx) => {
    const audit = auditStore(tx);
    const sessions = sessionStore(tx);
    const users = userStore(tx);
    const before = await users.get(id);
    if (!before) throw new AppError('USER.NOT_FOUND', `No user ${id}`, 'id');
    const after: UserRecord = {
      ...before,
      displayName: changes.displayName?.trim() || before.displayName,
      roles: changes.roles ? [...new Set(changes.roles)] : before.roles,
      unitId: changes.unitId === undefined ? before.unitId : changes.unitId,
      active: changes.active ?? before.active,
      passwordHash: passwordHash ?? before.passwordHash,
    };
    if (after.roles.length === 0) throw new AppError('VALIDATION.FAILED', 'roles must name at least one role', 'roles');
    if (after.roles.includes('unit_handler') && !after.unitId) throw new AppError('VALIDATION.FAILED', 'A unit handler must belong to a unit', 'unitId');
    if (after.unitId && after.unitId !== before.unitId && !(await getUnit(tx, after.unitId))) throw new AppError('UNIT.NOT_FOUND', `No unit ${after.unitId}`, 'unitId');
    await users.update(after);
    if (!after.active || passwordHash) await sessions.revokeAllOf(id, at);
    const visible = ({ passwordHash: _p, ...rest }: UserRecord) => rest;
    await audit.record({
      at,
      actorId: actor.id,
      action: passwordHash ? 'user.update+password' : 'user.update',
      entityType: 'user',
      entityId: id,
      fromState: visible(before),
      toState: visible(after),
    });
    return after;
  });
  // After the commit: this node must not serve the old account (roles, unit, status) from its session cache.
  sessionCache(ctx).deleteWhere((u) => u.id === id);
  return updated;
}
