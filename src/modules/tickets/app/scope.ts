import type { TicketScope } from '../ticket.store';
import { hasRole, isCentre, type Actor } from '../../../platform/roles';

/** The orders an actor's lists cover; matches domain/ticket/visibility.ts canSee. */
export function scopeOf(actor: Actor): TicketScope | null {
  if (actor.kind === 'system' || isCentre(actor)) return { kind: 'all' };
  if (hasRole(actor, 'unit_handler') && actor.unitId) return { kind: 'unit', unitId: actor.unitId };
  if (hasRole(actor, 'citizen')) return { kind: 'citizen', userId: actor.id };
  return null;
}
