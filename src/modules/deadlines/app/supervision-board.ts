import type { Database } from '../../../platform/db/database';
import { deadlinesStore } from '../deadlines.store';
import { AppError } from '../../../platform/errors';
import { hasRole, isCentre, type Actor } from '../../../platform/roles';
import type { WarningLevel } from '../domain/warning';
import type { Clock } from '../../../platform/context';
import { deadlineViewOf } from './deadline-view';
import { listUnits } from '../../org';
import { getTickets } from '../../tickets';

export interface SupervisionBoard {
  at: string;
  totals: Record<WarningLevel, number>;
  byUnit: { unitId: string | null; unitName: string | null; none: number; yellow: number; orange: number; red: number }[];
  reddest: { ticketId: string; number: string; title: string; unitId: string | null; unitName: string | null; dueAt: string | null; overdueHours: number; supervisionCount: number }[];
}

/** 督办看板: open orders under a running clock, counted by colour and by unit, and the longest-overdue ones. */
export async function supervisionBoard(ctx: { db: Database; clock: Clock }, actor: Actor, opts: { limit?: number } = {}): Promise<SupervisionBoard> {
  let unitIds: string[] | null = null;
  if (!isCentre(actor)) {
    if (!hasRole(actor, 'unit_handler') || !actor.unitId) throw new AppError('AUTH.FORBIDDEN', 'Your role has no supervision board');
    unitIds = [actor.unitId];
  }
  const now = ctx.clock.now();
  const store = deadlinesStore(ctx.db);
  const counts = await store.board(now.toISOString(), unitIds);
  const reddest = await store.reddest(now.toISOString(), unitIds, Math.max(1, Math.min(200, opts.limit ?? 20)));
  const unitNames = new Map((await listUnits(ctx.db)).map((u) => [u.id, u.name]));
  const tickets = new Map((await getTickets(ctx.db, reddest.map((r) => r.ticketId))).map((t) => [t.id, t]));
  const totals: Record<WarningLevel, number> = { none: 0, yellow: 0, orange: 0, red: 0 };
  const byUnit = new Map<string, SupervisionBoard['byUnit'][number]>();
  for (const c of counts) {
    totals[c.colour] += c.n;
    const key = c.unitId ?? '';
    const entry = byUnit.get(key) ?? { unitId: c.unitId, unitName: c.unitId ? (unitNames.get(c.unitId) ?? null) : null, none: 0, yellow: 0, orange: 0, red: 0 };
    entry[c.colour] += c.n;
    byUnit.set(key, entry);
  }
  return {
    at: now.toISOString(),
    totals,
    byUnit: [...byUnit.values()].sort((a, b) => b.red - a.red || b.orange - a.orange || b.yellow - a.yellow),
    reddest: reddest.map((r) => ({
      ticketId: r.ticketId,
      number: tickets.get(r.ticketId)?.number ?? '',
      title: tickets.get(r.ticketId)?.title ?? '',
      unitId: r.unitId,
      unitName: r.unitId ? (unitNames.get(r.unitId) ?? null) : null,
      dueAt: deadlineViewOf(r, now).deadlines?.dueAt ?? null,
      overdueHours: r.dueAt ? Math.round(((now.getTime() - Date.parse(r.dueAt)) / 3_600_000) * 10) / 10 : 0,
      supervisionCount: r.supervisionCount,
    })),
  };
}
