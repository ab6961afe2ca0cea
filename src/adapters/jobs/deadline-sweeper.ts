import type { AppContext } from '../../app/ports';
import { sweepDeadlines, type SweepReport } from '../../app/sla/sweep-deadlines';

/**
 * Runs the deadline sweep every `intervalMs` (0 = never) in this process. Every node may run one: the sweep claims its
 * rows with SKIP LOCKED, so nodes share the work instead of repeating it. A run never overlaps the previous one.
 */
export function startDeadlineSweeper(
  ctx: Pick<AppContext, 'db' | 'clock' | 'ids'>,
  options: { intervalMs?: number; onReport?: (r: SweepReport) => void; onError?: (e: unknown) => void } = {},
): { stop: () => Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = sweepDeadlines({ db: ctx.db, clock: ctx.clock, ids: ctx.ids, workers: ctx.db.engine === 'postgres' ? 2 : 1 })
      .then((r) => options.onReport?.(r))
      .catch((e: unknown) => options.onError?.(e))
      .finally(() => {
        running = null;
      });
  };
  const intervalMs = options.intervalMs ?? 60_000;
  const timer = intervalMs > 0 ? setInterval(tick, intervalMs) : null; // 0: this node does not sweep
  timer?.unref();
  return {
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
