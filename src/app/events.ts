import type { EventDraft } from '../domain/ticket/decide';
import { evolve } from '../domain/ticket/evolve';
import type { Ticket, TicketEvent } from '../domain/ticket/ticket';
import type { Actor } from '../domain/roles';
import type { IdGen } from './ports';

/** Stamps drafts with id, sequence, time and actor, and applies them: the new state and what to record. */
export function applyDrafts(
  ticket: Ticket,
  drafts: readonly EventDraft[],
  actor: Actor,
  at: string,
  firstSeq: number,
  ids: IdGen,
): { after: Ticket; events: TicketEvent[] } {
  const events = drafts.map(
    (d, i): TicketEvent => ({
      id: ids.id(),
      ticketId: ticket.id,
      seq: firstSeq + i,
      type: d.type,
      at,
      actor: { id: actor.id, name: actor.name, roles: [...actor.roles], unitId: actor.unitId, kind: actor.kind },
      fromStatus: d.fromStatus,
      toStatus: d.toStatus,
      payload: d.payload,
    }),
  );
  const after = events.reduce(evolve, ticket);
  return { after: { ...after, version: ticket.version + 1 }, events };
}
