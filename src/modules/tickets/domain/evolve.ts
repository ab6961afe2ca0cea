import type { Closure, PendingExtension, Reply, Ticket } from '../../../platform/events/order';
import type { OrderEventDraft } from '../../../platform/events/order-events';

/** Applies one event (recorded, or about to be) to the current state. Pure: the same events always give the same order. */
export function evolve(ticket: Ticket, event: OrderEventDraft): Ticket {
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
      return { ...next, closure: 'direct_answer', answer: event.payload.answer };
    case 'dispatched':
    case 'redispatched': {
      const redispatch = event.type === 'redispatched';
      return {
        ...next,
        leadUnitId: event.payload.leadUnitId,
        coUnitIds: event.payload.coUnitIds,
        pendingExtension: null,
        ...(redispatch ? { redispatchCount: ticket.redispatchCount + 1, reply: null, satisfaction: null } : {}),
      };
    }
    case 'returned':
      return { ...next, leadUnitId: null, coUnitIds: [], pendingExtension: null, returnCount: ticket.returnCount + 1 };
    case 'extension_requested': {
      const pending: PendingExtension = {
        hours: event.payload.hours,
        reason: event.payload.reason,
        requestedAt: event.at,
        requestedBy: event.actor.id,
      };
      return { ...next, pendingExtension: pending };
    }
    case 'extension_decided':
      return { ...next, pendingExtension: null };
    case 'replied': {
      const reply: Reply = {
        text: event.payload.reply,
        resolved: event.payload.resolved,
        at: event.at,
        by: event.actor.id,
        unitId: event.payload.unitId,
        attachmentIds: event.payload.attachmentIds,
      };
      return { ...next, reply, pendingExtension: null };
    }
    case 'callback_recorded':
    case 'rated': {
      const satisfaction = event.payload.satisfaction;
      const closure: Closure | null = event.toStatus === 'closed' ? (ticket.reply?.resolved ? 'resolved' : 'unresolved') : null;
      return { ...next, satisfaction, closure };
    }
    case 'merged':
      return { ...next, closure: 'merged', mergedInto: event.payload.intoTicketId };
    case 'invalidated':
      return { ...next, closure: 'invalid' };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
