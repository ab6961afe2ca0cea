import { createHash } from 'node:crypto';
import type { Sql } from '../../../platform/db/database';
import { AppError } from '../../../platform/errors';
import type { Actor } from '../../../platform/roles';
import { hasRole } from '../../../platform/roles';
import type { Channel, Ticket, Urgency } from '../../../platform/events/order';
import type { OrderEventDraft, TicketEvent } from '../../../platform/events/order-events';
import { attachmentStore } from '../attachment.store';
import { ticketStore } from '../ticket.store';
import { titleFromContent } from '../domain/title';
import { canCreateTickets } from '../domain/visibility';
import type { AppContext } from '../../../platform/context';
import { shanghaiDay } from '../../../platform/shanghai-time';

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
/**
 * Channels whose orders only an integration registers: its actor is `public` with the id `<channel>:<client id>`
 * (the Open311 module's client apps). Staff and citizens cannot pick them.
 */
const INTEGRATION_CHANNELS: readonly Channel[] = ['open311'];
const integrationOf = (actor: Actor): Channel | null =>
  (actor.kind === 'public' && INTEGRATION_CHANNELS.find((c) => actor.id.startsWith(`${c}:`))) || null;
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
  const integration = integrationOf(actor);
  if (integration ? input.channel !== integration : INTEGRATION_CHANNELS.includes(input.channel)) {
    throw new AppError('VALIDATION.FAILED', integration ? `An ${integration} client registers on channel ${integration}` : `Only client apps register on channel ${input.channel}`, 'channel');
  }
  if (isCitizen && !integration && !CITIZEN_CHANNELS.includes(input.channel)) {
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

  const react = await ctx.events.watchesNewOrders(ctx.db);
  // With no reaction to run, the order, its first event and its idempotency key go in as one atomic statement.
  const write = async (tx: Sql) => {
    const tickets = ticketStore(tx);
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
    const created: OrderEventDraft = {
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
    const inserted = await tickets.insertNumbered(draft, shanghaiDay(now), ctx.events, [created], claim);
    if (inserted === null) {
      // The key was claimed before: a retry (answer with that order) or a different request under the same key.
      const earlier = await tickets.idempotencyClaim(claim!.scope, claim!.key);
      if (!earlier || earlier.requestHash !== claim!.requestHash) {
        throw new AppError('IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was used for a different request', 'Idempotency-Key');
      }
      const existing = await tickets.get(earlier.ticketId);
      if (!existing) throw new AppError('TICKET.NOT_FOUND', 'The order this Idempotency-Key made no longer exists', 'Idempotency-Key');
      return { ticket: existing, events: await ctx.events.history(tx, existing.id), replayed: true };
    }
    const ticket: Ticket = { ...draft, number: inserted.number };
    if (!react) return { ticket, events: inserted.events, replayed: false };
    await ctx.events.react(tx, { before: null, after: ticket, events: inserted.events });
    // A reaction may have moved the new order on (automatic dispatch): answer with its state and whole timeline.
    return { ticket: (await tickets.get(id)) ?? ticket, events: await ctx.events.history(tx, id), replayed: false };
  };
  return react ? ctx.db.transaction(write) : write(ctx.db);
}

async function checkReferences(tx: Sql, input: NewTicket): Promise<void> {
  // An unknown categoryCode is caught by the foreign key when the order is inserted (one query fewer).
  const attachmentIds = input.attachmentIds ?? [];
  if (attachmentIds.length) {
    const found = await attachmentStore(tx).metas(attachmentIds);
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
