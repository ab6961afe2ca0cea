import type { Actor } from '../../../platform/roles';
import type { Ticket } from '../../../platform/events/order';
import type { OrderEventDraft } from '../../../platform/events/order-events';
import type { EventDraft } from '../domain/decide';
import { evolve } from '../domain/evolve';

/** Stamps the domain's drafts with time and actor and applies them: the new state (one version on) and what to record. */
export function applyDrafts(ticket: Ticket, drafts: readonly EventDraft[], actor: Actor, at: string): { after: Ticket; drafts: OrderEventDraft[] } {
  const stamped = drafts.map(
    (d) =>
      ({
        ...d,
        at,
        actor: { id: actor.id, name: actor.name, roles: [...actor.roles], unitId: actor.unitId, kind: actor.kind },
      }) as OrderEventDraft,
  );
  const after = stamped.reduce(evolve, ticket);
  return { after: { ...after, version: ticket.version + 1 }, drafts: stamped };
}
