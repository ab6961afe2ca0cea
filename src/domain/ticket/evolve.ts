import type { Closure, PendingExtension, Reply, Satisfaction, Ticket, TicketEvent } from './ticket';

type Applied = Pick<TicketEvent, 'type' | 'toStatus' | 'payload' | 'at' | 'actor'>;

/** Applies one recorded event to the current state. Pure: the same events always give the same order. */
export function evolve(ticket: Ticket, event: Applied): Ticket {
  const p = event.payload;
  const next: Ticket = { ...ticket, status: event.toStatus, updatedAt: event.at };
  switch (event.type) {
    case 'created':
    case 'signed':
    case 'reply_approved':
    case 'reply_rejected':
    case 'commented':
    case 'supervised':
    case 'deadline_changed':
      return next;
    case 'answered':
      return { ...next, closure: 'direct_answer', answer: String(p.answer) };
    case 'dispatched':
    case 'redispatched': {
      const redispatch = event.type === 'redispatched';
      return {
        ...next,
        leadUnitId: String(p.leadUnitId),
        coUnitIds: (p.coUnitIds as string[] | undefined) ?? [],
        pendingExtension: null,
        ...(redispatch ? { redispatchCount: ticket.redispatchCount + 1, reply: null, satisfaction: null } : {}),
      };
    }
    case 'returned':
      return { ...next, leadUnitId: null, coUnitIds: [], pendingExtension: null, returnCount: ticket.returnCount + 1 };
    case 'extension_requested': {
      const pending: PendingExtension = {
        hours: Number(p.hours),
        reason: String(p.reason),
        requestedAt: event.at,
        requestedBy: event.actor.id,
      };
      return { ...next, pendingExtension: pending };
    }
    case 'extension_decided':
      return { ...next, pendingExtension: null };
    case 'replied': {
      const reply: Reply = {
        text: String(p.reply),
        resolved: Boolean(p.resolved),
        at: event.at,
        by: event.actor.id,
        unitId: (p.unitId as string | null) ?? null,
        attachmentIds: (p.attachmentIds as string[] | undefined) ?? [],
      };
      return { ...next, reply, pendingExtension: null };
    }
    case 'callback_recorded':
    case 'rated': {
      const satisfaction = p.satisfaction as Satisfaction;
      const closure: Closure | null = event.toStatus === 'closed' ? (ticket.reply?.resolved ? 'resolved' : 'unresolved') : null;
      return { ...next, satisfaction, closure };
    }
    case 'merged':
      return { ...next, closure: 'merged', mergedInto: String(p.intoTicketId) };
    case 'invalidated':
      return { ...next, closure: 'invalid' };
    default: {
      const unreachable: never = event.type;
      return unreachable;
    }
  }
}
