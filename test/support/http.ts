import { buildApp, type App, type AppOptions } from '../../src/adapters/http/app';
import type { IntakeRuntime } from '../../src/app/intake/intake-runtime';
import type { AppContext } from '../../src/app/ports';
import { seedDemoCity } from '../../src/app/seed-demo-city';
import { sharedJiebaTokenizer } from '../../src/intake/jieba-tokenizer';
import type { Tokenizer } from '../../src/intake/tokenizer';
import { wireFeatures, type FeatureOptions } from '../../src/wiring';
import { createTestDatabase, type TestDatabase } from './database';
import { TestClock, testContext } from './context';

export const DEMO_PASSWORD = 'demo-pass-123';
export const ADMIN_PASSWORD = 'admin-pass-123';

export interface TestApp {
  app: App;
  ctx: AppContext;
  clock: TestClock;
  tdb: TestDatabase;
  /** The intake runtime the app's routes and hooks share (null when the test asked for `features: false`). */
  intake: IntakeRuntime | null;
  /** Signs a demo account in and returns its Authorization header. */
  as(username: string): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

/** The shared jieba tokenizer, built on first use: most test files never tokenize (building it costs ~0.3 s). */
const lazyJieba: Tokenizer = { words: (text) => sharedJiebaTokenizer().words(text) };

/**
 * A server on a fresh database with the demo city, driven through inject() (no sockets), wired as main.ts wires
 * production (src/wiring.ts: ticket hooks and feature routes), with the test clock and models trained in-process.
 * `features` adjusts that wiring (a smaller demo model, a trainer a test controls); `false` leaves the bare
 * foundation, for a test that must say why it needs one.
 */
export async function createTestApp(
  options: { context?: Partial<AppContext>; app?: AppOptions; features?: Partial<FeatureOptions> | false } = {},
): Promise<TestApp> {
  const tdb = await createTestDatabase();
  const clock = new TestClock(new Date('2025-09-30T02:00:00.000Z'));
  const ctx = testContext(tdb.db, clock, options.context);
  const features = options.features === false ? null : wireFeatures(ctx, { tokenizer: lazyJieba, ...options.features });
  await seedDemoCity(ctx, { admin: ADMIN_PASSWORD, demo: DEMO_PASSWORD });
  const app = await buildApp(ctx, { webDist: null, ...options.app, plugins: [...(features?.plugins ?? []), ...(options.app?.plugins ?? [])] });
  const tokens = new Map<string, string>();
  return {
    app,
    ctx,
    clock,
    tdb,
    intake: features?.intake ?? null,
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
