import type { Sql } from '../../adapters/db/database';
import { slaStore } from '../../adapters/db/sla.store';
import type { Deadlines } from '../../domain/sla/deadlines';
import {
  currentDueAt,
  deadlinesOnDispatch,
  deadlinesOnExtension,
  deadlinesOnReturn,
  deadlinesOnSign,
  orderWarningSchedule,
  signedLate,
} from '../../domain/sla/deadlines';
import { isEmergencyTagged, policyUrgency } from '../../domain/sla/emergency-mode';
import { selectRule } from '../../domain/sla/sla-policy';
import { levelAfterChange, nextCheckAt } from '../../domain/sla/supervision';
import type { Ticket, TicketEvent } from '../../domain/ticket/ticket';
import type { Clock, IdGen, TicketChangeHook } from '../ports';
import { loadSla } from './load-sla';
import { insertSystemEvents } from './system-events';

const DEADLINE_EVENTS = new Set<string>(['dispatched', 'redispatched', 'signed', 'extension_decided', 'returned']);

export const URGENCY_RANK: Record<Ticket['urgency'], number> = { normal: 0, urgent: 1, emergency: 2 };

type DeadlineChange = { reason: 'dispatched' | 'redispatched' | 'signed' | 'extended' | 'returned'; deadlines: Deadlines | null; extra?: Record<string, unknown> };

/**
 * The ticket-change hook that keeps each order's deadlines and warning instants current, inside the transaction
 * that changed the order, and records a `deadline_changed` event for every change of a deadline.
 */
export function trackDeadlines(deps: { clock: Clock; ids: IdGen }): TicketChangeHook {
  const hook: TicketChangeHook = async (tx, { before, after, events }) => {
    const relevant = events.some((e) => DEADLINE_EVENTS.has(e.type));
    // nothing that moves a deadline or stops/starts a clock (creation, comments): no query at all
    if (!relevant && (!before || before.status === after.status)) return;
    const store = slaStore(tx);
    // the order row is locked by the action; lock the deadline row too, after any sweep holding it has committed,
    // so what the sweep recorded (colour, supervision count) is not overwritten with a stale copy
    const row = await store.get(after.id, { forUpdate: true });
    if (!row && !relevant) return; // never dispatched: nothing to watch yet
    const sla = await loadSla(tx);
    let deadlines = row?.deadlines ?? null;
    let rounds = row?.rounds ?? 0;
    const changes: DeadlineChange[] = [];
    for (const e of events) {
      const change = applyEvent(e);
      if (change) changes.push(change);
    }

    function applyEvent(e: TicketEvent): DeadlineChange | null {
      switch (e.type) {
        case 'dispatched':
        case 'redispatched': {
          const urgency = policyUrgency(after.urgency, after.tags, sla.mode);
          const rule = selectRule(sla.policy, { urgency, categoryCode: after.categoryCode, unitId: after.leadUnitId });
          const firstDispatch = rounds === 0;
          deadlines = deadlinesOnDispatch({ receivedAt: after.receivedAt, at: new Date(e.at), firstDispatch, rule, policyVersion: sla.policy.version, wt: sla.wt });
          rounds += 1;
          return { reason: firstDispatch ? 'dispatched' : 'redispatched', deadlines, extra: { unitId: after.leadUnitId, urgency } };
        }
        case 'signed':
          if (!deadlines) return null;
          deadlines = deadlinesOnSign(deadlines, new Date(e.at));
          return { reason: 'signed', deadlines, extra: { signedLate: signedLate(deadlines) } };
        case 'extension_decided': {
          const hours = Number(e.payload.hours);
          if (!deadlines || e.payload.approve !== true || !(hours > 0)) return null;
          deadlines = deadlinesOnExtension(deadlines, hours, sla.wt);
          return { reason: 'extended', deadlines, extra: { hours } };
        }
        case 'returned':
          if (!deadlines) return null;
          deadlines = deadlinesOnReturn(deadlines);
          return { reason: 'returned', deadlines };
        default:
          return null;
      }
    }

    const now = deps.clock.now();
    const schedule = orderWarningSchedule(after.status, deadlines, sla.settings.thresholds, sla.wt);
    const level = levelAfterChange(row?.level ?? 'none', schedule, now);
    // a new unit round (re-dispatch) starts supervision afresh
    const freshRound = changes.some((c) => c.reason === 'dispatched' || c.reason === 'redispatched');
    const lastSupervisedAt = freshRound ? null : (row?.lastSupervisedAt ?? null);
    const supervisionCount = freshRound ? 0 : (row?.supervisionCount ?? 0);
    const storedLevel = freshRound ? 'none' : level;
    await store.upsert({
      ticketId: after.id,
      unitId: after.leadUnitId,
      status: after.status,
      priority: isEmergencyTagged(after.tags, sla.mode) ? 1 : 0,
      urgencyRank: URGENCY_RANK[after.urgency],
      rounds,
      deadlines,
      dueAt: currentDueAt(after.status, deadlines),
      schedule,
      level: storedLevel,
      nextCheckAt: nextCheckAt(storedLevel, schedule, lastSupervisedAt ? new Date(lastSupervisedAt) : null, supervisionCount, sla.settings.supervision),
      lastSupervisedAt,
      supervisionCount,
      at: now.toISOString(),
    });
    if (changes.length > 0) await recordChanges(tx, after, events, changes, deps);
  };
  // Clocks start at dispatch: registering an order never touches deadlines.
  hook.watchesNewOrders = () => false;
  return hook;
}

async function recordChanges(tx: Sql, after: Ticket, events: readonly TicketEvent[], changes: DeadlineChange[], deps: { ids: IdGen }): Promise<void> {
  const last = events.reduce((max, e) => Math.max(max, e.seq), 0);
  const at = events[events.length - 1]?.at ?? new Date().toISOString();
  await insertSystemEvents(
    tx,
    changes.map((c, i) => ({
      id: deps.ids.id(),
      ticketId: after.id,
      seq: last + 1 + i,
      type: 'deadline_changed',
      at,
      status: after.status,
      payload: {
        reason: c.reason,
        signBy: c.deadlines?.signBy ?? null,
        replyBy: c.deadlines?.replyBy ?? null,
        originalReplyBy: c.deadlines?.originalReplyBy ?? null,
        policyVersion: c.deadlines?.policyVersion ?? null,
        ...c.extra,
      },
    })),
  );
}
