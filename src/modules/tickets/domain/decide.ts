import { AppError } from '../../../platform/errors';
import type { Actor } from '../../../platform/roles';
import type { TicketCommand, ActionName } from './commands';
import { ACTION_NAMES } from './commands';
import { TRANSITIONS } from './transitions';
import { publicActorId } from './visibility';
import type { Status, Ticket } from '../../../platform/events/order';
import type { OrderEventType, PayloadOf } from '../../../platform/events/order-events';

/** An event as the domain decides it, before the use case stamps time and actor and the log id and sequence. */
export type EventDraft = { [T in OrderEventType]: { type: T; fromStatus: Status; toStatus: Status; payload: PayloadOf<T> } }[OrderEventType];

const MAX_TEXT = 5000;
const MAX_EXTENSION_HOURS = 24 * 60;

/** Whether the actor may take the action on this order by role and scope (ignoring the status). */
function permitted(ticket: Ticket, action: ActionName, actor: Actor): boolean {
  const rule = TRANSITIONS[action];
  return actor.roles.some((role) => {
    if (!rule.roles.includes(role)) return false;
    if (role === 'unit_handler') {
      if (!actor.unitId) return false;
      if (actor.unitId === ticket.leadUnitId) return true;
      return rule.unitScope === 'lead_or_co' && ticket.coUnitIds.includes(actor.unitId);
    }
    if (role === 'citizen') return isOwner(ticket, actor);
    return true;
  });
}

/** A portal actor is created only after the order number and phone were checked, and only for that order. */
const isOwner = (ticket: Ticket, actor: Actor): boolean =>
  actor.kind === 'public' ? actor.id === publicActorId(ticket.id) : ticket.citizenUserId !== null && ticket.citizenUserId === actor.id;

/** Conditions beyond the table that make an action unavailable right now. */
function available(ticket: Ticket, action: ActionName): boolean {
  if (action === 'request_extension') return ticket.pendingExtension === null;
  if (action === 'decide_extension') return ticket.pendingExtension !== null;
  return true;
}

/** The actions this actor may take on this order now: what the console offers. */
export function allowedActions(ticket: Ticket, actor: Actor): ActionName[] {
  return ACTION_NAMES.filter(
    (a) => TRANSITIONS[a].from.includes(ticket.status) && permitted(ticket, a, actor) && available(ticket, a),
  );
}

/**
 * Decides what happens when `actor` issues `command` on `ticket`: the events to record, or an AppError.
 * Checks, in order: the role may ever take the action (403), the status allows it (409), the unit or owner
 * scope (403), then the command's own rules.
 */
export function decide(ticket: Ticket, command: TicketCommand, actor: Actor): EventDraft[] {
  const rule = TRANSITIONS[command.action];
  if (!actor.roles.some((r) => rule.roles.includes(r))) {
    throw new AppError('AUTH.FORBIDDEN', `Your role may not ${command.action} a work order`, 'action');
  }
  if (!rule.from.includes(ticket.status)) {
    throw new AppError(
      'TICKET.ILLEGAL_TRANSITION',
      `Action ${command.action} is not allowed while the order is ${ticket.status}`,
      'action',
      { status: ticket.status, action: command.action, allowedFrom: rule.from },
    );
  }
  if (!permitted(ticket, command.action, actor)) {
    throw new AppError('AUTH.FORBIDDEN', `Only the responsible unit or owner may ${command.action} this order`, 'action');
  }
  const from = ticket.status;
  // one cast: TypeScript cannot relate a generic `type` to the matching member of the union
  const event = <T extends OrderEventType>(type: T, toStatus: Status, payload: PayloadOf<T>): EventDraft => ({ type, fromStatus: from, toStatus, payload }) as EventDraft;

  switch (command.action) {
    case 'answer':
      return [event('answered', 'closed', { answer: requireText(command.answer, 'answer') })];
    case 'dispatch': {
      const leadUnitId = requireText(command.leadUnitId, 'leadUnitId');
      const coUnitIds = uniqueExcept(command.coUnitIds ?? [], leadUnitId);
      return [event('dispatched', 'dispatched', { leadUnitId, coUnitIds, note: optionalText(command.note, 'note') })];
    }
    case 'sign':
      return [event('signed', 'in_progress', { unitId: ticket.leadUnitId })];
    case 'return':
      return [event('returned', 'registered', { unitId: ticket.leadUnitId, reason: requireText(command.reason, 'reason') })];
    case 'request_extension': {
      if (ticket.pendingExtension) {
        throw new AppError('TICKET.EXTENSION_PENDING', 'An extension request is already waiting for a decision', 'action');
      }
      if (!Number.isInteger(command.hours) || command.hours < 1 || command.hours > MAX_EXTENSION_HOURS) {
        throw new AppError('VALIDATION.FAILED', `hours must be a whole number from 1 to ${MAX_EXTENSION_HOURS}`, 'hours');
      }
      return [event('extension_requested', from, { hours: command.hours, reason: requireText(command.reason, 'reason') })];
    }
    case 'decide_extension': {
      const pending = ticket.pendingExtension;
      if (!pending) throw new AppError('TICKET.NO_PENDING_EXTENSION', 'There is no extension request to decide', 'action');
      return [event('extension_decided', from, { approve: command.approve, hours: pending.hours, note: optionalText(command.note, 'note') })];
    }
    case 'reply':
      if (typeof command.resolved !== 'boolean') throw new AppError('VALIDATION.FAILED', 'resolved must be true or false', 'resolved');
      return [
        event('replied', 'replied', {
          reply: requireText(command.reply, 'reply'),
          resolved: command.resolved,
          unitId: ticket.leadUnitId,
          attachmentIds: command.attachmentIds ?? [],
        }),
      ];
    case 'approve_reply':
      return [event('reply_approved', 'awaiting_callback', { note: optionalText(command.note, 'note') })];
    case 'reject_reply':
      return [event('reply_rejected', 'in_progress', { reason: requireText(command.reason, 'reason') })];
    case 'callback': {
      const note = optionalText(command.note, 'note');
      if (command.redispatch) {
        if (command.satisfaction !== 'unsatisfied') {
          throw new AppError('VALIDATION.FAILED', 'Only an unsatisfied order can be re-dispatched', 'redispatch');
        }
        if (!ticket.leadUnitId) throw new AppError('TICKET.ILLEGAL_TRANSITION', 'The order has no unit to re-dispatch to', 'redispatch');
        return [
          event('callback_recorded', 'awaiting_callback', { satisfaction: command.satisfaction, note, redispatch: true }),
          { type: 'redispatched', fromStatus: 'awaiting_callback', toStatus: 'dispatched', payload: { leadUnitId: ticket.leadUnitId, coUnitIds: [...ticket.coUnitIds] } },
        ];
      }
      return [event('callback_recorded', 'closed', { satisfaction: command.satisfaction, note, redispatch: false })];
    }
    case 'rate': {
      // A citizen's own "unsatisfied" does not close the order: a callback agent talks to them and decides.
      const to: Status = command.satisfaction === 'unsatisfied' ? 'awaiting_callback' : 'closed';
      return [event('rated', to, { satisfaction: command.satisfaction, comment: optionalText(command.comment, 'comment') })];
    }
    case 'merge':
      if (command.intoTicketId === ticket.id) {
        throw new AppError('TICKET.MERGE_TARGET_INVALID', 'An order cannot be merged into itself', 'intoTicketId');
      }
      return [event('merged', 'closed', { intoTicketId: requireText(command.intoTicketId, 'intoTicketId') })];
    case 'invalidate':
      return [event('invalidated', 'closed', { reason: requireText(command.reason, 'reason') })];
    case 'comment':
      return [event('commented', from, { text: requireText(command.text, 'text') })];
    case 'supervise':
      return [event('supervised', from, { level: 'manual', note: requireText(command.note, 'note') })];
    default: {
      const unreachable: never = command;
      throw new AppError('VALIDATION.FAILED', `Unknown action ${(unreachable as { action: string }).action}`, 'action');
    }
  }
}

function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new AppError('VALIDATION.FAILED', `${field} is required and must not be blank`, field);
  }
  if (value.length > MAX_TEXT) throw new AppError('VALIDATION.FAILED', `${field} is longer than ${MAX_TEXT} characters`, field);
  return value.trim();
}

function optionalText(value: unknown, field: string): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
  return requireText(value, field);
}

function uniqueExcept(ids: string[], except: string): string[] {
  return [...new Set(ids)].filter((id) => id !== except);
}
