import type { Database } from '../../adapters/db/database';
import { slaStore } from '../../adapters/db/sla.store';
import { AppError } from '../../domain/errors';
import { hasRole, isCentre, type Actor } from '../../domain/roles';
import type { WarningLevel } from '../../domain/sla/warning';
import type { Clock } from '../ports';
import { deadlineViewOf } from './deadline-view';

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
  const store = slaStore(ctx.db);
  const counts = await store.board(now.toISOString(), unitIds);
  const reddest = await store.reddest(now.toISOString(), unitIds, Math.max(1, Math.min(200, opts.limit ?? 20)));
  const unitNames = new Map(
    (await ctx.db.query<{ id: string; name: string }>('SELECT id, name FROM units')).map((u) => [u.id, u.name]),
  );
  const tickets = new Map(
    (
      await ctx.db.query<{ id: string; number: string; title: string }>('SELECT id, number, title FROM tickets WHERE id = ANY($1::text[])', [
        reddest.map((r) => r.ticketId),
      ])
    ).map((t) => [t.id, t]),
  );
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
