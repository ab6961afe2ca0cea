import type { UserRecord } from '../user.store';
import { AppError } from '../../../platform/errors';
import { hasRole, type Actor, type Role } from '../../../platform/roles';
import type { AppContext } from '../../../platform/context';
import { auditStore } from '../../../platform/audit/audit.store';
import { getUnit } from '../../org';
import { userStore } from '../user.store';

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  roles: Role[];
  unitId?: string | null | undefined;
}

export const MIN_PASSWORD_LENGTH = 8;

/** Creates an account (admin). Unit handlers must belong to a unit; passwords are stored only as scrypt hashes. */
export async function createUser(ctx: AppContext, actor: Actor | null, input: NewUser): Promise<UserRecord> {
  if (actor && !hasRole(actor, 'admin')) throw new AppError('AUTH.FORBIDDEN', 'Only an administrator may create accounts');
  const username = input.username.trim();
  if (!/^[A-Za-z0-9_.@-]{3,64}$/.test(username)) {
    throw new AppError('VALIDATION.FAILED', 'username: 3–64 letters, digits or _ . @ -', 'username');
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('VALIDATION.FAILED', `password must be at least ${MIN_PASSWORD_LENGTH} characters`, 'password');
  }
  if (input.roles.length === 0) throw new AppError('VALIDATION.FAILED', 'roles must name at least one role', 'roles');
  const unitId = input.unitId ?? null;
  if (input.roles.includes('unit_handler') && !unitId) {
    throw new AppError('VALIDATION.FAILED', 'A unit handler must belong to a unit', 'unitId');
  }
  const passwordHash = await ctx.passwords.hash(input.password);
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction(async (tx) => {
    const audit = auditStore(tx);
    const users = userStore(tx);
    if (unitId && !(await getUnit(tx, unitId))) throw new AppError('UNIT.NOT_FOUND', `No unit ${unitId}`, 'unitId');
    const user: UserRecord = {
      id: ctx.ids.id(),
      username,
      displayName: input.displayName.trim() || username,
      passwordHash,
      roles: [...new Set(input.roles)],
      unitId,
      active: true,
      createdAt: at,
    };
    if (!(await users.insert(user))) throw new AppError('USER.USERNAME_TAKEN', `The username ${username} is taken`, 'username');
    const { passwordHash: _secret, ...visible } = user;
    await audit.record({ at, actorId: actor?.id ?? null, action: 'user.create', entityType: 'user', entityId: user.id, toState: visible });
    return user;
  });
}
