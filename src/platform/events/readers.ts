import type { Database, Sql } from '../db/database';
import { num } from '../db/rows';
import { START_OF_LOG, type EventLog, type LoggedEvent } from './event-log';

/**
 * An asynchronous reader of the order event log: a projection, an outbox feeder, a publisher. It gets the
 * events after its stored cursor in batches, in log order; `handle` runs in the transaction that moves the
 * cursor, so what it writes to the database is applied exactly once, and what it sends elsewhere must go
 * through an outbox row written here (at least once, with the event id as the key).
 */
export interface EventReader {
  /** `module.what`; the cursor is stored under this name. */
  name: string;
  batchSize?: number;
  /** Where a new reader starts: the first event ever written (default), or the end of the log. */
  startAt?: 'beginning' | 'end';
  handle(tx: Sql, events: readonly LoggedEvent[]): Promise<void>;
}

/**
 * Reads and handles one batch for `reader`. The reader's row is claimed with FOR UPDATE SKIP LOCKED, so any
 * number of nodes may call this: one handles a batch, the others return 0 at once. Returns the events handled.
 */
export async function readOneBatch(db: Database, log: EventLog, reader: EventReader, at: string): Promise<number> {
  await ensureReader(db, reader, at);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ tx_id: string; position: number }>(
      'SELECT tx_id::text AS tx_id, position FROM event_readers WHERE name = $1 FOR UPDATE SKIP LOCKED',
      [reader.name],
    );
    if (!row) return 0; // another node holds it
    const events = await log.readAfter(tx, { txId: row.tx_id, position: num(row.position) }, reader.batchSize ?? 500);
    if (events.length === 0) return 0;
    await reader.handle(tx, events);
    const last = events[events.length - 1]!.cursor;
    await tx.query('UPDATE event_readers SET tx_id = $2::xid8, position = $3, updated_at = $4 WHERE name = $1', [reader.name, last.txId, last.position, at]);
    return events.length;
  });
}

/** Handles batches until the reader has caught up (or `maxBatches`); returns the events handled. */
export async function catchUp(db: Database, log: EventLog, reader: EventReader, at: string, maxBatches = 100): Promise<number> {
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const n = await readOneBatch(db, log, reader, at);
    total += n;
    if (n < (reader.batchSize ?? 500)) break;
  }
  return total;
}

async function ensureReader(db: Database, reader: EventReader, at: string): Promise<void> {
  if (reader.startAt === 'end') {
    await db.query(
      `INSERT INTO event_readers (name, tx_id, position, updated_at)
       SELECT $1, coalesce(max(tx_id), '0'::xid8), coalesce(max(position), 0), $2 FROM ticket_events
       ON CONFLICT (name) DO NOTHING`,
      [reader.name, at],
    );
  } else {
    await db.query('INSERT INTO event_readers (name, updated_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [reader.name, at]);
  }
}

/** Where each reader stands and how far behind the log it is (for operators). */
export async function readerPositions(sql: Sql): Promise<{ name: string; txId: string; position: number; behind: number; updatedAt: string | null }[]> {
  const rows = await sql.query<{ name: string; tx_id: string; position: number; behind: number; updated_at: unknown }>(
    `SELECT r.name, r.tx_id::text AS tx_id, r.position, r.updated_at,
            (SELECT count(*)::int FROM ticket_events e WHERE (e.tx_id, e.position) > (r.tx_id, r.position)) AS behind
       FROM event_readers r ORDER BY r.name`,
  );
  return rows.map((r) => ({ name: r.name, txId: r.tx_id, position: num(r.position), behind: num(r.behind), updatedAt: r.updated_at ? new Date(String(r.updated_at)).toISOString() : null }));
}

/**
 * Replays a reader over the whole log from the start, in one transaction: holds the reader's row (a running
 * batch finishes first; others skip meanwhile), lets `reset` empty what the reader made, handles every event of
 * committed transactions in batches, and leaves the cursor after the last one. Those who read the reader's
 * output see the old until the replay commits. A rebuild of a projection; returns the events handled.
 */
export async function replayReader(db: Database, log: EventLog, reader: EventReader, at: string, reset: (tx: Sql) => Promise<void>): Promise<number> {
  await ensureReader(db, reader, at);
  return db.transaction(async (tx) => {
    await tx.query('SELECT name FROM event_readers WHERE name = $1 FOR UPDATE', [reader.name]);
    await reset(tx);
    let cursor = START_OF_LOG;
    let total = 0;
    for (;;) {
      const events = await log.readAfter(tx, cursor, reader.batchSize ?? 500);
      if (events.length === 0) break;
      await reader.handle(tx, events);
      cursor = events[events.length - 1]!.cursor;
      total += events.length;
    }
    await tx.query('UPDATE event_readers SET tx_id = $2::xid8, position = $3, updated_at = $4 WHERE name = $1', [reader.name, cursor.txId, cursor.position, at]);
    return total;
  });
}
