// The console's pages, found by file name: every web/src/features/<name>/route.ts exports `routes`, and the
// shell builds the router, the menu and each role's home page from them. Adding a page edits no shared file
// (see web/src/features/README.md).
import type { ComponentType } from 'react';
import type { MessageKey } from './i18n';
import type { Role } from './types';

/** What a page receives: the parameters of its path (`/tickets/:id` → `{ id }`). */
export interface RouteProps {
  params: Readonly<Record<string, string>>;
}

export interface FeatureRoute {
  /** `/desk`, `/tickets/:id` (a parameter), `/portal/*` (the path and everything below it). */
  path: string;
  /**
   * Who may open it: these roles (the shell shows "no access" to others), `'public'` (anyone, signed in or
   * not, without the staff layout: the citizens' portal) or `'signed-out'` (the sign-in page, shown for any
   * staff address while nobody is signed in).
   */
  roles: readonly Role[] | 'public' | 'signed-out';
  /** The page, loaded on first visit as its own chunk: `() => import('./MyPage')` (a default export). */
  page: () => Promise<{ default: ComponentType<RouteProps> }>;
  /** An entry of the top menu, for the roles above: its label, icon, and position (smaller first). */
  menu?: { label: MessageKey; icon?: ComponentType; order: number };
  /** The roles that land here after sign-in (a user with several roles: the first in LANDING_ORDER decides). */
  home?: readonly Role[];
  /** The browser tab's title while the page is open; default `app.title`. */
  title?: MessageKey;
}

/** When a user has several roles, the first of these they have chooses their home page. */
export const LANDING_ORDER: readonly Role[] = ['agent', 'dispatcher', 'unit_handler', 'admin', 'supervisor', 'leader', 'citizen'];

export interface FeatureRoutes {
  feature: string;
  routes: readonly FeatureRoute[];
}

const files = import.meta.glob<readonly FeatureRoute[]>('../features/*/route.ts', { eager: true, import: 'routes' });

/** Each feature's routes, by folder name. */
export const FEATURES: readonly FeatureRoutes[] = Object.entries(files)
  .map(([path, routes]) => ({ feature: /\/features\/([^/]+)\//.exec(path)?.[1] ?? path, routes }))
  .sort((a, b) => a.feature.localeCompare(b.feature));

export const ROUTES: readonly FeatureRoute[] = FEATURES.flatMap((f) => f.routes);

const segments = (path: string) => path.split('/').filter(Boolean);

/** The parameters when `pathname` matches `pattern` (`/tickets/:id`, `/portal/*`), else null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const p = segments(pattern);
  const s = segments(pathname);
  const wildcard = p.at(-1) === '*';
  if (wildcard) p.pop();
  if (wildcard ? s.length < p.length : p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i] as string;
    const val = s[i] as string;
    if (seg.startsWith(':')) {
      try {
        params[seg.slice(1)] = decodeURIComponent(val);
      } catch {
        return null;
      }
    } else if (seg !== val) return null;
  }
  return params;
}

/** Fixed segments before parameters, parameters before a wildcard: `/tickets/new` wins over `/tickets/:id`. */
function specificity(path: string): number[] {
  return segments(path).map((s) => (s === '*' ? 0 : s.startsWith(':') ? 1 : 2));
}
function bySpecificity(a: FeatureRoute, b: FeatureRoute): number {
  const x = specificity(a.path);
  const y = specificity(b.path);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (y[i] ?? -1) - (x[i] ?? -1);
    if (d) return d;
  }
  return 0;
}
const MATCH_ORDER = [...ROUTES].sort(bySpecificity);

export interface RouteMatch {
  route: FeatureRoute;
  params: Record<string, string>;
}

/** The route that shows this address, with its parameters; null when no feature has it. */
export function matchRoute(pathname: string, routes: readonly FeatureRoute[] = MATCH_ORDER): RouteMatch | null {
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}

/** Whether these roles may open this route (pages for the signed-out and public pages: anyone). */
export function routeAllows(route: FeatureRoute, roles: readonly Role[]): boolean {
  return typeof route.roles === 'string' || route.roles.some((r) => roles.includes(r));
}

/** The menu of these roles, in menu order. */
export function menuRoutes(roles: readonly Role[]): FeatureRoute[] {
  return ROUTES.filter((r) => r.menu && Array.isArray(r.roles) && routeAllows(r, roles)).sort((a, b) => (a.menu?.order ?? 0) - (b.menu?.order ?? 0));
}

/** The address that opens a route: its path without a trailing `/*`. */
export function routeHref(route: FeatureRoute): string {
  return route.path.endsWith('/*') ? route.path.slice(0, -2) || '/' : route.path;
}

/** The addresses of the menu of these roles, in menu order. */
export function menuFor(roles: readonly Role[]): string[] {
  return menuRoutes(roles).map(routeHref);
}

/** Whether the page at this address may be opened with these roles (pages may use it for parts of other pages). */
export function mayOpen(roles: readonly Role[], path: string): boolean {
  const m = matchRoute(path);
  return m !== null && routeAllows(m.route, roles);
}

/** Where a user lands after sign-in: the home of their first role in LANDING_ORDER, else their first menu entry. */
export function homeFor(roles: readonly Role[]): string {
  for (const role of LANDING_ORDER) {
    if (!roles.includes(role)) continue;
    const home = ROUTES.find((r) => r.home?.includes(role));
    if (home) return routeHref(home);
  }
  return menuFor(roles)[0] ?? '/login';
}
