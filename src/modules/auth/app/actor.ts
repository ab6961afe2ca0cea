import type { UserRecord } from '../user.store';
import type { Actor } from '../../../platform/roles';

export const actorOf = (u: Pick<UserRecord, 'id' | 'displayName' | 'roles' | 'unitId'>): Actor => ({
  id: u.id,
  name: u.displayName,
  roles: u.roles,
  unitId: u.unitId,
  kind: 'user',
});
