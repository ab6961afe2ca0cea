// Account administration rules the console applies before asking the API (which applies them again).
import type { UserChanges } from '../../shell/api';
import type { MessageKey } from '../../shell/i18n';
import type { User } from '../../shell/types';

export interface UserEditValues {
  displayName: string;
  roles: string[];
  unitId?: string | null | undefined;
}

/** Only what the administrator changed, so the audit trail shows real changes and nothing else. */
export function userChanges(before: User, v: UserEditValues): UserChanges {
  const out: UserChanges = {};
  const name = v.displayName.trim();
  if (name && name !== before.displayName) out.displayName = name;
  const roles = [...new Set(v.roles)];
  if (roles.length !== before.roles.length || roles.some((r) => !before.roles.includes(r as User['roles'][number]))) out.roles = roles;
  const unitId = v.unitId ?? null;
  if (unitId !== before.unitId) out.unitId = unitId;
  return out;
}

/** The API refuses an administrator who would lock themselves out; say so before asking. */
export function selfLockout(me: { id: string } | null, target: { id: string }, changes: UserChanges): { field: 'active' | 'roles'; message: MessageKey } | null {
  if (!me || me.id !== target.id) return null;
  if (changes.active === false) return { field: 'active', message: 'user.selfDisable' };
  if (changes.roles && !changes.roles.includes('admin')) return { field: 'roles', message: 'user.selfDemote' };
  return null;
}

export const AUDITED_USER_FIELDS = ['displayName', 'roles', 'unitId', 'active'] as const;
export type AuditedUserField = (typeof AUDITED_USER_FIELDS)[number];

export interface FieldChange {
  field: AuditedUserField;
  before: unknown;
  after: unknown;
}

/** What an audit entry changed on an account (the API never sends password hashes; a reset shows in the action). */
export function auditChanges(fromState: unknown, toState: unknown): FieldChange[] {
  const from = (fromState && typeof fromState === 'object' ? fromState : {}) as Record<string, unknown>;
  const to = (toState && typeof toState === 'object' ? toState : {}) as Record<string, unknown>;
  const changes: FieldChange[] = [];
  for (const field of AUDITED_USER_FIELDS) {
    if (!(field in to)) continue;
    if (JSON.stringify(from[field] ?? null) === JSON.stringify(to[field] ?? null) && field in from) continue;
    changes.push({ field, before: field in from ? from[field] : undefined, after: to[field] });
  }
  return changes;
}
