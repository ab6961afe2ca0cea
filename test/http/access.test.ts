import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scryptHasher } from '../../src/platform/crypto';
import { buildApp, type App } from '../../src/platform/http/app';
import type { AuthPolicy, PasswordHasher } from '../../src/platform/context';
import { TestClock, testContext } from '../support/context';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../support/http';
import { actOk, fetchTicket, HOUSING, register, STREET } from '../support/tickets';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const get = async (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: await t.as(who) });

/**
 * Two server nodes over the test database (each with its own connection on PostgreSQL, and its own clock), which
 * count the passwords they check: scrypt verifications, the work a refused sign-in must not cost.
 */
async function twoNodes(auth: Partial<AuthPolicy> = {}) {
  let checks = 0;
  const passwords: PasswordHasher = {
    hash: (password) => scryptHasher.hash(password),
    verify: (password, stored) => {
      checks++;
      return scryptHasher.verify(password, stored);
    },
  };
  const clocks = [new TestClock(t.clock.now()), new TestClock(t.clock.now())];
  const apps: App[] = [];
  for (const clock of clocks) {
    apps.push(await buildApp(testContext(await t.tdb.openAnother(), clock, { passwords, auth: { ...t.ctx.auth, ...auth } }), { webDist: null, modules: t.modules }));
  }
  return {
    login: (i: number, username: string, password: string, remoteAddress: string) =>
      apps[i % 2]!.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress }),
    checks: () => checks,
    advance: (ms: number) => clocks.forEach((c) => c.advance(ms)),
    close: () => Promise.all(apps.map((a) => a.close())),
  };
}

describe('accounts and sign-in', () => {
  it('signs in, tells who I am, and revokes the token at logout', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'handler', password: DEMO_PASSWORD } });
    expect(login.statusCode).toBe(200);
    const { token, user } = login.json();
    expect(user).toMatchObject({ username: 'handler', roles: ['unit_handler'], unitId: STREET, unitName: '丰财街道' });
    expect(JSON.stringify(login.json())).not.toContain('scrypt');
    const headers = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers })).json()).toMatchObject({ username: 'handler' });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('refuses wrong passwords alike for unknown users, and locks an account after repeated failures', async () => {
    const attempt = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: '10.9.9.9' });
    expect((await attempt('nobody', 'whatever')).json()).toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS' });
    for (let i = 0; i < 5; i++) expect((await attempt('leader', 'wrong-password')).statusCode).toBe(401);
    const locked = await attempt('leader', DEMO_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('AUTH.RATE_LIMITED');
    expect(locked.headers['retry-after']).toBe('900');
    t.clock.advance(16 * 60_000);
    expect((await attempt('leader', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('checks at most the account limit of wrong passwords sent all at once, to one node or two', async () => {
    const nodes = await twoNodes();
    try {
      // 60 wrong passwords for one account at the same moment, from 60 addresses (so only the account limit applies).
      const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => nodes.login(i, 'handler2', `wrong-${i}`, `10.5.0.${i}`)));
      const codes = answers.map((a) => a.statusCode);
      const checked = codes.filter((c) => c === 401).length;
      // Which ones get checked depends on timing (possibly none: each counts the others still being checked),
      // but never more than the limit; the rest are refused without hashing anything.
      expect(checked).toBeLessThanOrEqual(5);
      expect(nodes.checks()).toBe(checked);
      expect(codes.filter((c) => c === 429)).toHaveLength(60 - checked);
      for (const refused of answers.filter((a) => a.statusCode === 429)) {
        expect(refused.json()).toMatchObject({ code: 'AUTH.RATE_LIMITED', message: 'Too many failed sign-ins; try again in 15 minutes' });
        expect(refused.headers['retry-after']).toBe('900');
      }
      // Only the checked ones stay counted: exactly 5 - checked more wrong passwords get checked, then it locks.
      for (let i = checked; i < 5; i++) expect((await nodes.login(i, 'handler2', 'wrong-again', '10.5.1.1')).statusCode).toBe(401);
      expect((await nodes.login(0, 'handler2', DEMO_PASSWORD, '10.5.1.2')).statusCode).toBe(429);
      expect((await nodes.login(1, 'handler2', DEMO_PASSWORD, '10.5.1.2')).statusCode).toBe(429);
      expect(nodes.checks()).toBe(5);
      // Once the window has passed, on both nodes, the right password is accepted again.
      nodes.advance(15 * 60_000 + 1);
      expect((await nodes.login(1, 'handler2', DEMO_PASSWORD, '10.5.1.2')).statusCode).toBe(200);
      expect((await nodes.login(0, 'handler2', DEMO_PASSWORD, '10.5.1.2')).statusCode).toBe(200);
      // Expired failures were deleted as new attempts arrived; the successes stay marked as such, and audited.
      const rows = await t.ctx.db.query<{ success: boolean }>("SELECT success FROM login_attempts WHERE username = 'handler2'");
      expect(rows.map((r) => r.success)).toEqual([true, true]);
      const audit = await t.ctx.db.query<{ action: string }>(
        "SELECT a.action FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE u.username = 'handler2' ORDER BY a.id",
      );
      expect(audit.map((a) => a.action)).toEqual(['login', 'login']);
    } finally {
      await nodes.close();
    }
  });

  it('checks at most the address limit of wrong passwords sent all at once from one address', async () => {
    const nodes = await twoNodes({ maxFailuresPerIp: 10 });
    try {
      // 40 unknown accounts (one guess each, so only the address limit applies): a dummy hash is checked for each.
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => nodes.login(i, `nobody-${i}`, 'guess', '10.6.6.6')));
      const checked = answers.filter((a) => a.statusCode === 401).length;
      expect(checked).toBeLessThanOrEqual(10);
      expect(nodes.checks()).toBe(checked);
      expect(answers.filter((a) => a.statusCode === 429 && a.json().code === 'AUTH.RATE_LIMITED')).toHaveLength(40 - checked);
      for (let i = checked; i < 10; i++) expect((await nodes.login(i, `nobody-more-${i}`, 'guess', '10.6.6.6')).statusCode).toBe(401);
      const locked = await nodes.login(0, 'dispatcher', DEMO_PASSWORD, '10.6.6.6');
      expect(locked.statusCode).toBe(429);
      expect(locked.headers['retry-after']).toBe('900');
      expect((await nodes.login(1, 'dispatcher', DEMO_PASSWORD, '10.6.6.7')).statusCode).toBe(200); // another address
      nodes.advance(15 * 60_000 + 1);
      expect((await nodes.login(0, 'dispatcher', DEMO_PASSWORD, '10.6.6.6')).statusCode).toBe(200);
    } finally {
      await nodes.close();
    }
  });

  it('lets only the admin manage units and users, with validation and audit', async () => {
    const admin = await t.as('admin');
    const unit = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: admin, payload: { name: '市城管局鼓楼大队', kind: 'department', parentId: 'dept-city-management' } });
    expect(unit.statusCode).toBe(201);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: { username: 'gulou-cg', password: 'long-enough-1', displayName: '鼓楼大队 吴', roles: ['unit_handler'], unitId: unit.json().id },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'gulou-cg', unitName: '市城管局鼓楼大队' });
    const dup = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: { username: 'gulou-cg', password: 'long-enough-1', displayName: 'x', roles: ['agent'] } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('USER.USERNAME_TAKEN');
    const noUnit = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: { username: 'nounit', password: 'long-enough-1', displayName: 'x', roles: ['unit_handler'] } });
    expect(noUnit.json()).toMatchObject({ code: 'VALIDATION.FAILED', field: 'unitId' });
    const badRole = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: { username: 'badrole', password: 'long-enough-1', displayName: 'x', roles: ['king'] } });
    expect(badRole.json()).toMatchObject({ code: 'VALIDATION.FAILED', field: 'roles.0' });
    const byAgent = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: await t.as('agent'), payload: { username: 'sneaky', password: 'long-enough-1', displayName: 'x', roles: ['admin'] } });
    expect(byAgent.statusCode).toBe(403);
    expect((await get('agent', '/api/v1/users')).statusCode).toBe(403);
    const users = (await get('admin', '/api/v1/users')).json().items;
    expect(users.map((u: { username: string }) => u.username)).toContain('gulou-cg');
    const [row] = await t.ctx.db.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE username = 'gulou-cg'");
    expect(row!.password_hash).toMatch(/^scrypt\$/);
    const audit = await t.ctx.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity_id = $1", [created.json().id]);
    expect(audit.map((a) => a.action)).toEqual(['user.create']);
  });

  it('disables an account and resets a password, signing the user out everywhere', async () => {
    const admin = await t.as('admin');
    const supervisorHeaders = await t.as('supervisor');
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: supervisorHeaders })).json();
    const disabled = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${me.id}`, headers: admin, payload: { active: false } });
    expect(disabled.json()).toMatchObject({ active: false });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: supervisorHeaders })).statusCode).toBe(401);
    const denied = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'supervisor', password: DEMO_PASSWORD } });
    expect(denied.json().code).toBe('AUTH.ACCOUNT_DISABLED');
    await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${me.id}`, headers: admin, payload: { active: true, password: 'a-new-password' } });
    const relogin = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'supervisor', password: 'a-new-password' } });
    expect(relogin.statusCode).toBe(200);
    const self = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: admin })).json();
    const lockout = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${self.id}`, headers: admin, payload: { active: false } });
    expect(lockout.json()).toMatchObject({ code: 'VALIDATION.FAILED', field: 'active' });
    const empty = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${me.id}`, headers: admin, payload: {} });
    expect(empty.statusCode).toBe(400);
    const audit = (await t.app.inject({ method: 'GET', url: `/api/v1/audit?entityType=user&entityId=${me.id}`, headers: admin })).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['user.update', 'user.update+password']));
    expect(JSON.stringify(audit)).not.toContain('scrypt');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/audit?entityType=user&entityId=${me.id}`, headers: await t.as('agent') })).statusCode).toBe(403);
  });

  it('serves the demo city: units of Xuzhou and a 3-level category tree', async () => {
    const units = (await get('agent', '/api/v1/units')).json().items as { kind: string; name: string }[];
    expect(units.filter((u) => u.kind === 'district').length).toBeGreaterThanOrEqual(10);
    expect(units.some((u) => u.name === '丰财街道')).toBe(true);
    const categories = (await get('agent', '/api/v1/categories')).json().items as { level: number }[];
    expect(categories.filter((c) => c.level === 1).length).toBeGreaterThanOrEqual(10);
    expect(categories.filter((c) => c.level === 3).length).toBeGreaterThanOrEqual(100);
  });
});

describe('scoping and privacy', () => {
  it("a unit sees only its own orders, with the caller's phone and ID numbers masked", async () => {
    const mine = await register(t, { content: '身份证320302199001011234的住户反映噪音', caller: { name: '李女士', phone: '13912345678' } });
    const others = await register(t);
    await actOk(t, 'dispatcher', mine, 'dispatch', { leadUnitId: STREET });
    await actOk(t, 'dispatcher', others, 'dispatch', { leadUnitId: HOUSING });

    const seen = (await fetchTicket(t, 'handler', mine.id)).json();
    expect(seen.caller).toEqual({ name: '李女士', phone: '139****5678' });
    expect(seen.content).toContain('320302********1234');
    expect((await fetchTicket(t, 'handler', others.id)).statusCode).toBe(404);
    const list = (await get('handler', '/api/v1/tickets?pageSize=200')).json();
    expect(list.items.every((i: { leadUnitId: string; coUnitIds: string[] }) => i.leadUnitId === STREET || i.coUnitIds.includes(STREET))).toBe(true);
    expect(list.items.map((i: { id: string }) => i.id)).toContain(mine.id);
    expect(JSON.stringify(list)).not.toContain('13912345678');
    expect((await get('handler', '/api/v1/tickets?phone=13912345678')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/tickets/${others.id}/actions`, headers: await t.as('handler'), payload: { action: 'sign', expectedVersion: 2 } })).statusCode).toBe(404);
  });

  it('the centre sees the whole city with full numbers and finds a caller\'s earlier orders', async () => {
    const order = await register(t, { caller: { name: '王', phone: '13700001111' } });
    expect((await fetchTicket(t, 'leader', order.id)).json().caller.phone).toBe('13700001111');
    const history = (await get('agent', '/api/v1/tickets?phone=13700001111')).json();
    expect(history.items.map((i: { id: string }) => i.id)).toEqual([order.id]);
  });

  it('a citizen registers on the web and sees only their own orders', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/tickets', headers: await t.as('citizen'), payload: { channel: 'web', content: '路灯不亮' } });
    expect(res.statusCode).toBe(201);
    const own = res.json();
    expect((await fetchTicket(t, 'citizen', own.id)).statusCode).toBe(200);
    const foreign = await register(t);
    expect((await fetchTicket(t, 'citizen', foreign.id)).statusCode).toBe(404);
    expect((await get('citizen', '/api/v1/tickets')).json().items.map((i: { id: string }) => i.id)).toEqual([own.id]);
    const byPhone = await t.app.inject({ method: 'POST', url: '/api/v1/tickets', headers: await t.as('citizen'), payload: { channel: 'phone', content: 'x' } });
    expect(byPhone.json()).toMatchObject({ code: 'VALIDATION.FAILED', field: 'channel' });
  });
});
