import type { Sql } from '../db/database';
import { json, num, iso } from '../db/rows';
import type { IdGen } from '../context';
import type { Status, Ticket } from './order';
import { assertPayload, PAYLOAD_VERSIONS, upcast, type OrderEventDraft, type OrderEventType, type TicketEvent } from './order-events';

/**
 * One change of one order as the reactions see it: the state before (null on creation), the state after, and
 * the events that made the difference, in sequence.
 */
export interface OrderChange {
  before: Ticket | null;
  after: Ticket;
  events: readonly TicketEvent[];
}

/**
 * A module's in-transaction reaction to order changes (deadlines, automatic dispatch, aggregates, outbox rows).
 * Reactions run in ascending `order`, each sees every change of the transaction once and in sequence, and may
 * themselves append events (or move the order on through the tickets module): those changes are delivered to
 * every reaction after the current one, never before it.
 */
export interface OrderReaction {
  /** `module.what`, e.g. `deadlines.track`. */
  name: string;
  /** The declared position; two reactions may not share one (refused when the log is built). */
  order: number;
  react(tx: Sql, change: OrderChange): Promise<void>;
  /**
   * Whether the reaction has anything to do when an order is registered (absent: it has). When no reaction
   * has, a new order is written by one statement with no transaction around it: the busiest path.
   */
  watchesNewOrders?(sql: Sql): boolean | Promise<boolean>;
}

/**
 * Where a reader stands in the log. Positions are assigned at insert; `txId` is the writing transaction's id. A
 * reader reads events of committed transactions older than every running one (`pg_snapshot_xmin`), ordered by
 * (txId, position): no event can later appear before a cursor a reader has passed, so resuming after it misses
 * nothing. (A per-transaction sequence read after commit, as the modules issue allows; docs/architecture.md.)
 */
export interface EventCursor {
  txId: string;
  position: number;
}
export const START_OF_LOG: EventCursor = { txId: '0', position: 0 };
export const encodeCursor = (c: EventCursor): string => `${c.txId}.${c.position}`;
export function decodeCursor(text: string): EventCursor | null {
  const m = /^(\d{1,20})\.(\d{1,18})$/.exec(text);
  return m ? { txId: m[1]!, position: Number(m[2]) } : null;
}

/** An event as a reader gets it: the event and the cursor just after it. */
export type LoggedEvent = TicketEvent & { cursor: EventCursor };

const COLUMNS = 'id, ticket_id, seq, type, at, actor_id, actor_name, actor_roles, actor_unit_id, actor_kind, from_status, to_status, payload, payload_version';
const COLUMN_COUNT = 14;

const valuesOf = (e: TicketEvent): unknown[] => [
  e.id, e.ticketId, e.seq, e.type, e.at, e.actor.id, e.actor.name, e.actor.roles, e.actor.unitId, e.actor.kind, e.fromStatus, e.toStatus,
  JSON.stringify(e.payload), PAYLOAD_VERSIONS[e.type],
];

export function eventFromRow(r: Record<string, unknown>): TicketEvent {
  const type = r.type as OrderEventType;
  return {
    id: String(r.id),
    ticketId: String(r.ticket_id),
    seq: num(r.seq),
    type,
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
    payload: upcast(type, num(r.payload_version ?? 1), json(r.payload)),
  } as TicketEvent;
}

export interface EventLog {
  /** The reactions in the order they run (for the docs and tests). */
  readonly reactions: readonly OrderReaction[];
  /**
   * The one writer of order events: stamps the drafts with ids and the next sequence numbers of the order,
   * checks each payload against its schema, inserts them in `tx` and runs the reactions. Returns the events.
   */
  append(tx: Sql, change: { before: Ticket | null; after: Ticket; drafts: readonly OrderEventDraft[] }): Promise<TicketEvent[]>;
  /**
   * For a caller that writes the order's row and its first events in one statement (registration): the
   * stamped events and the CTEs that insert them, reading `source` (a CTE that yields a row only when the
   * order was inserted). Run `react` afterwards, inside the same transaction, when reactions watch new orders.
   */
  insertWith(source: string, ticketId: string, drafts: readonly OrderEventDraft[], params: unknown[]): { events: TicketEvent[]; ctes: string[] };
  /** Runs the reactions on events already inserted by `insertWith`. */
  react(tx: Sql, change: OrderChange): Promise<void>;
  /** Whether any reaction watches new orders now. */
  watchesNewOrders(sql: Sql): Promise<boolean>;
  /** The events of one order, in sequence. */
  history(sql: Sql, ticketId: string): Promise<TicketEvent[]>;
  /** Events of committed transactions after `cursor`, in log order, at most `limit`. */
  readAfter(sql: Sql, cursor: EventCursor, limit: number): Promise<LoggedEvent[]>;
}

export function createEventLog(deps: { ids: IdGen }, reactions: readonly OrderReaction[]): EventLog {
  const sorted = [...reactions].sort((a, b) => a.order - b.order);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.order === sorted[i - 1]!.order) throw new Error(`reactions ${sorted[i - 1]!.name} and ${sorted[i]!.name} declare the same order ${sorted[i]!.order}`);
  }
  // Per transaction: the changes waiting for the reactions while a reaction runs, and the orders' last sequence.
  const queues = new WeakMap<Sql, OrderChange[]>();
  const lastSeqs = new WeakMap<Sql, Map<string, number>>();

  const stamp = (ticketId: string, drafts: readonly OrderEventDraft[], firstSeq: number): TicketEvent[] =>
    drafts.map((d, i) => {
      assertPayload(d.type, d.payload);
      return { ...d, id: deps.ids.id(), ticketId, seq: firstSeq + i } as TicketEvent;
    });

  async function nextSeq(tx: Sql, ticketId: string): Promise<number> {
    let known = lastSeqs.get(tx);
    if (!known) lastSeqs.set(tx, (known = new Map()));
    let last = known.get(ticketId);
    if (last === undefined) {
      const [row] = await tx.query<{ n: number }>('SELECT coalesce(max(seq), 0)::int AS n FROM ticket_events WHERE ticket_id = $1', [ticketId]);
      last = num(row!.n);
    }
    return last + 1;
  }

  async function react(tx: Sql, change: OrderChange): Promise<void> {
    const waiting = queues.get(tx);
    if (waiting) {
      waiting.push(change); // appended by a reaction: every reaction sees it after the change in hand
      return;
    }
    const queue: OrderChange[] = [change];
    queues.set(tx, queue);
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        for (const reaction of sorted) await reaction.react(tx, next);
      }
    } finally {
      queues.delete(tx);
    }
  }

  return {
    reactions: sorted,
    async append(tx, { before, after, drafts }) {
      if (drafts.length === 0) return [];
      const events = stamp(after.id, drafts, await nextSeq(tx, after.id));
      const params: unknown[] = [];
      const rows = events.map((e) => {
        const base = params.length;
        params.push(...valuesOf(e));
        return `(${Array.from({ length: COLUMN_COUNT }, (_, k) => `$${base + k + 1}`).join(', ')})`;
      });
      await tx.query(`INSERT INTO ticket_events (${COLUMNS}) VALUES ${rows.join(', ')}`, params);
      lastSeqs.get(tx)!.set(after.id, events[events.length - 1]!.seq);
      await react(tx, { before, after, events });
      return events;
    },
    insertWith(source, ticketId, drafts, params) {
      const events = stamp(ticketId, drafts, 1);
      const ctes = events.map((e, i) => {
        const base = params.length;
        params.push(...valuesOf(e));
        const ph = Array.from({ length: COLUMN_COUNT }, (_, k) => `$${base + k + 1}`).join(', ');
        return `e${i} AS (INSERT INTO ticket_events (${COLUMNS}) SELECT ${ph} FROM ${source})`;
      });
      return { events, ctes };
    },
    react,
    async watchesNewOrders(sql) {
      for (const r of sorted) if ((await r.watchesNewOrders?.(sql)) ?? true) return true;
      return false;
    },
    async history(sql, ticketId) {
      const rows = await sql.query(`SELECT ${COLUMNS} FROM ticket_events WHERE ticket_id = $1 ORDER BY seq`, [ticketId]);
      return rows.map(eventFromRow);
    },
    async readAfter(sql, cursor, limit) {
      // One statement, so the running transactions and the rows read come from the same snapshot. The horizon is
      // the oldest transaction running now in THIS database (pg_snapshot_xip, less those pg_stat_activity places
      // in other databases): its events, and those of every later transaction, wait until it ends, because it may
      // still write an event before them. A long transaction elsewhere on the server holds nothing back.
      const rows = await sql.query(
        `WITH elsewhere AS (
           SELECT backend_xid::text AS xid FROM pg_stat_activity
            WHERE datname IS DISTINCT FROM current_database() AND backend_xid IS NOT NULL
         ), horizon AS (
           SELECT coalesce(min(r.xid), pg_snapshot_xmax(pg_current_snapshot())) AS xid
             FROM pg_snapshot_xip(pg_current_snapshot()) AS r(xid)
            WHERE (r.xid::text::bigint % 4294967296)::text NOT IN (SELECT xid FROM elsewhere)
         )
         SELECT ${COLUMNS}, tx_id::text AS tx_id, position FROM ticket_events
          WHERE (tx_id, position) > ($1::xid8, $2::bigint) AND tx_id < (SELECT xid FROM horizon)
          ORDER BY ticket_events.tx_id, ticket_events.position LIMIT $3`,
        [cursor.txId, cursor.position, Math.max(1, Math.min(10_000, limit))],
      );
      return rows.map((r) => ({ ...eventFromRow(r), cursor: { txId: String(r.tx_id), position: num(r.position) } }));
    },
  };
}
