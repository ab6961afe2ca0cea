import { stores } from '../adapters/db/stores';
import type { Page, TicketFilter } from '../adapters/db/ticket.store';
import { AppError } from '../domain/errors';
import { isCentre, type Actor } from '../domain/roles';
import type { AppContext } from './ports';
import { presentTicket, type TicketView } from './present-ticket';
import { scopeOf } from './scope';
import { slaStore } from '../adapters/db/sla.store';
import { withDeadlines, type DeadlineView } from './sla/deadline-view';

/** A page of the orders this viewer may see, filtered. */
export async function listTickets(
  ctx: AppContext,
  actor: Actor,
  filter: TicketFilter,
  page: Page,
): Promise<{ items: (TicketView & DeadlineView)[]; total: number; page: number; pageSize: number }> {
  const scope = scopeOf(actor);
  if (!scope) throw new AppError('AUTH.FORBIDDEN', 'Your role has no work orders to list');
  // Looking orders up by a caller's phone is for the centre (the agent desk); units only see masked numbers.
  if (filter.phone && !isCentre(actor)) throw new AppError('AUTH.FORBIDDEN', 'Only the centre may search by phone number', 'phone');
  const s = stores(ctx.db);
  // deadlines: colours and due times are evaluated now; emergency-tagged orders come first in every list
  const now = ctx.clock.now();
  const mode = await slaStore(ctx.db).emergencyMode();
  const { items, total } = await s.tickets.list(
    { ...filter, now: now.toISOString() },
    scope,
    mode.active && mode.tag ? { ...page, priorityTag: mode.tag } : page,
  );
  const views = await withDeadlines(ctx.db, items.map((t) => presentTicket(t, actor)), now);
  return { items: views, total, page: page.page, pageSize: page.pageSize };
}
