import type { Database } from '../../src/adapters/db/database';
import { randomIds, randomTokens, scryptHasher } from '../../src/adapters/crypto/passwords';
import type { AppContext, Clock } from '../../src/app/ports';

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

export function testContext(db: Database, clock: Clock = new TestClock(), overrides: Partial<AppContext> = {}): AppContext {
  return {
    db,
    clock,
    ids: randomIds,
    passwords: scryptHasher,
    tokens: randomTokens,
    auth: { sessionHours: 12, maxFailuresPerUser: 5, maxFailuresPerIp: 50, failureWindowMinutes: 15 },
    ticketHooks: [],
    ...overrides,
  };
}
