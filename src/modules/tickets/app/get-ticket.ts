import type { AppContext } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import type { Ticket } from '../../../platform/events/order';
import type { TicketEvent } from '../../../platform/events/order-events';
import type { Actor } from '../../../platform/roles';
import { attachmentStore } from '../attachment.store';
import { canSee } from '../domain/visibility';
import { ticketStore } from '../ticket.store';
import { decorateViews } from './decorate-views';
import { presentTicket, type TicketView } from './present-ticket';

/** One order with its timeline and attachments, as this viewer may see it (others' orders are "not found"). */
export async function getTicket(ctx: AppContext, actor: Actor, id: string): Promise<TicketView> {
  const ticket = await ticketStore(ctx.db).get(id);
  if (!ticket || !canSee(ticket, actor)) throw new AppError('TICKET.NOT_FOUND', `No work order ${id}`, 'id');
  return fullView(ctx, actor, ticket);
}

/**
 * The full view of an order the actor has just acted on. It may have left their scope by that action (a unit
 * returning it), yet they still get to see the result of what they did.
 */
export async function fullView(ctx: AppContext, actor: Actor, ticket: Ticket, knownEvents?: TicketEvent[]): Promise<TicketView> {
  const events = knownEvents ?? (await ctx.events.history(ctx.db, ticket.id));
  const attachments = await attachmentStore(ctx.db).metas([...ticket.attachmentIds, ...(ticket.reply?.attachmentIds ?? [])]);
  // what other modules add (deadlines and a warning colour current at the moment of reading)
  const [view] = await decorateViews(ctx, [presentTicket(ticket, actor, { events, attachments })]);
  return view!;
}
