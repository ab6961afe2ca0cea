import type { Sql } from '../../../platform/db/database';
import { deadlinesStore, type NotificationDraft, type SweepUpdate } from '../deadlines.store';
import { sweepOrder } from '../domain/supervision';
import type { WarningLevel } from '../domain/warning';
import type { Clock, IdGen } from '../../../platform/context';
import type { EventLog } from '../../../platform/events/event-log';
import { SYSTEM_ACTOR } from '../../../platform/roles';
import { unitParents } from '../../org';
import { lockFreeTickets } from '../../tickets';
import { loadDeadlineSettings } from './load-deadline-settings';

export interface SweepReport {
  at: string;
  /** Orders whose next colour change was due and that this sweep claimed. */
  checked: number;
  /** Orders that changed colour, by new colour. */
  changed: Record<WarningLevel, number>;
  supervised: number;
  escalated: number;
  notifications: number;
  /** The orders supervised or escalated in this run (first 100). */
  actions: { ticketId: string; number: string; action: 'supervise' | 'escalate'; round: number; notifiedUnitIds: string[] }[];
}

const BATCH = 500;
const MAX_BATCHES_PER_WORKER = 200;

/**
 * One sweep: claims the orders whose stored colour is due to change (an indexed range query on
 * `next_check_at`), records the new colour, supervises those that turned red and escalates those that stayed
 * red. Each batch is one transaction holding its rows with FOR UPDATE SKIP LOCKED, so any number of nodes can
 * sweep at once: each order is handled by exactly one of them.
 */
export async function sweepDeadlines(deps: {
  db: { transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> };
  clock: Clock;
  ids: IdGen;
  events: EventLog;
  /** Batches run in parallel transactions (SKIP LOCKED keeps them apart); 1 for a single-connection engine. */
  workers?: number;
}): Promise<SweepReport> {
  const now = deps.clock.now();
  const report: SweepReport = {
    at: now.toISOString(),
    checked: 0,
    changed: { none: 0, yellow: 0, orange: 0, red: 0 },
    supervised: 0,
    escalated: 0,
    notifications: 0,
    actions: [],
  };
  const worker = async (): Promise<void> => {
    for (let batch = 0; batch < MAX_BATCHES_PER_WORKER; batch++) {
      const claimed = await deps.db.transaction((tx) => sweepBatch(tx, now, deps, report));
      if (claimed < BATCH) break;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.workers ?? 1) }, worker));
  return report;
}

async function sweepBatch(tx: Sql, now: Date, deps: { ids: IdGen; events: EventLog }, report: SweepReport): Promise<number> {
  const store = deadlinesStore(tx);
  const rows = await store.claimDue(now.toISOString(), BATCH);
  if (rows.length === 0) return 0;
  // A lost sweep commit (crash) is redone by the next sweep: no need to wait for the WAL flush.
  await tx.query('SET LOCAL synchronous_commit = off');
  const current = await loadDeadlineSettings(tx);
  const parents = await unitParents(tx);
  const outcomes = rows.map((row) => ({
    row,
    out: sweepOrder(
      { level: row.level, schedule: row.schedule, lastSupervisedAt: row.lastSupervisedAt ? new Date(row.lastSupervisedAt) : null, supervisionCount: row.supervisionCount },
      now,
      current.settings.supervision,
    ),
  }));
  // Supervising adds an event to the order: take its row lock too (only for these, and without waiting).
  const locked = new Map((await lockFreeTickets(tx, outcomes.filter((o) => o.out.action !== 'none').map((o) => o.row.ticketId))).map((t) => [t.id, t]));
  const updates: SweepUpdate[] = [];
  const acted: { row: (typeof rows)[number]; action: 'supervise' | 'escalate'; round: number }[] = [];
  for (const { row, out } of outcomes) {
    if (out.action !== 'none' && !locked.has(row.ticketId)) continue; // busy: left for the next sweep
    if (out.changed) report.changed[out.level] += 1;
    if (out.action !== 'none') acted.push({ row, action: out.action, round: out.supervisionCount });
    updates.push({ ticketId: row.ticketId, level: out.level, nextCheckAt: out.nextCheckAt, lastSupervisedAt: out.lastSupervisedAt, supervisionCount: out.supervisionCount });
  }
  report.checked += updates.length;
  await store.recordSweeps(updates, now.toISOString());
  if (acted.length === 0) return rows.length;

  const notices: NotificationDraft[] = [];
  for (const { row, action, round } of acted) {
    // the unit and its parent on the first supervision; the unit and one level higher on each escalation
    const chain = row.unitId ? ancestors(row.unitId, parents) : [];
    const above = chain[Math.min(round, chain.length) - 1];
    const notified = row.unitId ? [row.unitId, ...(above ? [above] : [])] : [];
    const dueAt = row.dueAt;
    const ticket = locked.get(row.ticketId)!;
    await deps.events.append(tx, {
      before: ticket,
      after: ticket,
      drafts: [
        {
          type: 'supervised',
          at: now.toISOString(),
          actor: { ...SYSTEM_ACTOR, roles: [...SYSTEM_ACTOR.roles] },
          fromStatus: ticket.status,
          toStatus: ticket.status,
          payload: { level: 'red', automatic: true, action, round, dueAt, notifiedUnitIds: notified },
        },
      ],
    });
    const message =
      action === 'supervise'
        ? `工单 ${ticket.number} 已超期未办结（期限 ${dueAt ?? ''}），系统自动督办。Order ${ticket.number} is overdue: automatic supervision.`
        : `工单 ${ticket.number} 超期仍未办结，第 ${round - 1} 次升级督办。Order ${ticket.number} is still overdue: escalation ${round - 1}.`;
    for (const unitId of notified) {
      notices.push({ id: deps.ids.id(), ticketId: row.ticketId, unitId, kind: action === 'supervise' ? 'supervised' : 'escalated', round, message, at: now.toISOString() });
    }
    if (action === 'supervise') report.supervised += 1;
    else report.escalated += 1;
    if (report.actions.length < 100) report.actions.push({ ticketId: row.ticketId, number: ticket.number, action, round, notifiedUnitIds: notified });
  }
  await store.insertNotifications(notices);
  report.notifications += notices.length;
  return rows.length;
}

function ancestors(unitId: string, parents: Map<string, string | null>): string[] {
  const chain: string[] = [];
  let current = parents.get(unitId) ?? null;
  while (current && !chain.includes(current) && chain.length < 10) {
    chain.push(current);
    current = parents.get(current) ?? null;
  }
  return chain;
}
