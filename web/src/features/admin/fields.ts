// Labels of the API inputs this feature's forms send, for the field a refusal names (shell/errors.ts finds this file).
import type { MessageKey } from '../../shell/i18n';

export const fieldLabels: Readonly<Record<string, MessageKey>> = {
  // POST /users, PATCH /users/:id, POST /units
  username: 'admin.username',
  displayName: 'admin.displayName',
  roles: 'admin.roles',
  unitId: 'admin.unit',
  active: 'user.status',
  name: 'admin.name',
  kind: 'admin.kind',
  parentId: 'admin.parent',
  divisionCode: 'admin.divisionCode',
};
