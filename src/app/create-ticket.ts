import { createHash } from 'node:crypto';
import type { Sql } from '../adapters/db/database';
import { stores } from '../adapters/db/stores';
import { AppError } from '../domain/errors';
import type { Actor } from '../domain/roles';
import { hasRole } from '../domain/roles';
import type { Channel, Ticket, TicketEvent, Urgency } from '../domain/ticket/ticket';
import { titleFromContent } from '../domain/ticket/title';
import { canCreateTickets } from '../domain/ticket/visibility';
import type { AppContext, TicketChangeHook } from './ports';
import { shanghaiDay } from './shanghai-time';

export interface NewTicket {
  channel: Channel;
  content: string;
  title?: string | undefined;
  caller?: { name?: string | null | undefined; phone?: string | null | undefined } | null | undefined;
  address?: string | null | undefined;
  location?: { lat: number; lng: number } | null | undefined;
  categoryCode?: string | null | undefined;
  urgency?: Urgency | undefined;
  tags?: string[] | undefined;
  receivedAt?: string | undefined;
  externalRef?: string | null | undefined;
  attachmentIds?: string[] | undefined;
}

const CITIZEN_CHANNELS: readonly Channel[] = ['web', 'mobile', 'wechat'];
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Registers a request as a work order. With an idempotency key, a retry returns the order the first call made
 * (and `replayed: true`) instead of making a second one; the same key with a different body is refused.
 */
export async function createTicket(
  ctx: AppContext,
  actor: Actor,
  input: NewTicket,
  idempotencyKey?: string,
): Promise<{ ticket: Ticket; events: TicketEvent[]; replayed: boolean }> {
  if (!canCreateTickets(actor) && actor.kind !== 'public') {
    throw new AppError('AUTH.FORBIDDEN', 'Your role may not register work orders');
  }
  const isCitizen = actor.kind === 'public' || (hasRole(actor, 'citizen') && actor.roles.length === 1);
  if (isCitizen && !CITIZEN_CHANNELS.includes(input.channel)) {
    throw new AppError('VALIDATION.FAILED', `Citizens submit through ${CITIZEN_CHANNELS.join(', ')}`, 'channel');
  }
  const now = ctx.clock.now();
  const at = now.toISOString();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (Number.isNaN(receivedAt.getTime())) throw new AppError('VALIDATION.FAILED', 'receivedAt is not a date-time', 'receivedAt');
  if (receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new AppError('VALIDATION.FAILED', 'receivedAt lies in the future', 'receivedAt');
  }
  const content = input.content.trim();
  if (!content) throw new AppError('VALIDATION.FAILED', 'content must not be blank', 'content');
  const title = input.title?.trim() || titleFromContent(content);

  const hooks: TicketChangeHook[] = [];
  for (const hook of ctx.ticketHooks) if ((await hook.watchesNewOrders?.(ctx.db)) ?? true) hooks.push(hook);
  // With no hook to run, the order, its first event and its idempotency key go in as one atomic statement.
  const write = async (tx: Sql) => {
    const s = stores(tx);
    const id = ctx.ids.id();
    await checkReferences(tx, input);
    const draft: Omit<Ticket, 'number'> = {
      id,
      status: 'registered',
      version: 1,
      channel: input.channel,
      title,
      content,
      caller: input.caller && (input.caller.name || input.caller.phone)
        ? { name: input.caller.name?.trim() || null, phone: input.caller.phone?.replace(/[\s-]/g, '') || null }
        : null,
      address: input.address?.trim() || null,
      location: input.location ?? null,
      categoryCode: input.categoryCode ?? null,
      urgency: input.urgency ?? 'normal',
      tags: [...new Set((input.tags ?? []).map((t) => t.trim()).filter(Boolean))],
      receivedAt: receivedAt.toISOString(),
      createdAt: at,
      updatedAt: at,
      externalRef: input.externalRef ?? null,
      createdBy: actor.kind === 'user' ? actor.id : null,
      citizenUserId: actor.kind === 'user' && hasRole(actor, 'citizen') ? actor.id : null,
      leadUnitId: null,
      coUnitIds: [],
      closure: null,
      mergedInto: null,
      answer: null,
      reply: null,
      satisfaction: null,
      pendingExtension: null,
      redispatchCount: 0,
      returnCount: 0,
      attachmentIds: input.attachmentIds ?? [],
    };
    const created: TicketEvent = {
      id: ctx.ids.id(),
      ticketId: id,
      seq: 1,
      type: 'created',
      at,
      actor: { id: actor.id, name: actor.name, roles: [...actor.roles], unitId: actor.unitId, kind: actor.kind },
      fromStatus: null,
      toStatus: 'registered',
      payload: { channel: draft.channel, receivedAt: draft.receivedAt, idempotencyKey: idempotencyKey ?? null },
    };
    const claim = idempotencyKey
      ? { scope: actor.id, key: idempotencyKey, requestHash: createHash('sha256').update(JSON.stringify(input)).digest('hex'), at }
      : null;
    const number = await s.tickets.insertNumbered(draft, shanghaiDay(now), [created], claim);
    if (number === null) {
      // The key was claimed before: a retry (answer with that order) or a different request under the same key.
      const earlier = await s.tickets.idempotencyClaim(claim!.scope, claim!.key);
      if (!earlier || earlier.requestHash !== claim!.requestHash) {
        throw new AppError('IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was used for a different request', 'Idempotency-Key');
      }
      const existing = await s.tickets.get(earlier.ticketId);
      if (!existing) throw new AppError('TICKET.NOT_FOUND', 'The order this Idempotency-Key made no longer exists', 'Idempotency-Key');
      return { ticket: existing, events: await s.tickets.events(existing.id), replayed: true };
    }
    let ticket: Ticket = { ...draft, number };
    let moved = false;
    for (const hook of hooks) {
      const changed = await hook(tx, { before: null, after: ticket, events: [created] });
      if (changed) [ticket, moved] = [changed, true];
    }
    // A hook moved the new order on (automatic dispatch): answer with its whole timeline.
    return { ticket, events: moved ? await s.tickets.events(id) : [created], replayed: false };
  };
  return hooks.length > 0 ? ctx.db.transaction(write) : write(ctx.db);
}

async function checkReferences(tx: Sql, input: NewTicket): Promise<void> {
  const s = stores(tx);
  // An unknown categoryCode is caught by the foreign key when the order is inserted (one query fewer).
  const attachmentIds = input.attachmentIds ?? [];
  if (attachmentIds.length) {
    const found = await s.attachments.metas(attachmentIds);
    const missing = attachmentIds.find((a) => !found.some((f) => f.id === a));
    if (missing) throw new AppError('ATTACHMENT.NOT_FOUND', `No attachment ${missing}`, 'attachmentIds');
  }
  if (input.externalRef) {
    const [dup] = await tx.query('SELECT number FROM tickets WHERE channel = $1 AND external_ref = $2', [input.channel, input.externalRef]);
    if (dup) {
      throw new AppError('TICKET.DUPLICATE_EXTERNAL_REF', `This ${input.channel} reference was already registered as ${String(dup.number)}`, 'externalRef');
    }
  }
}
