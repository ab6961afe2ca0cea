import type { Database } from '../db/database';
import type { Clock } from '../context';

/**
 * Background work of a module: run every `everyMs`. `cluster` jobs are claimed per tick in `job_claims`, so of
 * several nodes sharing a database one runs each tick; `node` jobs run on every node (work they share safely
 * by themselves, e.g. rows claimed with SKIP LOCKED). A run never overlaps the previous run on the same node.
 */
export interface Job {
  /** `module.what`, e.g. `deadlines.sweep`. */
  name: string;
  /** 0 or less: never on this node (another node runs it). */
  everyMs: number;
  scope: 'cluster' | 'node';
  run(): Promise<unknown>;
  /** Called with what `run` returned (a report to log); absent: nothing is logged. */
  onResult?(result: unknown): void;
}

export interface JobRunner {
  /** Runs one job now (claim included), as a tick would; resolves with its result, or null when not claimed. */
  runNow(name: string): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * Claims one tick of a cluster job: the row's `claimed_until` moves forward only if it has passed, a
 * compare-and-set that one node wins.
 */
export async function claimTick(db: Database, name: string, node: string, now: Date, everyMs: number): Promise<boolean> {
  const until = new Date(now.getTime() + Math.max(1000, everyMs * 0.9)).toISOString();
  const rows = await db.query(
    `INSERT INTO job_claims (name, claimed_until, node) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE SET claimed_until = EXCLUDED.claimed_until, node = EXCLUDED.node
       WHERE job_claims.claimed_until <= $4
     RETURNING name`,
    [name, until, node, now.toISOString()],
  );
  return rows.length > 0;
}

export function startJobs(
  deps: { db: Database; clock: Clock; node: string },
  jobs: readonly Job[],
  onError: (job: string, error: unknown) => void,
): JobRunner {
  const running = new Map<string, Promise<unknown>>();
  const byName = new Map(jobs.map((j) => [j.name, j]));
  if (byName.size !== jobs.length) throw new Error('two jobs share a name');

  const tick = (job: Job): Promise<unknown> => {
    const current = running.get(job.name);
    if (current) return current;
    const run = (async () => {
      if (job.scope === 'cluster' && !(await claimTick(deps.db, job.name, deps.node, deps.clock.now(), job.everyMs))) return null;
      const result = await job.run();
      job.onResult?.(result);
      return result;
    })()
      .catch((e: unknown) => {
        onError(job.name, e);
        return null;
      })
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
    return run;
  };

  const timers = jobs
    .filter((j) => j.everyMs > 0)
    .map((j) => {
      const timer = setInterval(() => void tick(j), j.everyMs);
      timer.unref();
      return timer;
    });

  return {
    runNow(name) {
      const job = byName.get(name);
      if (!job) throw new Error(`no job ${name}`);
      return tick(job);
    },
    async stop() {
      for (const t of timers) clearInterval(t);
      await Promise.all(running.values());
    },
  };
}
