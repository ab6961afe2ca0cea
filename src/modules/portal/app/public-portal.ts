import { AppError } from '../../../platform/errors';
import type { Actor } from '../../../platform/roles';
import type { Satisfaction, Ticket } from '../../../platform/events/order';
import type { TicketEvent } from '../../../platform/events/order-events';
import { getTicketByNumber, publicActorId } from '../../tickets';
import type { AppContext } from '../../../platform/context';
import { portalLookupStore } from '../portal-lookup.store';

/** What a citizen sees of their order on the portal: no internal notes, no staff names. */
export interface CitizenView {
  number: string;
  status: Ticket['status'];
  title: string;
  content: string;
  createdAt: string;
  reply: { text: string; at: string } | null;
  answer: string | null;
  satisfaction: Satisfaction | null;
  canRate: boolean;
  timeline: { type: TicketEvent['type']; at: string }[];
}

/** Event types a citizen is shown; internal steps (comments, reviews, supervision) stay inside. */
const CITIZEN_VISIBLE: ReadonlySet<TicketEvent['type']> = new Set([
  'created', 'answered', 'dispatched', 'signed', 'replied', 'callback_recorded', 'redispatched', 'rated', 'merged', 'invalidated',
]);

const digits = (phone: string) => phone.replace(/\D/g, '');

const LOOKUP_FAILURES = 20;
const LOOKUP_WINDOW_MINUTES = 15;

/**
 * The order behind a number, if the phone is the caller's; the same "not found" otherwise, to reveal nothing.
 * Order numbers are sequential, so failed look-ups are limited per client address to keep phones from being
 * guessed. The count is in the database, so the limit holds however many nodes answer and across restarts.
 */
export async function findOwnTicket(ctx: AppContext, number: string, phone: string, ip = 'unknown'): Promise<Ticket> {
  const portalLookups = portalLookupStore(ctx.db);
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - LOOKUP_WINDOW_MINUTES * 60_000).toISOString();
  // Registered before the check, not after a failure, so that guesses sent all at once count against each other.
  const lookup = await portalLookups.begin(ip, now.toISOString(), since);
  let ticket: Ticket | null;
  try {
    if (lookup.recent > LOOKUP_FAILURES) {
      throw new AppError('AUTH.RATE_LIMITED', `Too many unsuccessful look-ups; try again in ${LOOKUP_WINDOW_MINUTES} minutes`, 'phone', {
        retryAfterSeconds: LOOKUP_WINDOW_MINUTES * 60,
      });
    }
    ticket = await getTicketByNumber(ctx.db, number.trim());
  } catch (error) {
    await portalLookups.forget(lookup.id); // refused, or not checked at all: no failure
    throw error;
  }
  if (!ticket || !ticket.caller?.phone || digits(ticket.caller.phone) !== digits(phone) || digits(phone).length < 5) {
    throw new AppError('TICKET.NOT_FOUND', 'No order with this number and phone', 'number'); // the registration stays: a failure
  }
  await portalLookups.forget(lookup.id);
  return ticket;
}

export const publicActor = (ticket: Pick<Ticket, 'id' | 'caller'>): Actor => ({
  id: publicActorId(ticket.id),
  name: ticket.caller?.name ?? '市民',
  roles: ['citizen'],
  unitId: null,
  kind: 'public',
});

export async function citizenView(ctx: AppContext, ticket: Ticket): Promise<CitizenView> {
  const events = await ctx.events.history(ctx.db, ticket.id);
  return {
    number: ticket.number,
    status: ticket.status,
    title: ticket.title,
    content: ticket.content,
    createdAt: ticket.createdAt,
    reply: ticket.status === 'awaiting_callback' || ticket.status === 'closed' ? (ticket.reply ? { text: ticket.reply.text, at: ticket.reply.at } : null) : null,
    answer: ticket.answer,
    satisfaction: ticket.satisfaction,
    canRate: ticket.status === 'awaiting_callback' && ticket.satisfaction === null,
    timeline: events.filter((e) => CITIZEN_VISIBLE.has(e.type)).map((e) => ({ type: e.type, at: e.at })),
  };
}
