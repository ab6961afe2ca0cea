import type { Database } from '../../src/platform/db/database';
import { assembleContext } from '../../src/platform/assemble';
import { randomIds, randomTokens, scryptHasher } from '../../src/platform/crypto';
import type { AppContext, Clock } from '../../src/platform/context';
import type { Module } from '../../src/platform/module';
import { TEST_CITY, testModules } from './modules';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(private current = new Date('2025-09-30T02:00:00.000Z')) {}
  now() {
    return new Date(this.current);
  }
  set(iso: string) {
    this.current = new Date(iso);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** A context over `db` with the modules' reactions and views (the production list unless given). */
export function testContext(
  db: Database,
  clock: Clock = new TestClock(),
  overrides: Partial<Omit<AppContext, 'events' | 'orderViews'>> = {},
  modules: readonly Module[] = testModules().modules,
): AppContext {
  return assembleContext(
    {
      db,
      clock,
      ids: randomIds,
      passwords: scryptHasher,
      tokens: randomTokens,
      city: TEST_CITY,
      auth: { sessionHours: 12, maxFailuresPerUser: 5, maxFailuresPerIp: 50, failureWindowMinutes: 15 },
      ...overrides,
    },
    modules,
  );
}
