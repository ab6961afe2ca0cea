import { buildApp, type App, type AppOptions } from '../../src/adapters/http/app';
import type { AppContext } from '../../src/app/ports';
import { seedDemoCity } from '../../src/app/seed-demo-city';
import { createTestDatabase, type TestDatabase } from './database';
import { TestClock, testContext } from './context';

export const DEMO_PASSWORD = 'demo-pass-123';
export const ADMIN_PASSWORD = 'admin-pass-123';

export interface TestApp {
  app: App;
  ctx: AppContext;
  clock: TestClock;
  tdb: TestDatabase;
  /** Signs a demo account in and returns its Authorization header. */
  as(username: string): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

/** A server on a fresh database with the demo city, driven through inject() (no sockets). */
export async function createTestApp(options: { context?: Partial<AppContext>; app?: AppOptions } = {}): Promise<TestApp> {
  const tdb = await createTestDatabase();
  const clock = new TestClock(new Date('2025-09-30T02:00:00.000Z'));
  const ctx = testContext(tdb.db, clock, options.context);
  await seedDemoCity(ctx, { admin: ADMIN_PASSWORD, demo: DEMO_PASSWORD });
  const app = await buildApp(ctx, { webDist: null, ...options.app });
  const tokens = new Map<string, string>();
  return {
    app,
    ctx,
    clock,
    tdb,
    async as(username) {
      let token = tokens.get(username);
      if (!token) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username, password: username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD },
        });
        if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
        token = (res.json() as { token: string }).token;
        tokens.set(username, token);
      }
      return { authorization: `Bearer ${token}` };
    },
    async close() {
      await app.close();
      await tdb.drop();
    },
  };
}
