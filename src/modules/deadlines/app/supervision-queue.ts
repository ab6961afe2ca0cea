import type { AppContext } from '../../../platform/context';
import { getTickets } from '../../tickets';
import { deadlinesStore } from '../deadlines.store';
import { deadlineViewOf } from './deadline-view';

/** The most urgent open orders (of one unit, or all): emergency-tagged first, then the nearest deadline. */
export async function supervisionQueue(ctx: AppContext, unitId: string | null, limit: number) {
  const now = ctx.clock.now();
  const rows = await deadlinesStore(ctx.db).urgentQueue(unitId, limit);
  const tickets = new Map((await getTickets(ctx.db, rows.map((r) => r.ticketId))).map((t) => [t.id, t]));
  return rows.flatMap((r) => {
    const t = tickets.get(r.ticketId);
    if (!t) return [];
    return [{
      ticketId: r.ticketId,
      number: t.number,
      title: t.title,
      urgency: t.urgency,
      tags: t.tags,
      status: r.status,
      unitId: r.unitId,
      emergency: r.priority > 0,
      dueAt: r.dueAt,
      warning: deadlineViewOf(r, now).warning,
    }];
  });
}

/** Supervision notices sent to units (督办通知), newest first. */
export async function listNotifications(ctx: AppContext, filter: { unitId?: string; ticketId?: string; limit: number }) {
  return deadlinesStore(ctx.db).notifications(filter);
}
