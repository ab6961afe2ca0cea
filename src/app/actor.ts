import type { UserRecord } from '../adapters/db/user.store';
import type { Actor } from '../domain/roles';

export const actorOf = (u: Pick<UserRecord, 'id' | 'displayName' | 'roles' | 'unitId'>): Actor => ({
  id: u.id,
  name: u.displayName,
  roles: u.roles,
  unitId: u.unitId,
  kind: 'user',
});
