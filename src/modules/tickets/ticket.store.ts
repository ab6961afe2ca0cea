import type { Sql } from '../../platform/db/database';
import { iso, json, num } from '../../platform/db/rows';
import { AppError } from '../../platform/errors';
import type { EventLog } from '../../platform/events/event-log';
import type { Status, Ticket } from '../../platform/events/order';
import type { OrderEventDraft, TicketEvent } from '../../platform/events/order-events';
import type { OrderViewExtension } from '../../platform/module';

/** What a user may see: the whole city, their unit's orders, or their own. */
export type TicketScope = { kind: 'all' } | { kind: 'unit'; unitId: string } | { kind: 'citizen'; userId: string };

export interface TicketFilter {
  status?: Status[];
  unitId?: string;
  categoryCode?: string;
  tag?: string;
  channel?: string;
  urgency?: string;
  from?: string;
  to?: string;
  q?: string;
  phone?: string;
  /** Parameters the modules' view extensions define (deadlines: warning, dueWithinHours), with the instant they are evaluated at. */
  extensions?: { query: Readonly<Record<string, unknown>>; now: Date; views: readonly OrderViewExtension[] };
}

export interface Page {
  page: number;
  pageSize: number;
  /** One of BASE_SORTS or a sort a view extension adds (deadlines: due_asc, urgency_desc). */
  sort?: string;
  /** Emergency response (一级响应): orders with this tag come first whatever the sort. */
  priorityTag?: string | null;
}

const COLUMNS = `id, number, status, version, channel, title, content, caller_name, caller_phone, address, lat, lng,
  category_code, urgency, tags, received_at, created_at, updated_at, external_ref, created_by, citizen_user_id,
  lead_unit_id, co_unit_ids, closure, merged_into, answer, reply, satisfaction, pending_extension,
  redispatch_count, return_count, attachment_ids`;

type Row = Record<string, unknown>;

/** A closed order as the intake model learns from it. */
export interface ClosedOrder {
  id: string;
  title: string;
  content: string;
  categoryCode: string | null;
  leadUnitId: string | null;
  closure: string | null;
  satisfaction: string | null;
  returnCount: number;
  redispatchCount: number;
}

/** A recent order as similar-order search and clusters compare it. */
export interface RecentOrder {
  id: string;
  number: string;
  title: string;
  content: string;
  address: string | null;
  callerPhone: string | null;
  status: Status;
}

function toTicket(r: Row): Ticket {
  const callerName = (r.caller_name as string | null) ?? null;
  const callerPhone = (r.caller_phone as string | null) ?? null;
  return {
    id: String(r.id),
    number: String(r.number),
    status: r.status as Ticket['status'],
    version: num(r.version),
    channel: r.channel as Ticket['channel'],
    title: String(r.title),
    content: String(r.content),
    caller: callerName === null && callerPhone === null ? null : { name: callerName, phone: callerPhone },
    address: (r.address as string | null) ?? null,
    location: r.lat === null || r.lat === undefined ? null : { lat: num(r.lat), lng: num(r.lng) },
    categoryCode: (r.category_code as string | null) ?? null,
    urgency: r.urgency as Ticket['urgency'],
    tags: (r.tags as string[]) ?? [],
    receivedAt: iso(r.received_at),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    externalRef: (r.external_ref as string | null) ?? null,
    createdBy: (r.created_by as string | null) ?? null,
    citizenUserId: (r.citizen_user_id as string | null) ?? null,
    leadUnitId: (r.lead_unit_id as string | null) ?? null,
    coUnitIds: (r.co_unit_ids as string[]) ?? [],
    closure: (r.closure as Ticket['closure']) ?? null,
    mergedInto: (r.merged_into as string | null) ?? null,
    answer: (r.answer as string | null) ?? null,
    reply: r.reply ? json<Ticket['reply']>(r.reply) : null,
    satisfaction: (r.satisfaction as Ticket['satisfaction']) ?? null,
    pendingExtension: r.pending_extension ? json<Ticket['pendingExtension']>(r.pending_extension) : null,
    redispatchCount: num(r.redispatch_count),
    returnCount: num(r.return_count),
    attachmentIds: (r.attachment_ids as string[]) ?? [],
  };
}

/** The values of a ticket row, in COLUMNS order. */
function values(t: Ticket): unknown[] {
  return [
    t.id, t.number, t.status, t.version, t.channel, t.title, t.content, t.caller?.name ?? null, t.caller?.phone ?? null,
    t.address, t.location?.lat ?? null, t.location?.lng ?? null, t.categoryCode, t.urgency, t.tags, t.receivedAt,
    t.createdAt, t.updatedAt, t.externalRef, t.createdBy, t.citizenUserId, t.leadUnitId, t.coUnitIds, t.closure,
    t.mergedInto, t.answer, t.reply === null ? null : JSON.stringify(t.reply), t.satisfaction,
    t.pendingExtension === null ? null : JSON.stringify(t.pendingExtension), t.redispatchCount, t.returnCount,
    t.attachmentIds,
  ];
}
const PLACEHOLDERS = Array.from({ length: 32 }, (_, i) => `$${i + 1}`).join(', ');

function scopeClause(scope: TicketScope, params: unknown[]): string | null {
  switch (scope.kind) {
    case 'all':
      return null;
    case 'unit':
      params.push(scope.unitId);
      return `(lead_unit_id = $${params.length} OR $${params.length} = ANY(co_unit_ids))`;
    case 'citizen':
      params.push(scope.userId);
      return `citizen_user_id = $${params.length}`;
  }
}

function filterClauses(f: TicketFilter, params: unknown[]): string[] {
  const where: string[] = [];
  const add = (value: unknown, clause: (p: string) => string) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (f.status?.length) add(f.status, (p) => `status = ANY(${p}::text[])`);
  if (f.unitId) add(f.unitId, (p) => `(lead_unit_id = ${p} OR ${p} = ANY(co_unit_ids))`);
  if (f.categoryCode) add(`${f.categoryCode}%`, (p) => `category_code LIKE ${p}`);
  if (f.tag) add(f.tag, (p) => `${p} = ANY(tags)`);
  if (f.channel) add(f.channel, (p) => `channel = ${p}`);
  if (f.urgency) add(f.urgency, (p) => `urgency = ${p}`);
  if (f.from) add(f.from, (p) => `received_at >= ${p}`);
  if (f.to) add(f.to, (p) => `received_at < ${p}`);
  if (f.phone) add(f.phone, (p) => `caller_phone = ${p}`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    add(like, (p) => `(number LIKE ${p} OR title ILIKE ${p} OR content ILIKE ${p} OR address ILIKE ${p})`);
  }
  if (f.extensions) {
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    for (const view of f.extensions.views) where.push(...(view.where?.(f.extensions.query, f.extensions.now, param) ?? []));
  }
  return where;
}

/** An unscoped query of orders for integrations that publish them (Open311): no view extensions, newest first. */
export interface OrderQuery {
  /** Only these order numbers (then the other conditions below still apply). */
  numbers?: readonly string[] | null;
  /** Only these categories (exact codes). */
  categoryCodes?: readonly string[] | null;
  /** Never these categories (private ones). */
  excludeCategoryCodes?: readonly string[];
  /** Never orders closed this way. */
  excludeClosures?: readonly string[];
  statuses?: readonly Status[] | null;
  /** received_at ≥ from and ≤ to. */
  receivedFrom?: string | null;
  receivedTo?: string | null;
  /** Only orders that have a category. */
  categorised?: boolean;
  limit: number;
}

export const BASE_SORTS: Record<string, string> = {
  received_desc: 'received_at DESC, id DESC',
  received_asc: 'received_at ASC, id ASC',
  updated_desc: 'updated_at DESC, id DESC',
};

/** The ORDER BY of a sort name: ours, or a view extension's (followed by the registration order as tie-break). */
export function orderBy(sort: string | undefined, views: readonly OrderViewExtension[]): string {
  if (!sort || BASE_SORTS[sort]) return BASE_SORTS[sort ?? 'received_desc']!;
  for (const v of views) {
    const expression = v.sorts?.[sort];
    if (expression) return `${expression}, received_at ASC, id ASC`;
  }
  throw new AppError('VALIDATION.FAILED', `Unknown sort ${sort}`, 'sort');
}

export function ticketStore(sql: Sql) {
  return {
    /**
     * Inserts a new order numbered by the database (day + city-wide sequence) with its events, and claims its
     * idempotency key, in one statement (one round trip on the busiest path). Returns the number, or null when
     * the key was already claimed (nothing is inserted then).
     */
    async insertNumbered(
      ticket: Omit<Ticket, 'number'>,
      day: string,
      log: EventLog,
      drafts: readonly OrderEventDraft[],
      claim: { scope: string; key: string; requestHash: string; at: string } | null = null,
    ): Promise<{ number: string; events: TicketEvent[] } | null> {
      const params = values({ ...ticket, number: '' });
      params[1] = day;
      const ctes: string[] = [];
      let guard = '';
      if (claim) {
        const base = params.length;
        params.push(claim.scope, claim.key, claim.requestHash, claim.at);
        ctes.push(
          `c AS (INSERT INTO idempotency_keys (scope, key, request_hash, ticket_id, created_at) VALUES ($${base + 1}, $${base + 2}, $${base + 3}, $1, $${base + 4}) ON CONFLICT (scope, key) DO NOTHING RETURNING ticket_id)`,
        );
        guard = ' WHERE EXISTS (SELECT 1 FROM c)';
      }
      const numbered = PLACEHOLDERS.replace('$2,', "$2 || lpad(nextval('ticket_number_seq')::text, 6, '0'),");
      ctes.push(`t AS (INSERT INTO tickets (${COLUMNS}) SELECT ${numbered}${guard} RETURNING number)`);
      // the order's first events go in with it, written by the event log's own statement pieces
      const { events, ctes: eventCtes } = log.insertWith('t', ticket.id, drafts, params);
      ctes.push(...eventCtes);
      try {
        const [row] = await sql.query<{ number: string }>(`WITH ${ctes.join(', ')} SELECT number FROM t`, params);
        return row ? { number: row.number, events } : null;
      } catch (e) {
        const { code, constraint } = e as { code?: string; constraint?: string };
        if (code === '23503' && constraint?.includes('category')) {
          throw new AppError('CATEGORY.NOT_FOUND', `No category with code ${ticket.categoryCode}`, 'categoryCode');
        }
        if (code === '23505' && constraint === 'tickets_external_ref_idx') {
          throw new AppError('TICKET.DUPLICATE_EXTERNAL_REF', `This ${ticket.channel} reference was already registered`, 'externalRef');
        }
        throw e;
      }
    },

    /** Who claimed an idempotency key, for which request and which order. */
    async idempotencyClaim(scope: string, key: string): Promise<{ ticketId: string; requestHash: string } | null> {
      const [row] = await sql.query<{ ticket_id: string; request_hash: string }>(
        'SELECT ticket_id, request_hash FROM idempotency_keys WHERE scope = $1 AND key = $2',
        [scope, key],
      );
      return row ? { ticketId: row.ticket_id, requestHash: row.request_hash } : null;
    },

    /** Saves the new state if nobody changed the order since `expectedVersion` (its events go through the event log). */
    async update(ticket: Ticket, expectedVersion: number): Promise<void> {
      const sets = COLUMNS.split(',')
        .map((c) => c.trim())
        .map((c, i) => `${c} = $${i + 1}`)
        .filter((s) => !s.startsWith('id '));
      const rows = await sql.query(
        `UPDATE tickets SET ${sets.join(', ')} WHERE id = $1 AND version = $33 RETURNING id`,
        [...values(ticket), expectedVersion],
      );
      if (rows.length === 0) {
        throw new AppError('TICKET.VERSION_CONFLICT', 'The order was changed by someone else; reload it and try again', 'expectedVersion');
      }
    },

    async get(id: string, opts: { forUpdate?: boolean } = {}): Promise<Ticket | null> {
      const rows = await sql.query<Row>(`SELECT ${COLUMNS} FROM tickets WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
      return rows[0] ? toTicket(rows[0]) : null;
    },

    async getByNumber(number: string): Promise<Ticket | null> {
      const rows = await sql.query<Row>(`SELECT ${COLUMNS} FROM tickets WHERE number = $1`, [number]);
      return rows[0] ? toTicket(rows[0]) : null;
    },

    /** Several orders by id; `skipLocked` locks those free now and leaves out those another transaction holds. */
    async getMany(ids: readonly string[], opts: { skipLocked?: boolean } = {}): Promise<Ticket[]> {
      if (ids.length === 0) return [];
      const rows = await sql.query<Row>(`SELECT ${COLUMNS} FROM tickets WHERE id = ANY($1::text[])${opts.skipLocked ? ' FOR UPDATE SKIP LOCKED' : ''}`, [ids]);
      return rows.map(toTicket);
    },

    /** Ids of the orders carrying a tag. */
    async idsTagged(tag: string): Promise<string[]> {
      return (await sql.query<{ id: string }>('SELECT id FROM tickets WHERE $1 = ANY(tags)', [tag])).map((r) => r.id);
    },

    /** Closed orders with what the hotline finally decided (the intake model's training data), newest first. */
    async closedForTraining(limit: number): Promise<ClosedOrder[]> {
      const rows = await sql.query<Row>(
        `SELECT id, title, content, category_code, lead_unit_id, closure, satisfaction, return_count, redispatch_count FROM tickets
          WHERE status = 'closed' AND closure IN ('resolved', 'unresolved', 'direct_answer')
          ORDER BY updated_at DESC LIMIT $1`,
        [limit],
      );
      return rows.map((r) => ({
        id: String(r.id),
        title: String(r.title ?? ''),
        content: String(r.content ?? ''),
        categoryCode: (r.category_code as string | null) ?? null,
        leadUnitId: (r.lead_unit_id as string | null) ?? null,
        closure: (r.closure as string | null) ?? null,
        satisfaction: (r.satisfaction as string | null) ?? null,
        returnCount: num(r.return_count ?? 0),
        redispatchCount: num(r.redispatch_count ?? 0),
      }));
    },

    async closedSince(at: string): Promise<number> {
      const [r] = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM tickets WHERE status = 'closed' AND updated_at > $1", [at]);
      return num(r?.n ?? 0);
    },

    /** Recent open orders, and any recent order of the same caller: what a new request may duplicate. */
    async recentCandidates(sinceIso: string, callerPhone: string | null, limit: number): Promise<RecentOrder[]> {
      const rows = await sql.query<Row>(
        `SELECT id, number, title, content, address, caller_phone, status FROM tickets
          WHERE received_at >= $1 AND (status <> 'closed' OR ($2::text IS NOT NULL AND caller_phone = $2::text))
          ORDER BY received_at DESC LIMIT $3`,
        [sinceIso, callerPhone, limit],
      );
      return rows.map((r) => ({
        id: String(r.id),
        number: String(r.number),
        title: String(r.title ?? ''),
        content: String(r.content ?? ''),
        address: (r.address as string | null) ?? null,
        callerPhone: (r.caller_phone as string | null) ?? null,
        status: r.status as Status,
      }));
    },

    async query(q: OrderQuery): Promise<Ticket[]> {
      const params: unknown[] = [];
      const where: string[] = [];
      const add = (value: unknown, clause: (p: string) => string) => {
        params.push(value);
        where.push(clause(`$${params.length}`));
      };
      if (q.numbers) add(q.numbers, (p) => `number = ANY(${p}::text[])`);
      if (q.categoryCodes) add(q.categoryCodes, (p) => `category_code = ANY(${p}::text[])`);
      if (q.excludeCategoryCodes?.length) add(q.excludeCategoryCodes, (p) => `NOT (category_code = ANY(${p}::text[]))`);
      if (q.excludeClosures?.length) add(q.excludeClosures, (p) => `(closure IS NULL OR NOT (closure = ANY(${p}::text[])))`);
      if (q.statuses) add(q.statuses, (p) => `status = ANY(${p}::text[])`);
      if (q.receivedFrom) add(q.receivedFrom, (p) => `received_at >= ${p}`);
      if (q.receivedTo) add(q.receivedTo, (p) => `received_at <= ${p}`);
      if (q.categorised) where.push('category_code IS NOT NULL');
      const rows = await sql.query<Row>(
        `SELECT ${COLUMNS} FROM tickets ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at DESC, id DESC LIMIT ${Math.max(0, Math.floor(q.limit))}`,
        params,
      );
      return rows.map(toTicket);
    },

    /** The order an integration registered under its reference on its channel. */
    async getByExternalRef(channel: string, ref: string): Promise<Ticket | null> {
      const rows = await sql.query<Row>(`SELECT ${COLUMNS} FROM tickets WHERE channel = $1 AND external_ref = $2`, [channel, ref]);
      return rows[0] ? toTicket(rows[0]) : null;
    },

    async list(filter: TicketFilter, scope: TicketScope, page: Page): Promise<{ items: Ticket[]; total: number }> {
      const params: unknown[] = [];
      const where = [scopeClause(scope, params), ...filterClauses(filter, params)].filter((w): w is string => w !== null);
      const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const [count] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets ${whereSql}`, params);
      const rowParams = page.priorityTag ? [...params, page.priorityTag] : params;
      const first = page.priorityTag ? `($${rowParams.length} = ANY(tags)) DESC, ` : '';
      const rows = await sql.query<Row>(
        `SELECT ${COLUMNS} FROM tickets ${whereSql} ORDER BY ${first}${orderBy(page.sort, filter.extensions?.views ?? [])} LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
        rowParams,
      );
      return { items: rows.map(toTicket), total: num(count!.n) };
    },

    /** Claims an idempotency key for a new order; returns the order it already names if taken. */
    async claimIdempotencyKey(k: { scope: string; key: string; requestHash: string; ticketId: string; at: string }) {
      const inserted = await sql.query(
        `INSERT INTO idempotency_keys (scope, key, request_hash, ticket_id, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (scope, key) DO NOTHING RETURNING ticket_id`,
        [k.scope, k.key, k.requestHash, k.ticketId, k.at],
      );
      if (inserted.length > 0) return { claimed: true as const };
      const [existing] = await sql.query<{ ticket_id: string; request_hash: string }>(
        'SELECT ticket_id, request_hash FROM idempotency_keys WHERE scope = $1 AND key = $2',
        [k.scope, k.key],
      );
      return { claimed: false as const, ticketId: existing!.ticket_id, sameRequest: existing!.request_hash === k.requestHash };
    },
  };
}
export type TicketStore = ReturnType<typeof ticketStore>;
