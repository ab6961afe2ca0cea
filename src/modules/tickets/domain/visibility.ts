import { hasRole, isCentre, type Actor } from '../../../platform/roles';
import type { Ticket } from '../../../platform/events/order';

/** Whether the actor may see the order at all. Unit users see orders their unit leads or co-handles. */
export function canSee(ticket: Pick<Ticket, 'id' | 'leadUnitId' | 'coUnitIds' | 'citizenUserId'>, actor: Actor): boolean {
  if (actor.kind === 'system' || isCentre(actor)) return true;
  if (actor.kind === 'public') return actor.id === publicActorId(ticket.id);
  if (hasRole(actor, 'unit_handler') && actor.unitId) {
    if (ticket.leadUnitId === actor.unitId || ticket.coUnitIds.includes(actor.unitId)) return true;
  }
  return hasRole(actor, 'citizen') && ticket.citizenUserId === actor.id;
}

/** Unit users get masked phone numbers and ID numbers: they contact the citizen through the centre. */
export const seesMaskedPersonalData = (actor: Actor): boolean => !isCentre(actor) && !hasRole(actor, 'citizen');

/** Who may register new orders. */
export const canCreateTickets = (actor: Actor): boolean => hasRole(actor, 'admin', 'agent', 'dispatcher', 'citizen');

/** A portal visitor who proved, with order number and phone, that this one order is theirs. */
export const publicActorId = (ticketId: string): string => `public:${ticketId}`;
