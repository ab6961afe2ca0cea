import { createHash } from 'node:crypto';
import type { AppContext } from '../../../platform/context';
import type { Sql } from '../../../platform/db/database';
import { AppError } from '../../../platform/errors';
import type { Ticket } from '../../../platform/events/order';
import type { Actor } from '../../../platform/roles';
import { unitsExist } from '../../org';
import { attachmentStore } from '../attachment.store';
import type { TicketCommand } from '../domain/commands';
import { decide, type EventDraft } from '../domain/decide';
import { canSee } from '../domain/visibility';
import { ticketStore } from '../ticket.store';
import { applyDrafts } from './apply-drafts';

/**
 * Takes one action on an order: checks visibility and version, lets the domain decide, and saves the new state
 * with its events in one transaction (the row is locked, so the state decided on is the state saved).
 */
export async function actOnTicket(
  ctx: AppContext,
  actor: Actor,
  ticketId: string,
  command: TicketCommand,
  expectedVersion: number,
  idempotencyKey?: string,
): Promise<Ticket> {
  return ctx.db.transaction(async (tx) => {
    const tickets = ticketStore(tx);
    const before = await tickets.get(ticketId, { forUpdate: true });
    if (!before || !canSee(before, actor)) throw new AppError('TICKET.NOT_FOUND', `No work order ${ticketId}`, 'id');
    if (idempotencyKey) {
      const requestHash = createHash('sha256').update(JSON.stringify({ ticketId, command, expectedVersion })).digest('hex');
      const claim = await tickets.claimIdempotencyKey({ scope: `${actor.id}:action`, key: idempotencyKey, requestHash, ticketId, at: ctx.clock.now().toISOString() });
      if (!claim.claimed) {
        if (!claim.sameRequest) throw new AppError('IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was used for a different request', 'Idempotency-Key');
        return before;
      }
    }
    if (before.version !== expectedVersion) {
      throw new AppError('TICKET.VERSION_CONFLICT', `The order is at version ${before.version}, not ${expectedVersion}; reload it and try again`, 'expectedVersion', {
        currentVersion: before.version,
      });
    }
    await actInTransaction(ctx, tx, actor, before, command);
    return (await tickets.get(ticketId)) ?? before;
  });
}

/**
 * The action on an order already locked in `tx`: decides, saves the state and appends the events (which runs
 * every reaction). Other modules move an order on with it from inside their reactions (automatic dispatch);
 * `annotate` lets them add what they know to the events (the model's score), within the events' schemas.
 */
export async function actInTransaction(
  ctx: AppContext,
  tx: Sql,
  actor: Actor,
  before: Ticket,
  command: TicketCommand,
  annotate: (draft: EventDraft) => EventDraft = (d) => d,
): Promise<Ticket> {
  const decided = decide(before, command, actor).map(annotate);
  await checkReferences(tx, command, actor);
  const { after, drafts } = applyDrafts(before, decided, actor, ctx.clock.now().toISOString());
  await ticketStore(tx).update(after, before.version);
  await ctx.events.append(tx, { before, after, drafts });
  return after;
}

/** The checks that need the database: the units and orders a command names must exist. */
async function checkReferences(tx: Sql, command: TicketCommand, actor: Actor): Promise<void> {
  if (command.action === 'dispatch') {
    const wanted = [command.leadUnitId, ...(command.coUnitIds ?? [])];
    const missing = await unitsExist(tx, wanted);
    if (missing) throw new AppError('UNIT.NOT_FOUND', `No unit ${missing}`, missing === command.leadUnitId ? 'leadUnitId' : 'coUnitIds');
  }
  if (command.action === 'merge') {
    const target = await ticketStore(tx).get(command.intoTicketId);
    if (!target || !canSee(target, actor)) throw new AppError('TICKET.MERGE_TARGET_INVALID', `No work order ${command.intoTicketId} to merge into`, 'intoTicketId');
    if (target.closure === 'merged' || target.closure === 'invalid') {
      throw new AppError('TICKET.MERGE_TARGET_INVALID', `Order ${target.number} was itself ${target.closure}; merge into the order it points to`, 'intoTicketId');
    }
  }
  if (command.action === 'reply' && command.attachmentIds?.length) {
    const found = await attachmentStore(tx).metas(command.attachmentIds);
    const missing = command.attachmentIds.find((a) => !found.some((f) => f.id === a));
    if (missing) throw new AppError('ATTACHMENT.NOT_FOUND', `No attachment ${missing}`, 'attachmentIds');
  }
}
