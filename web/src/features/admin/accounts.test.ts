import { describe, expect, it } from 'vitest';
import { auditChanges, selfLockout, userChanges } from './accounts';
import type { UserChanges } from '../../shell/api';
import type { User } from '../../shell/types';

const user: User = { id: 'u1', username: 'li', displayName: '李明', roles: ['agent'], unitId: null, unitName: null, active: true };

describe('account administration', () => {
  it('sends only what changed', () => {
    expect(userChanges(user, { displayName: ' 李明 ', roles: ['agent'], unitId: undefined })).toEqual({});
    expect(userChanges(user, { displayName: '李明明', roles: ['agent', 'dispatcher'], unitId: 'unit-1' })).toEqual({
      displayName: '李明明',
      roles: ['agent', 'dispatcher'],
      unitId: 'unit-1',
    });
    expect(userChanges({ ...user, unitId: 'unit-1' }, { displayName: '李明', roles: ['agent'], unitId: null })).toEqual({ unitId: null });
    expect(userChanges(user, { displayName: '', roles: ['agent'] })).toEqual({});
  });

  const table: [UserChanges, ReturnType<typeof selfLockout>][] = [
    [{ active: false }, { field: 'active', message: 'user.selfDisable' }],
    [{ roles: ['agent'] }, { field: 'roles', message: 'user.selfDemote' }],
    [{ roles: ['admin', 'agent'] }, null],
    [{ active: true, password: 'long-enough' }, null],
  ];
  it.each(table)('an admin changing their own account with %j: %j', (changes, expected) => {
    expect(selfLockout({ id: 'me' }, { id: 'me' }, changes)).toEqual(expected);
    expect(selfLockout({ id: 'me' }, { id: 'other' }, changes)).toBeNull();
  });

  it('lists the account fields an audit entry changed', () => {
    const before = { ...user, createdAt: 'x' };
    expect(auditChanges(before, { ...before, active: false })).toEqual([{ field: 'active', before: true, after: false }]);
    expect(auditChanges(before, { ...before, roles: ['agent', 'supervisor'], displayName: '李' })).toEqual([
      { field: 'displayName', before: '李明', after: '李' },
      { field: 'roles', before: ['agent'], after: ['agent', 'supervisor'] },
    ]);
    // A creation has no state before: every field it set is shown.
    expect(auditChanges(undefined, { displayName: '新人', roles: ['agent'], unitId: null }).map((c) => c.field)).toEqual(['displayName', 'roles', 'unitId']);
    expect(auditChanges(null, null)).toEqual([]);
  });
});
