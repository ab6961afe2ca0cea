import { AppError } from '../../domain/errors';
import type { Status, Ticket, TicketEvent } from '../../domain/ticket/ticket';
import type { Sql } from './database';
import { iso, json, num } from './rows';

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
  /** Warning colour at `now` (deadlines, issue 4), from the precomputed instants in ticket_deadlines. */
  warning?: 'none' | 'yellow' | 'orange' | 'red';
  /** Orders whose running deadline falls within N hours of `now` (overdue ones included). */
  dueWithinHours?: number;
  /** The instant `warning` and `dueWithinHours` are evaluated at: the use case's clock. */
  now?: string;
}

export interface Page {
  page: number;
  pageSize: number;
  sort?: 'received_desc' | 'received_asc' | 'updated_desc' | 'due_asc' | 'urgency_desc';
  /** Emergency response (一级响应): orders with this tag come first whatever the sort. */
  priorityTag?: string;
}

const COLUMNS = `id, number, status, version, channel, title, content, caller_name, caller_phone, address, lat, lng,
  category_code, urgency, tags, received_at, created_at, updated_at, external_ref, created_by, citizen_user_id,
  lead_unit_id, co_unit_ids, closure, merged_into, answer, reply, satisfaction, pending_extension,
  redispatch_count, return_count, attachment_ids`;

type Row = Record<string, unknown>;

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

function toEvent(r: Row): TicketEvent {
  return {
    id: String(r.id),
    ticketId: String(r.ticket_id),
    seq: num(r.seq),
    type: r.type as TicketEvent['type'],
    at: iso(r.at),
    actor: {
      id: String(r.actor_id),
      name: String(r.actor_name),
      roles: r.actor_roles as TicketEvent['actor']['roles'],
      unitId: (r.actor_unit_id as string | null) ?? null,
      kind: r.actor_kind as TicketEvent['actor']['kind'],
    },
    fromStatus: (r.from_status as Status | null) ?? null,
    toStatus: r.to_status as Status,
    payload: json<Record<string, unknown>>(r.payload),
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

const EVENT_COLUMNS = 'id, ticket_id, seq, type, at, actor_id, actor_name, actor_roles, actor_unit_id, actor_kind, from_status, to_status, payload';
const EVENT_COLUMN_COUNT = 13;
const eventValues = (e: TicketEvent): unknown[] => [
  e.id, e.ticketId, e.seq, e.type, e.at, e.actor.id, e.actor.name, e.actor.roles, e.actor.unitId, e.actor.kind, e.fromStatus, e.toStatus, JSON.stringify(e.payload),
];

async function insertEvents(sql: Sql, events: readonly TicketEvent[]): Promise<void> {
  for (const e of events) {
    await sql.query(
      `INSERT INTO ticket_events (${EVENT_COLUMNS}) VALUES (${Array.from({ length: EVENT_COLUMN_COUNT }, (_, k) => `$${k + 1}`).join(', ')})`,
      eventValues(e),
    );
  }
}

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
  if (f.warning && f.now) {
    const colour: Record<NonNullable<TicketFilter['warning']>, (p: string) => string> = {
      red: (p) => `d.red_at <= ${p}`,
      orange: (p) => `d.orange_at <= ${p} AND d.red_at > ${p}`,
      yellow: (p) => `d.yellow_at <= ${p} AND d.orange_at > ${p}`,
      none: (p) => `d.yellow_at <= ${p}`,
    };
    const exists = f.warning === 'none' ? 'NOT EXISTS' : 'EXISTS';
    add(f.now, (p) => `${exists} (SELECT 1 FROM ticket_deadlines d WHERE d.ticket_id = tickets.id AND ${colour[f.warning!](`${p}::timestamptz`)})`);
  }
  if (f.dueWithinHours !== undefined && f.now) {
    const limit = new Date(Date.parse(f.now) + f.dueWithinHours * 3_600_000).toISOString();
    add(limit, (p) => `EXISTS (SELECT 1 FROM ticket_deadlines d WHERE d.ticket_id = tickets.id AND d.due_at <= ${p}::timestamptz)`);
  }
  return where;
}

const DUE_AT = '(SELECT d.due_at FROM ticket_deadlines d WHERE d.ticket_id = tickets.id)';

const ORDER: Record<NonNullable<Page['sort']>, string> = {
  received_desc: 'received_at DESC, id DESC',
  received_asc: 'received_at ASC, id ASC',
  updated_desc: 'updated_at DESC, id DESC',
  due_asc: `${DUE_AT} ASC NULLS LAST, received_at ASC, id ASC`,
  urgency_desc: `CASE urgency WHEN 'emergency' THEN 2 WHEN 'urgent' THEN 1 ELSE 0 END DESC, ${DUE_AT} ASC NULLS LAST, received_at ASC, id ASC`,
};

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
      events: readonly TicketEvent[],
      claim: { scope: string; key: string; requestHash: string; at: string } | null = null,
    ): Promise<string | null> {
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
      events.forEach((e, i) => {
        const base = params.length;
        params.push(...eventValues(e));
        const ph = Array.from({ length: EVENT_COLUMN_COUNT }, (_, k) => `$${base + k + 1}`).join(', ');
        ctes.push(`e${i} AS (INSERT INTO ticket_events (${EVENT_COLUMNS}) SELECT ${ph} FROM t)`);
      });
      try {
        const [row] = await sql.query<{ number: string }>(`WITH ${ctes.join(', ')} SELECT number FROM t`, params);
        return row?.number ?? null;
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

    /** Saves the new state if nobody changed the order since `expectedVersion`, with its events. */
    async update(ticket: Ticket, expectedVersion: number, events: readonly TicketEvent[]): Promise<void> {
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
      await insertEvents(sql, events);
    },

    async get(id: string, opts: { forUpdate?: boolean } = {}): Promise<Ticket | null> {
      const rows = await sql.query<Row>(`SELECT ${COLUMNS} FROM tickets WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
      return rows[0] ? toTicket(rows[0]) : null;
    },

    async getByNumber(number: string): Promise<Ticket | null> {
      const rows = await sql.query<Row>(`SELECT ${COLUMNS} FROM tickets WHERE number = $1`, [number]);
      return rows[0] ? toTicket(rows[0]) : null;
    },

    async lastSeq(ticketId: string): Promise<number> {
      const [row] = await sql.query<{ n: number }>('SELECT coalesce(max(seq), 0)::int AS n FROM ticket_events WHERE ticket_id = $1', [ticketId]);
      return num(row!.n);
    },

    async events(ticketId: string): Promise<TicketEvent[]> {
      const rows = await sql.query<Row>('SELECT * FROM ticket_events WHERE ticket_id = $1 ORDER BY seq', [ticketId]);
      return rows.map(toEvent);
    },

    async list(filter: TicketFilter, scope: TicketScope, page: Page): Promise<{ items: Ticket[]; total: number }> {
      const params: unknown[] = [];
      const where = [scopeClause(scope, params), ...filterClauses(filter, params)].filter((w): w is string => w !== null);
      const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const [count] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets ${whereSql}`, params);
      const rowParams = page.priorityTag ? [...params, page.priorityTag] : params;
      const first = page.priorityTag ? `($${rowParams.length} = ANY(tags)) DESC, ` : '';
      const rows = await sql.query<Row>(
        `SELECT ${COLUMNS} FROM tickets ${whereSql} ORDER BY ${first}${ORDER[page.sort ?? 'received_desc']} LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
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
