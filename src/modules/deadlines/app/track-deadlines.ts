import type { Sql } from '../../../platform/db/database';
import { deadlinesStore } from '../deadlines.store';
import type { Deadlines } from '../domain/deadlines';
import {
  currentDueAt,
  deadlinesOnDispatch,
  deadlinesOnExtension,
  deadlinesOnReturn,
  deadlinesOnSign,
  orderWarningSchedule,
  signedLate,
} from '../domain/deadlines';
import { isEmergencyTagged, policyUrgency } from '../domain/emergency-mode';
import { selectRule } from '../domain/deadline-policy';
import { levelAfterChange, nextCheckAt } from '../domain/supervision';
import type { Ticket } from '../../../platform/events/order';
import type { PayloadOf, TicketEvent } from '../../../platform/events/order-events';
import type { EventLog, OrderReaction } from '../../../platform/events/event-log';
import type { Clock } from '../../../platform/context';
import { SYSTEM_ACTOR } from '../../../platform/roles';
import { loadDeadlineSettings } from './load-deadline-settings';

const DEADLINE_EVENTS = new Set<string>(['dispatched', 'redispatched', 'signed', 'extension_decided', 'returned']);

export const URGENCY_RANK: Record<Ticket['urgency'], number> = { normal: 0, urgent: 1, emergency: 2 };

type Extra = Pick<PayloadOf<'deadline_changed'>, 'unitId' | 'urgency' | 'signedLate' | 'hours'>;
type DeadlineChange = { reason: PayloadOf<'deadline_changed'>['reason']; deadlines: Deadlines | null; extra?: Extra };

/**
 * The reaction that keeps each order's deadlines and warning instants current, inside the transaction that
 * changed the order, and records a `deadline_changed` event for every change of a deadline.
 */
export function trackDeadlines(deps: { clock: Clock; events: EventLog }): OrderReaction {
  const react: OrderReaction['react'] = async (tx, { before, after, events }) => {
    const relevant = events.some((e) => DEADLINE_EVENTS.has(e.type));
    // nothing that moves a deadline or stops/starts a clock (creation, comments): no query at all
    if (!relevant && (!before || before.status === after.status)) return;
    const store = deadlinesStore(tx);
    // the order row is locked by the action; lock the deadline row too, after any sweep holding it has committed,
    // so what the sweep recorded (colour, supervision count) is not overwritten with a stale copy
    const row = await store.get(after.id, { forUpdate: true });
    if (!row && !relevant) return; // never dispatched: nothing to watch yet
    const current = await loadDeadlineSettings(tx);
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
          const urgency = policyUrgency(after.urgency, after.tags, current.mode);
          const rule = selectRule(current.policy, { urgency, categoryCode: after.categoryCode, unitId: after.leadUnitId });
          const firstDispatch = rounds === 0;
          deadlines = deadlinesOnDispatch({ receivedAt: after.receivedAt, at: new Date(e.at), firstDispatch, rule, policyVersion: current.policy.version, wt: current.wt });
          rounds += 1;
          return { reason: firstDispatch ? 'dispatched' : 'redispatched', deadlines, extra: { unitId: after.leadUnitId, urgency } };
        }
        case 'signed':
          if (!deadlines) return null;
          deadlines = deadlinesOnSign(deadlines, new Date(e.at));
          return { reason: 'signed', deadlines, extra: { signedLate: signedLate(deadlines) } };
        case 'extension_decided': {
          const hours = e.payload.hours;
          if (!deadlines || !e.payload.approve || !(hours > 0)) return null;
          deadlines = deadlinesOnExtension(deadlines, hours, current.wt);
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
    const schedule = orderWarningSchedule(after.status, deadlines, current.settings.thresholds, current.wt);
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
      priority: isEmergencyTagged(after.tags, current.mode) ? 1 : 0,
      urgencyRank: URGENCY_RANK[after.urgency],
      rounds,
      deadlines,
      dueAt: currentDueAt(after.status, deadlines),
      schedule,
      level: storedLevel,
      nextCheckAt: nextCheckAt(storedLevel, schedule, lastSupervisedAt ? new Date(lastSupervisedAt) : null, supervisionCount, current.settings.supervision),
      lastSupervisedAt,
      supervisionCount,
      at: now.toISOString(),
    });
    if (changes.length > 0) await recordChanges(tx, after, events, changes, deps.events);
  };
  // Clocks start at dispatch: registering an order never touches deadlines.
  return { name: 'deadlines.track', order: 100, react, watchesNewOrders: () => false };
}

async function recordChanges(tx: Sql, after: Ticket, events: readonly TicketEvent[], changes: DeadlineChange[], log: EventLog): Promise<void> {
  const at = events[events.length - 1]?.at ?? new Date().toISOString();
  await log.append(tx, {
    before: after,
    after,
    drafts: changes.map((c) => ({
      type: 'deadline_changed' as const,
      at,
      actor: { ...SYSTEM_ACTOR, roles: [...SYSTEM_ACTOR.roles] },
      fromStatus: after.status,
      toStatus: after.status,
      payload: {
        reason: c.reason,
        signBy: c.deadlines?.signBy ?? null,
        replyBy: c.deadlines?.replyBy ?? null,
        originalReplyBy: c.deadlines?.originalReplyBy ?? null,
        policyVersion: c.deadlines?.policyVersion ?? null,
        ...c.extra,
      },
    })),
  });
}
