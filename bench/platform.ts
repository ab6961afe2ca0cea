import { platformModules } from '../src/main';
import { sharedJiebaTokenizer } from '../src/modules/intake';
import { cityOf } from '../src/modules/org';
import { assembleContext, migrationDirs } from '../src/platform/assemble';
import type { AppContext, Clock } from '../src/platform/context';
import { randomIds, randomTokens, scryptHasher, systemClock } from '../src/platform/crypto';
import type { Database } from '../src/platform/db/database';

/** The production module list for benchmarks (the demo city, models trained in-process, no timers). */
export function benchModules() {
  return platformModules({ city: cityOf('3203'), intake: { tokenizer: sharedJiebaTokenizer() }, deadlines: { sweepIntervalMs: 0 } });
}

export const BENCH_MIGRATIONS = migrationDirs(benchModules().modules);

/** A context over `db` with every module's reactions, as the server builds it. */
export function benchContext(db: Database, clock: Clock = systemClock): AppContext {
  return assembleContext(
    { db, clock, ids: randomIds, passwords: scryptHasher, tokens: randomTokens, city: cityOf('3203'), auth: { sessionHours: 12, maxFailuresPerUser: 5, maxFailuresPerIp: 50, failureWindowMinutes: 15 } },
    benchModules().modules,
  );
}
