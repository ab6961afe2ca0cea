import type { AppContext } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { isCentre, type Actor } from '../../../platform/roles';
import { ticketStore, type Page, type TicketFilter } from '../ticket.store';
import { decorateViews } from './decorate-views';
import { presentTicket, type TicketView } from './present-ticket';
import { scopeOf } from './scope';

/** A page of the orders this viewer may see, filtered (by the modules' view extensions too). */
export async function listTickets(
  ctx: AppContext,
  actor: Actor,
  filter: Omit<TicketFilter, 'extensions'>,
  page: Omit<Page, 'priorityTag'>,
  extensionQuery: Readonly<Record<string, unknown>> = {},
): Promise<{ items: TicketView[]; total: number; page: number; pageSize: number }> {
  const scope = scopeOf(actor);
  if (!scope) throw new AppError('AUTH.FORBIDDEN', 'Your role has no work orders to list');
  // Looking orders up by a caller's phone is for the centre (the agent desk); units only see masked numbers.
  if (filter.phone && !isCentre(actor)) throw new AppError('AUTH.FORBIDDEN', 'Only the centre may search by phone number', 'phone');
  // emergency response: orders with the emergency tag come first in every list
  let priorityTag: string | null = null;
  for (const v of ctx.orderViews) priorityTag ??= (await v.priorityTag?.(ctx.db)) ?? null;
  const { items, total } = await ticketStore(ctx.db).list(
    { ...filter, extensions: { query: extensionQuery, now: ctx.clock.now(), views: ctx.orderViews } },
    scope,
    { ...page, priorityTag },
  );
  const views = await decorateViews(ctx, items.map((t) => presentTicket(t, actor)));
  return { items: views, total, page: page.page, pageSize: page.pageSize };
}
