import { randomBytes } from 'node:crypto';
import { stores } from '../adapters/db/stores';
import { DEMO_CATEGORIES, flattenCategories } from '../demo/categories';
import { demoOrg } from '../demo/org';
import type { Role } from '../domain/roles';
import type { AppContext } from './ports';

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  roles: Role[];
  unitId: string | null;
}

/** The demo accounts: one per role, plus a second unit handler in a department to show unit scoping. */
const DEMO_USERS: Omit<DemoAccount, 'password'>[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'], unitId: 'centre' },
  { username: 'agent', displayName: '话务员 王芳', roles: ['agent'], unitId: 'centre' },
  { username: 'dispatcher', displayName: '派单员 李强', roles: ['dispatcher'], unitId: 'centre' },
  { username: 'handler', displayName: '丰财街道 赵敏', roles: ['unit_handler'], unitId: 's-320302002' },
  { username: 'handler2', displayName: '市住建局 陈刚', roles: ['unit_handler'], unitId: 'dept-housing' },
  { username: 'supervisor', displayName: '督办员 孙磊', roles: ['supervisor'], unitId: 'centre' },
  { username: 'leader', displayName: '中心主任 周静', roles: ['leader'], unitId: 'centre' },
  { username: 'citizen', displayName: '市民 刘洋', roles: ['citizen'], unitId: null },
];

const generatedPassword = () => randomBytes(9).toString('base64url');

/**
 * Fills a new, empty database with the demo city (徐州市: districts, streets, departments, companies), the default
 * category tree and the demo accounts. Does nothing if units exist. Returns the accounts with their passwords,
 * which exist in clear only here, to be printed once.
 */
export async function seedDemoCity(
  ctx: AppContext,
  passwords: { admin?: string | undefined; demo?: string | undefined } = {},
): Promise<DemoAccount[] | null> {
  const accounts = DEMO_USERS.map((u) => ({
    ...u,
    password: (u.username === 'admin' ? passwords.admin : passwords.demo) ?? generatedPassword(),
  }));
  const hashes = await Promise.all(accounts.map((a) => ctx.passwords.hash(a.password)));
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction(async (tx) => {
    // Two nodes starting on one new database: the second waits here and then finds it seeded.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [12345_0002]);
    const s = stores(tx);
    if ((await s.units.count()) > 0) return null;
    for (const u of demoOrg()) {
      await s.units.insert({ id: u.key, name: u.name, nameEn: u.nameEn, kind: u.kind, parentId: u.parentKey, divisionCode: u.divisionCode }, at);
    }
    await s.categories.insertMany(flattenCategories(DEMO_CATEGORIES));
    for (const [i, a] of accounts.entries()) {
      await s.users.insert({ id: ctx.ids.id(), username: a.username, displayName: a.displayName, passwordHash: hashes[i]!, roles: a.roles, unitId: a.unitId, active: true, createdAt: at });
    }
    await s.audit.record({ at, actorId: null, action: 'seed.demo_city', entityType: 'system', entityId: null, toState: { accounts: accounts.map((a) => a.username) } });
    return accounts;
  });
}
