import type { UserRecord } from './user.store';
import type { AppContext } from '../../platform/context';
import { getUnits } from '../org';

/** Users as the API shows them: never the password hash; with their unit's name for display. */
export async function userViews(ctx: AppContext, users: readonly UserRecord[]) {
  const unitIds = [...new Set(users.flatMap((u) => (u.unitId ? [u.unitId] : [])))];
  const names = new Map((await getUnits(ctx.db, unitIds)).map((u) => [u.id, u.name]));
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    unitId: u.unitId,
    unitName: (u.unitId && names.get(u.unitId)) || null,
    active: u.active,
    createdAt: u.createdAt,
  }));
}

export const userView = async (ctx: AppContext, u: UserRecord) => (await userViews(ctx, [u]))[0]!;
