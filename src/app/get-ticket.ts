import { stores } from '../adapters/db/stores';
import { AppError } from '../domain/errors';
import type { Actor } from '../domain/roles';
import type { Ticket, TicketEvent } from '../domain/ticket/ticket';
import { canSee } from '../domain/ticket/visibility';
import type { AppContext } from './ports';
import { presentTicket, type TicketView } from './present-ticket';
import { withDeadlines } from './sla/deadline-view';

/** One order with its timeline and attachments, as this viewer may see it (others' orders are "not found"). */
export async function getTicket(ctx: AppContext, actor: Actor, id: string): Promise<TicketView> {
  const ticket = await stores(ctx.db).tickets.get(id);
  if (!ticket || !canSee(ticket, actor)) throw new AppError('TICKET.NOT_FOUND', `No work order ${id}`, 'id');
  return fullView(ctx, actor, ticket);
}

/**
 * The full view of an order the actor has just acted on. It may have left their scope by that action (a unit
 * returning it), yet they still get to see the result of what they did.
 */
export async function fullView(ctx: AppContext, actor: Actor, ticket: Ticket, knownEvents?: TicketEvent[]): Promise<TicketView> {
  const s = stores(ctx.db);
  const events = knownEvents ?? (await s.tickets.events(ticket.id));
  const attachments = await s.attachments.metas([...ticket.attachmentIds, ...(ticket.reply?.attachmentIds ?? [])]);
  // deadlines and a warning colour that is current at the moment of reading (issue 4)
  const [view] = await withDeadlines(ctx.db, [presentTicket(ticket, actor, { events, attachments })], ctx.clock.now());
  return view!;
}
