import { fileURLToPath } from 'node:url';
import type { Sql } from '../../platform/db/database';
import type { Module } from '../../platform/module';
import { withDeadlines } from './app/deadline-view';
import { sweepDeadlines, type SweepReport } from './app/sweep-deadlines';
import { trackDeadlines } from './app/track-deadlines';
import { deadlineRoutes } from './deadlines.routes';
import { deadlinesOrderView } from './order-view';

export { DeadlineFields } from './order-view';
export { calendarCoverageWarning } from './calendar/chinese-days-calendar';
export type { SweepReport };

export interface DeadlinesOptions {
  /** How often this node sweeps (warnings, automatic supervision); 0 = never (another node sweeps). */
  sweepIntervalMs: number;
  onSweep?: (report: SweepReport) => void;
}

/**
 * Deadlines on China's working calendar: the rules per urgency, category and unit, three-colour warnings,
 * automatic supervision and escalation, emergency response (一级响应), the supervision board and queue.
 */
export function deadlinesModule(options: DeadlinesOptions): Module {
  return {
    name: 'deadlines',
    tables: ['sla_settings', 'emergency_mode', 'ticket_deadlines', 'notifications'],
    migrations: fileURLToPath(new URL('./migrations/', import.meta.url)),
    routes: deadlineRoutes,
    reactions: (ctx) => [trackDeadlines(ctx)],
    orderView: () => deadlinesOrderView(),
    jobs: (ctx) => [
      {
        name: 'deadlines.sweep',
        everyMs: options.sweepIntervalMs,
        // every node sweeps: the batches claim their rows with SKIP LOCKED, so nodes share the work
        scope: 'node',
        run: () => sweepDeadlines({ db: ctx.db, clock: ctx.clock, ids: ctx.ids, events: ctx.events, workers: ctx.db.engine === 'postgres' ? 2 : 1 }),
        onResult: (r) => options.onSweep?.(r as SweepReport),
      },
    ],
  };
}

/** Each order's reply deadline (approved extensions included), by order id; null before its first dispatch. */
export async function replyDeadlines(sql: Sql, orders: readonly { id: string; version: number }[], now: Date): Promise<Map<string, string | null>> {
  const views = await withDeadlines(sql, [...orders], now);
  return new Map(views.map((v) => [v.id, v.deadlines?.replyBy ?? null]));
}
