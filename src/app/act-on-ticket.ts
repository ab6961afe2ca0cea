import { createHash } from 'node:crypto';
import type { Sql } from '../adapters/db/database';
import { stores } from '../adapters/db/stores';
import { AppError } from '../domain/errors';
import type { Actor } from '../domain/roles';
import type { TicketCommand } from '../domain/ticket/commands';
import { decide } from '../domain/ticket/decide';
import type { Ticket } from '../domain/ticket/ticket';
import { canSee } from '../domain/ticket/visibility';
import { applyDrafts } from './events';
import type { AppContext } from './ports';

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
    const s = stores(tx);
    const before = await s.tickets.get(ticketId, { forUpdate: true });
    if (!before || !canSee(before, actor)) throw new AppError('TICKET.NOT_FOUND', `No work order ${ticketId}`, 'id');
    const at = ctx.clock.now().toISOString();
    if (idempotencyKey) {
      const requestHash = createHash('sha256').update(JSON.stringify({ ticketId, command, expectedVersion })).digest('hex');
      const claim = await s.tickets.claimIdempotencyKey({ scope: `${actor.id}:action`, key: idempotencyKey, requestHash, ticketId, at });
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
    const drafts = decide(before, command, actor);
    await checkReferences(tx, command, actor);
    const { after, events } = applyDrafts(before, drafts, actor, at, (await s.tickets.lastSeq(ticketId)) + 1, ctx.ids);
    await s.tickets.update(after, expectedVersion, events);
    for (const hook of ctx.ticketHooks) await hook(tx, { before, after, events });
    return (await s.tickets.get(ticketId)) ?? after;
  });
}

/** The checks that need the database: the units and orders a command names must exist. */
async function checkReferences(tx: Sql, command: TicketCommand, actor: Actor): Promise<void> {
  const s = stores(tx);
  if (command.action === 'dispatch') {
    const wanted = [command.leadUnitId, ...(command.coUnitIds ?? [])];
    const found = new Set((await s.units.getMany(wanted)).map((u) => u.id));
    const missing = wanted.find((id) => !found.has(id));
    if (missing) throw new AppError('UNIT.NOT_FOUND', `No unit ${missing}`, missing === command.leadUnitId ? 'leadUnitId' : 'coUnitIds');
  }
  if (command.action === 'merge') {
    const target = await s.tickets.get(command.intoTicketId);
    if (!target || !canSee(target, actor)) throw new AppError('TICKET.MERGE_TARGET_INVALID', `No work order ${command.intoTicketId} to merge into`, 'intoTicketId');
    if (target.closure === 'merged' || target.closure === 'invalid') {
      throw new AppError('TICKET.MERGE_TARGET_INVALID', `Order ${target.number} was itself ${target.closure}; merge into the order it points to`, 'intoTicketId');
    }
  }
  if (command.action === 'reply' && command.attachmentIds?.length) {
    const found = await s.attachments.metas(command.attachmentIds);
    const missing = command.attachmentIds.find((a) => !found.some((f) => f.id === a));
    if (missing) throw new AppError('ATTACHMENT.NOT_FOUND', `No attachment ${missing}`, 'attachmentIds');
  }
}
