import { describe, expect, it } from 'vitest';
import { FEATURES, homeFor, LANDING_ORDER, matchPath, matchRoute, mayOpen, menuFor, ROUTES } from './registry';
import { isMessageKey } from './i18n';
import { ROLES } from './types';

// Every folder under features/ (any file in it), to check that each one declares its routes.
const featureFolders = [...new Set(Object.keys(import.meta.glob('../features/*/*')).map((p) => p.split('/')[2] ?? ''))].sort();

describe('the feature registry', () => {
  it('finds a route.ts in every feature folder, each with routes', () => {
    expect(FEATURES.map((f) => f.feature)).toEqual(featureFolders);
    for (const f of FEATURES) expect(f.routes.length, f.feature).toBeGreaterThan(0);
  });

  it('routes are well formed: one path once, menu positions once, labels and titles in the dictionary', () => {
    const paths = ROUTES.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    const orders = ROUTES.flatMap((r) => (r.menu ? [r.menu.order] : []));
    expect(new Set(orders).size).toBe(orders.length);
    for (const r of ROUTES) {
      expect(r.path, r.path).toMatch(/^\/[a-z0-9/:*-]*$/);
      expect(typeof r.page, r.path).toBe('function');
      if (r.menu) {
        expect(isMessageKey(r.menu.label), r.menu.label).toBe(true);
        expect(Array.isArray(r.roles), `${r.path}: a menu entry names its roles`).toBe(true);
      }
      if (r.title) expect(isMessageKey(r.title), r.title).toBe(true);
    }
    expect(ROUTES.filter((r) => r.roles === 'signed-out')).toHaveLength(1);
  });

  it('every role has exactly one home', () => {
    expect([...LANDING_ORDER].sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) expect(ROUTES.filter((r) => r.home?.includes(role)), role).toHaveLength(1);
  });

  it('matches fixed paths, parameters and wildcards', () => {
    expect(matchRoute('/tickets/abc%20d')?.params).toEqual({ id: 'abc d' });
    expect(matchRoute('/tickets')?.route.path).toBe('/tickets');
    expect(matchRoute('/portal')?.route.path).toBe('/portal/*');
    expect(matchRoute('/portal/track/1')?.route.path).toBe('/portal/*');
    expect(matchRoute('/nowhere')).toBeNull();
    expect(matchPath('/a/:id', '/a/%E0%A4%A')).toBeNull();
    expect(matchPath('/a/*', '/b')).toBeNull();
  });

  it('lets the roles of a route open it, and anyone the portal and the sign-in page', () => {
    expect(mayOpen(['unit_handler'], '/tickets/x')).toBe(true);
    expect(mayOpen(['citizen'], '/tickets/x')).toBe(false);
    expect(mayOpen(['citizen'], '/portal')).toBe(true);
    expect(mayOpen([], '/login')).toBe(true);
    expect(mayOpen(['admin'], '/nowhere')).toBe(false);
  });

  it('keeps the menu in its declared order', () => {
    expect(menuFor(['admin'])).toEqual(['/desk', '/review', '/callback', '/clusters', '/board', '/tickets', '/intake', '/deadlines', '/admin/open311', '/admin']);
    expect(homeFor(['leader', 'admin'])).toBe('/admin');
  });
});
