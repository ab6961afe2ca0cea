import { stores } from '../adapters/db/stores';
import { AppError } from '../domain/errors';
import type { Actor } from '../domain/roles';
import { canSee } from '../domain/ticket/visibility';
import type { AppContext } from './ports';
import { presentTicket, type TicketView } from './present-ticket';

/** One order with its timeline and attachments, as this viewer may see it (others' orders are "not found"). */
export async function getTicket(ctx: AppContext, actor: Actor, id: string): Promise<TicketView> {
  const s = stores(ctx.db);
  const ticket = await s.tickets.get(id);
  if (!ticket || !canSee(ticket, actor)) throw new AppError('TICKET.NOT_FOUND', `No work order ${id}`, 'id');
  const events = await s.tickets.events(id);
  const replyAttachments = ticket.reply?.attachmentIds ?? [];
  const attachments = await s.attachments.metas([...ticket.attachmentIds, ...replyAttachments]);
  return presentTicket(ticket, actor, { events, attachments });
}
