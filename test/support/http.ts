import { buildApp, type App, type AppOptions } from '../../src/platform/http/app';
import type { IntakeRuntime } from '../../src/modules/intake';
import type { AppContext } from '../../src/platform/context';
import type { Module } from '../../src/platform/module';
import { seedDemoCity } from '../../src/modules/demo';
import type { ModuleOptions } from '../../src/main';
import { createTestDatabase, type TestDatabase } from './database';
import { TestClock, testContext } from './context';
import { testModules } from './modules';

export const DEMO_PASSWORD = 'demo-pass-123';
export const ADMIN_PASSWORD = 'admin-pass-123';

export interface TestApp {
  app: App;
  ctx: AppContext;
  clock: TestClock;
  tdb: TestDatabase;
  modules: Module[];
  /** The intake runtime the app's routes and reactions share. */
  intake: IntakeRuntime;
  /** Signs a demo account in and returns its Authorization header. */
  as(username: string): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

/**
 * A server on a fresh database with the demo city, driven through inject() (no sockets), with the module list
 * production runs (src/main.ts), the test clock and models trained in-process. `intake` adjusts the intake
 * module (a smaller demo model, a trainer a test controls).
 */
export async function createTestApp(
  options: {
    context?: Partial<Omit<AppContext, 'events' | 'orderViews'>>;
    app?: Partial<AppOptions>;
    intake?: Partial<ModuleOptions['intake']>;
    open311?: ModuleOptions['open311'];
    /** Modules a test adds after the production list (e.g. a reaction that observes the event order). */
    extraModules?: Module[];
  } = {},
): Promise<TestApp> {
  const tdb = await createTestDatabase();
  const clock = new TestClock(new Date('2025-09-30T02:00:00.000Z'));
  const listed = testModules({ intake: options.intake ?? {}, ...(options.open311 ? { open311: options.open311 } : {}) });
  const modules = [...listed.modules, ...(options.extraModules ?? [])];
  const intake = listed.intake;
  const ctx = testContext(tdb.db, clock, options.context, modules);
  await seedDemoCity(ctx, { admin: ADMIN_PASSWORD, demo: DEMO_PASSWORD });
  const app = await buildApp(ctx, { webDist: null, ...options.app, modules });
  const tokens = new Map<string, string>();
  return {
    app,
    ctx,
    clock,
    tdb,
    modules,
    intake: intake.runtime,
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
