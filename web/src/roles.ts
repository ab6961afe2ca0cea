// Where each role lands after sign-in, and which menu entries it sees.
import type { Role } from './types';

export type Route = '/desk' | '/tickets' | '/unit' | '/review' | '/callback' | '/clusters' | '/board' | '/intake' | '/deadlines' | '/open311' | '/admin' | '/portal';

const HOME_BY_ROLE: [Role, Route][] = [
  ['agent', '/desk'],
  ['dispatcher', '/review'],
  ['unit_handler', '/unit'],
  ['admin', '/admin'],
  ['supervisor', '/board'],
  ['leader', '/board'],
  ['citizen', '/portal'],
];

export function homeFor(roles: readonly Role[]): Route {
  for (const [role, route] of HOME_BY_ROLE) if (roles.includes(role)) return route;
  return '/tickets';
}

const MENU: { route: Route; roles: Role[] }[] = [
  { route: '/desk', roles: ['agent', 'admin'] },
  { route: '/review', roles: ['dispatcher', 'admin', 'supervisor'] },
  { route: '/callback', roles: ['dispatcher', 'admin', 'supervisor'] },
  // Event clusters: the hotline centre (GET /assist/clusters); dispatchers merge duplicates from there.
  { route: '/clusters', roles: ['dispatcher', 'agent', 'supervisor', 'leader', 'admin'] },
  { route: '/unit', roles: ['unit_handler'] },
  { route: '/board', roles: ['supervisor', 'leader', 'dispatcher', 'admin'] },
  { route: '/tickets', roles: ['agent', 'dispatcher', 'unit_handler', 'supervisor', 'leader', 'admin'] },
  // Smart intake: settings and accuracy for these four (GET allowed); model versions for admin, supervisor, leader;
  // only the admin changes anything.
  { route: '/intake', roles: ['admin', 'dispatcher', 'supervisor', 'leader'] },
  // Deadlines & calendar: who reads GET /admin/sla and /admin/calendar; only the admin changes anything.
  { route: '/deadlines', roles: ['admin', 'supervisor', 'leader'] },
  // Open311: client apps' keys and service definitions (admin only, as the API).
  { route: '/open311', roles: ['admin'] },
  { route: '/admin', roles: ['admin'] },
];

export function menuFor(roles: readonly Role[]): Route[] {
  return MENU.filter((m) => m.roles.some((r) => roles.includes(r))).map((m) => m.route);
}

/** Whether the menu offers this page to these roles (pages use it to say "no access" rather than fail on a 403). */
export function mayOpen(roles: readonly Role[], route: Route): boolean {
  return menuFor(roles).includes(route);
}
