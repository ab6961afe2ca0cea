export const ROLES = ['admin', 'agent', 'dispatcher', 'unit_handler', 'supervisor', 'leader', 'citizen'] as const;
export type Role = (typeof ROLES)[number];

/** Roles of the hotline centre: they see the whole city. */
export const CENTRE_ROLES: readonly Role[] = ['admin', 'agent', 'dispatcher', 'supervisor', 'leader'];

export const UNIT_KINDS = ['centre', 'district', 'street', 'department', 'company'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Who performs an action. `system` is the platform itself (sweeps, automatic dispatch); `public` a citizen
 * identified only by order number and phone on the portal. */
export interface Actor {
  id: string;
  name: string;
  roles: readonly Role[];
  unitId: string | null;
  kind: 'user' | 'system' | 'public';
}

export const hasRole = (actor: Pick<Actor, 'roles'>, ...roles: Role[]): boolean =>
  actor.roles.some((r) => roles.includes(r));

export const isCentre = (actor: Pick<Actor, 'roles'>): boolean => actor.roles.some((r) => CENTRE_ROLES.includes(r));

export const SYSTEM_ACTOR: Actor = { id: 'system', name: '系统', roles: [], unitId: null, kind: 'system' };
