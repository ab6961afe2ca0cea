import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../support/http';

// The production setting: a node trusts a checked session for a few seconds.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ context: { auth: { sessionHours: 12, maxFailuresPerUser: 5, maxFailuresPerIp: 50, failureWindowMinutes: 15, sessionCacheSeconds: 5 } } });
});
afterAll(async () => t.close());

const signIn = async (username: string) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
  return { authorization: `Bearer ${res.json().token as string}` };
};
const me = async (headers: { authorization: string }) => (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers })).statusCode;

describe('session cache', () => {
  it('a session revoked by another node stops working within the cache time', async () => {
    const headers = await signIn('agent');
    expect(await me(headers)).toBe(200);
    await t.ctx.db.query("UPDATE sessions SET revoked_at = now() WHERE revoked_at IS NULL AND user_id = (SELECT id FROM users WHERE username = 'agent')");
    expect(await me(headers)).toBe(200); // still trusted on this node
    t.clock.advance(5_001);
    expect(await me(headers)).toBe(401);
  });

  it('sign-out and disabling on this node take effect at once', async () => {
    const headers = await signIn('leader');
    expect(await me(headers)).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });
    expect(await me(headers)).toBe(401);

    const target = await signIn('supervisor');
    const id = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: target })).json().id;
    const disabled = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: await t.as('admin'), payload: { active: false } });
    expect(disabled.statusCode).toBe(200);
    expect(await me(target)).toBe(401);
  });
});
