import type { UserRecord } from '../user.store';
import { AppError } from '../../../platform/errors';
import { hasRole, type Actor } from '../../../platform/roles';
import type { AppContext } from '../../../platform/context';
import { userStore } from '../user.store';

export async function listUsers(ctx: AppContext, actor: Actor): Promise<UserRecord[]> {
  if (!hasRole(actor, 'admin')) throw new AppError('AUTH.FORBIDDEN', 'Only an administrator may list accounts');
  return userStore(ctx.db).list();
}
