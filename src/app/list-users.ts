import { stores } from '../adapters/db/stores';
import type { UserRecord } from '../adapters/db/user.store';
import { AppError } from '../domain/errors';
import { hasRole, type Actor } from '../domain/roles';
import type { AppContext } from './ports';

export async function listUsers(ctx: AppContext, actor: Actor): Promise<UserRecord[]> {
  if (!hasRole(actor, 'admin')) throw new AppError('AUTH.FORBIDDEN', 'Only an administrator may list accounts');
  return stores(ctx.db).users.list();
}
