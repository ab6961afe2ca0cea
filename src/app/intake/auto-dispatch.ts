import type { Sql } from '../../adapters/db/database';
import { intakeStore } from '../../adapters/db/intake.store';
import { stores } from '../../adapters/db/stores';
import { SYSTEM_ACTOR, type Actor } from '../../domain/roles';
import { decide } from '../../domain/ticket/decide';
import type { Ticket } from '../../domain/ticket/ticket';
import { applyDrafts } from '../events';
import type { AppContext, TicketChangeHook } from '../ports';
import { analyzeWithModel, unitSuggestions } from './analyze-request';
import type { IntakeRuntime } from './intake-runtime';
import { cachedIntakeSettings } from './settings-cache';

/**
 * The platform dispatching by itself. It acts with the dispatcher's rights (so the workflow table still
 * decides what is legal) but is recorded as the system, with the model's score in the event.
 */
export const AUTO_DISPATCHER: Actor = { ...SYSTEM_ACTOR, name: '系统自动派单', roles: ['dispatcher'] };

/**
 * A ticket hook: on a new order, if automatic dispatch is on and the best unit's calibrated score reaches the
 * admin's threshold, the order is dispatched in the same transaction; other hooks (deadlines) see the
 * dispatch as they would a person's. On a return by the unit the system chose, the dispatch is marked wrong.
 */
export function autoDispatchHook(ctx: AppContext, intake: IntakeRuntime): TicketChangeHook {
  const hook: TicketChangeHook = async (tx, change) => {
    const store = intakeStore(tx);
    const returned = change.events.find((e) => e.type === 'returned');
    if (returned) {
      await store.markReturned(change.after.id, (returned.payload.unitId as string | null) ?? change.before?.leadUnitId ?? null, returned.at);
      return;
    }
    if (change.before !== null || change.after.status !== 'registered') return;
    const settings = await cachedIntakeSettings(ctx, tx);
    if (!settings.autoDispatchEnabled) return;
    return dispatchIfConfident(tx, ctx, intake, change.after, settings.autoDispatchThreshold, hook);
  };
  hook.watchesNewOrders = async (sql) => (await cachedIntakeSettings(ctx, sql)).autoDispatchEnabled;
  return hook;
}

async function dispatchIfConfident(tx: Sql, ctx: AppContext, intake: IntakeRuntime, ticket: Ticket, threshold: number, self: TicketChangeHook): Promise<Ticket | void> {
  const now = ctx.clock.now();
  const result = await analyzeWithModel(tx, intake, { title: ticket.title, content: ticket.content, address: ticket.address ?? undefined }, now);
  if (!result) return;
  const [best] = unitSuggestions(result.analysis, result.units, 1);
  // The centre itself is never a dispatch target: "the centre answers it" is a person's decision.
  if (!best || best.kind === 'centre' || best.score < threshold) return;
  const drafts = decide(ticket, { action: 'dispatch', leadUnitId: best.unitId, note: `系统自动派单（置信度 ${best.score.toFixed(3)}）` }, AUTO_DISPATCHER).map((d) =>
    d.type === 'dispatched' ? { ...d, payload: { ...d.payload, automatic: true, score: best.score, threshold, modelVersion: result.version } } : d,
  );
  const s = stores(tx);
  const { after, events } = applyDrafts(ticket, drafts, AUTO_DISPATCHER, now.toISOString(), (await s.tickets.lastSeq(ticket.id)) + 1, ctx.ids);
  await s.tickets.update(after, ticket.version, events);
  await intakeStore(tx).recordAutoDispatch({ ticketId: ticket.id, unitId: best.unitId, score: best.score, threshold, modelVersion: result.version, at: now.toISOString() });
  for (const other of ctx.ticketHooks) if (other !== self) await other(tx, { before: ticket, after, events });
  return after;
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
