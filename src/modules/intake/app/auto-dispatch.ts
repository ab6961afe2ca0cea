import type { AppContext } from '../../../platform/context';
import type { Sql } from '../../../platform/db/database';
import type { OrderReaction } from '../../../platform/events/event-log';
import type { Ticket } from '../../../platform/events/order';
import { SYSTEM_ACTOR, type Actor } from '../../../platform/roles';
import { actInTransaction } from '../../tickets';
import { intakeStore } from '../intake.store';
import { analyzeWithModel, unitSuggestions } from './analyze-request';
import type { IntakeRuntime } from './intake-runtime';
import { cachedIntakeSettings } from './settings-cache';

/**
 * The platform dispatching by itself. It acts with the dispatcher's rights (so the workflow table still
 * decides what is legal) but is recorded as the system, with the model's score in the event.
 */
export const AUTO_DISPATCHER: Actor = { ...SYSTEM_ACTOR, name: '系统自动派单', roles: ['dispatcher'] };

/**
 * A reaction: on a new order, if automatic dispatch is on and the best unit's calibrated score reaches the
 * admin's threshold, the order is dispatched in the same transaction; the reactions after it (deadlines) see
 * the dispatch as they would a person's. On a return by the unit the system chose, the dispatch is marked wrong.
 */
export function autoDispatchReaction(ctx: AppContext, intake: IntakeRuntime): OrderReaction {
  return {
    name: 'intake.auto-dispatch',
    order: 200,
    async react(tx, change) {
      const returned = change.events.find((e) => e.type === 'returned');
      if (returned?.type === 'returned') {
        await intakeStore(tx).markReturned(change.after.id, returned.payload.unitId ?? change.before?.leadUnitId ?? null, returned.at);
        return;
      }
      if (change.before !== null || change.after.status !== 'registered') return;
      const settings = await cachedIntakeSettings(ctx, tx);
      if (!settings.autoDispatchEnabled) return;
      await dispatchIfConfident(tx, ctx, intake, change.after, settings.autoDispatchThreshold);
    },
    // it watches new orders only while automatic dispatch is on: otherwise a new order is one statement
    watchesNewOrders: async (sql) => (await cachedIntakeSettings(ctx, sql)).autoDispatchEnabled,
  };
}

async function dispatchIfConfident(tx: Sql, ctx: AppContext, intake: IntakeRuntime, ticket: Ticket, threshold: number): Promise<void> {
  const now = ctx.clock.now();
  const result = await analyzeWithModel(tx, intake, { title: ticket.title, content: ticket.content, address: ticket.address ?? undefined }, now);
  if (!result) return;
  const [best] = unitSuggestions(result.analysis, result.units, 1);
  // The centre itself is never a dispatch target: "the centre answers it" is a person's decision.
  if (!best || best.kind === 'centre' || best.score < threshold) return;
  await actInTransaction(ctx, tx, AUTO_DISPATCHER, ticket, { action: 'dispatch', leadUnitId: best.unitId, note: `系统自动派单（置信度 ${best.score.toFixed(3)}）` }, (d) =>
    d.type === 'dispatched' ? { ...d, payload: { ...d.payload, automatic: true, score: best.score, threshold, modelVersion: result.version } } : d,
  );
  await intakeStore(tx).recordAutoDispatch({ ticketId: ticket.id, unitId: best.unitId, score: best.score, threshold, modelVersion: result.version, at: now.toISOString() });
}

export interface AutoDispatchAccuracy {
  /** Orders dispatched by the system in the window. */
  total: number;
  /** Of those, how many the unit returned (counted as errors). */
  returned: number;
  /** 1 − returned / total; null when nothing was dispatched automatically. */
  accuracy: number | null;
  byModelVersion: Array<{ modelVersion: number; total: number; returned: number; accuracy: number; meanScore: number }>;
  since: string | null;
}

/** Live accuracy of automatic dispatch: an order later returned by the unit the system chose is an error. */
export async function autoDispatchAccuracy(ctx: AppContext, since: string | null): Promise<AutoDispatchAccuracy> {
  const rows = await intakeStore(ctx.db).autoDispatchStats(since);
  const total = rows.reduce((n, r) => n + r.total, 0);
  const returned = rows.reduce((n, r) => n + r.returned, 0);
  return {
    total,
    returned,
    accuracy: total === 0 ? null : Math.round((1 - returned / total) * 10000) / 10000,
    byModelVersion: rows.map((r) => ({ ...r, accuracy: Math.round((1 - r.returned / r.total) * 10000) / 10000, meanScore: Math.round(r.meanScore * 10000) / 10000 })),
    since,
  };
}
