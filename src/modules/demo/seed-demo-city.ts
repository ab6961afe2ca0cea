import { randomBytes } from 'node:crypto';
import { auditStore } from '../../platform/audit/audit.store';
import type { AppContext } from '../../platform/context';
import type { Role } from '../../platform/roles';
import { insertUser } from '../auth';
import { DEMO_CATEGORIES, cityOrg, countUnits, flattenCategories, insertCategories, insertUnit, loadDivisions, type UnitSeed } from '../org';

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  roles: Role[];
  unitId: string | null;
}

/** In the demo city, the street whose handler the demo shows (丰财街道); elsewhere the city's first street. */
const DEMO_STREET = 's-320302002';

/** The demo accounts: one per role, plus a second unit handler in a department to show unit scoping. */
function demoUsers(org: readonly UnitSeed[]): Omit<DemoAccount, 'password'>[] {
  const street = org.find((u) => u.key === DEMO_STREET) ?? org.find((u) => u.kind === 'street');
  if (!street) throw new Error('the city has no street or township in the division data');
  return [
    { username: 'admin', displayName: '系统管理员', roles: ['admin'], unitId: 'centre' },
    { username: 'agent', displayName: '话务员 王芳', roles: ['agent'], unitId: 'centre' },
    { username: 'dispatcher', displayName: '派单员 李强', roles: ['dispatcher'], unitId: 'centre' },
    { username: 'handler', displayName: `${street.name} 赵敏`, roles: ['unit_handler'], unitId: street.key },
    { username: 'handler2', displayName: '市住建局 陈刚', roles: ['unit_handler'], unitId: 'dept-housing' },
    { username: 'supervisor', displayName: '督办员 孙磊', roles: ['supervisor'], unitId: 'centre' },
    { username: 'leader', displayName: '中心主任 周静', roles: ['leader'], unitId: 'centre' },
    { username: 'citizen', displayName: '市民 刘洋', roles: ['citizen'], unitId: null },
  ];
}

const generatedPassword = () => randomBytes(9).toString('base64url');

/**
 * Fills a new, empty database with the configured city (CITY_CODE; the demo city 徐州市 by default: districts, streets, departments, companies), the default
 * category tree and the demo accounts. Does nothing if units exist. Returns the accounts with their passwords,
 * which exist in clear only here, to be printed once.
 */
export async function seedDemoCity(
  ctx: AppContext,
  passwords: { admin?: string | undefined; demo?: string | undefined } = {},
): Promise<DemoAccount[] | null> {
  const org = cityOrg(ctx.city, loadDivisions());
  const accounts = demoUsers(org).map((u) => ({
    ...u,
    password: (u.username === 'admin' ? passwords.admin : passwords.demo) ?? generatedPassword(),
  }));
  const hashes = await Promise.all(accounts.map((a) => ctx.passwords.hash(a.password)));
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction(async (tx) => {
    // Two nodes starting on one new database: the second waits here and then finds it seeded.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [12345_0002]);
    if ((await countUnits(tx)) > 0) return null;
    for (const u of org) {
      await insertUnit(tx, { id: u.key, name: u.name, nameEn: u.nameEn, kind: u.kind, parentId: u.parentKey, divisionCode: u.divisionCode }, at);
    }
    await insertCategories(tx, flattenCategories(DEMO_CATEGORIES));
    for (const [i, a] of accounts.entries()) {
      await insertUser(tx, { id: ctx.ids.id(), username: a.username, displayName: a.displayName, passwordHash: hashes[i]!, roles: a.roles, unitId: a.unitId, active: true, createdAt: at });
    }
    await auditStore(tx).record({ at, actorId: null, action: 'seed.demo_city', entityType: 'system', entityId: null, toState: { city: ctx.city.code, accounts: accounts.map((a) => a.username) } });
    return accounts;
  });
}
