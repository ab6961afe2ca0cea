import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Sql } from '../../src/platform/db/database';
import { createEventLog, START_OF_LOG, decodeCursor, encodeCursor, type EventCursor, type OrderChange, type OrderReaction } from '../../src/platform/events/event-log';
import type { Ticket } from '../../src/platform/events/order';
import type { OrderEventDraft } from '../../src/platform/events/order-events';
import { catchUp, readOneBatch, readerPositions, type EventReader } from '../../src/platform/events/readers';
import { aTicket } from '../../src/modules/tickets/domain/fixtures';
import { createTestDatabase, ENGINE, TEST_DATABASE_URL, type TestDatabase } from '../support/database';

// The one writer of order events and its readers, on both engines: sequence numbers, the declared order of
// reactions, and a cursor that never passes an event a late-committing transaction is still writing.

const AT = '2025-10-01T02:00:00.000Z';
const actor = { id: 'a1', name: '王芳', roles: ['agent' as const], unitId: 'centre', kind: 'user' as const };
const created: OrderEventDraft = { type: 'created', at: AT, actor, fromStatus: null, toStatus: 'registered', payload: { channel: 'phone', receivedAt: AT, idempotencyKey: null } };
const comment = (text: string): OrderEventDraft => ({ type: 'commented', at: AT, actor, fromStatus: 'registered', toStatus: 'registered', payload: { text } });

let tdb: TestDatabase;
let db: Database;
let n = 0;
const ids = { id: () => `ev-${++n}` };

/** An order row for the events to belong to (ticket_events references tickets). */
async function order(id: string): Promise<Ticket> {
  const t = aTicket({ id, number: `20251001${String(++n).padStart(6, '0')}`, citizenUserId: null, categoryCode: null });
  await db.query(
    `INSERT INTO tickets (id, number, status, version, channel, title, content, urgency, tags, received_at, created_at, updated_at)
     VALUES ($1, $2, 'registered', 1, 'phone', 't', 'c', 'normal', '{}', $3, $3, $3)`,
    [t.id, t.number, AT],
  );
  return t;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
});
afterAll(async () => tdb.drop());

describe(`the order event log (${ENGINE})`, () => {
  it('numbers each order’s events 1, 2, 3 … across appends in one transaction and later ones', async () => {
    const log = createEventLog({ ids }, []);
    const t = await order('seq-1');
    await db.transaction(async (tx) => {
      await log.append(tx, { before: null, after: t, drafts: [created] });
      await log.append(tx, { before: t, after: t, drafts: [comment('a'), comment('b')] });
    });
    await db.transaction((tx) => log.append(tx, { before: t, after: t, drafts: [comment('c')] }));
    expect((await log.history(db, t.id)).map((e) => [e.seq, e.type])).toEqual([
      [1, 'created'],
      [2, 'commented'],
      [3, 'commented'],
      [4, 'commented'],
    ]);
  });

  it('runs reactions in their declared order, and delivers what a reaction appends after the change in hand, to every reaction', async () => {
    const seen: string[] = [];
    const record = (name: string, order: number, extra?: (tx: Sql, c: OrderChange) => Promise<void>): OrderReaction => ({
      name,
      order,
      async react(tx, c) {
        seen.push(`${name}:${c.events.map((e) => e.type).join('+')}`);
        await extra?.(tx, c);
      },
    });
    // registered out of order on purpose: `order` decides. The middle one moves the order on, as automatic dispatch does.
    const log = createEventLog({ ids }, [
      record('late', 30),
      record('mover', 20, async (tx, c) => {
        if (c.events.some((e) => e.type === 'created')) await log.append(tx, { before: c.after, after: c.after, drafts: [comment('moved on')] });
      }),
      record('early', 10),
    ]);
    const t = await order('react-1');
    await db.transaction((tx) => log.append(tx, { before: null, after: t, drafts: [created] }));
    expect(seen).toEqual(['early:created', 'mover:created', 'late:created', 'early:commented', 'mover:commented', 'late:commented']);
    expect(log.reactions.map((r) => r.name)).toEqual(['early', 'mover', 'late']);
  });

  it('refuses two reactions that declare the same order', () => {
    const r = (name: string): OrderReaction => ({ name, order: 5, react: async () => undefined });
    expect(() => createEventLog({ ids }, [r('a'), r('b')])).toThrow(/same order 5/);
  });

  it('rolls back the events of a failed transaction with it (a reaction that throws undoes the change)', async () => {
    const log = createEventLog({ ids }, [{ name: 'fails', order: 1, react: async () => Promise.reject(new Error('reaction failed')) }]);
    const t = await order('rollback-1');
    await expect(db.transaction((tx) => log.append(tx, { before: null, after: t, drafts: [created] }))).rejects.toThrow('reaction failed');
    expect(await log.history(db, t.id)).toEqual([]);
  });

  it('reads the log in order after a cursor, and resumes from where it stopped without repeating or skipping', async () => {
    const log = createEventLog({ ids }, []);
    const start = await endOfLog(log);
    const t = await order('read-1');
    await db.transaction((tx) => log.append(tx, { before: null, after: t, drafts: [created, comment('1')] }));
    await db.transaction((tx) => log.append(tx, { before: t, after: t, drafts: [comment('2'), comment('3')] }));
    const first = await log.readAfter(db, start, 3);
    expect(first.map((e) => e.seq)).toEqual([1, 2, 3]);
    const rest = await log.readAfter(db, first[2]!.cursor, 100);
    expect(rest.map((e) => e.seq)).toEqual([4]);
    expect(await log.readAfter(db, rest[0]!.cursor, 100)).toEqual([]);
    expect(decodeCursor(encodeCursor(rest[0]!.cursor))).toEqual(rest[0]!.cursor);
    expect(decodeCursor('garbage')).toBeNull();
  });

  it.runIf(ENGINE === 'postgres')('never lets a reader pass an event of a transaction that commits late', async () => {
    const log = createEventLog({ ids }, []);
    const start = await endOfLog(log);
    const early = await order('late-1');
    const late = await order('late-2');
    const a = await tdb.openAnother();
    const b = await tdb.openAnother();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let written!: () => void;
    const wrote = new Promise<void>((r) => (written = r));
    // A writes first (the lower position) and commits last; B writes after it and commits at once.
    const slow = a.transaction(async (tx) => {
      await log.append(tx, { before: null, after: early, drafts: [created] });
      written();
      await gate;
    });
    await wrote;
    await b.transaction((tx) => log.append(tx, { before: null, after: late, drafts: [created] }));
    // While A runs, nothing after A's position may be read: B's event waits behind it.
    const during = await log.readAfter(db, start, 100);
    expect(during.map((e) => e.ticketId)).not.toContain('late-2');
    release();
    await slow;
    const after = await log.readAfter(db, during.at(-1)?.cursor ?? start, 100);
    expect([...during, ...after].map((e) => e.ticketId).filter((id) => id.startsWith('late-')).sort()).toEqual(['late-1', 'late-2']);
  });

  it.runIf(ENGINE === 'postgres')('is not held back by a long transaction in another database of the same server', async () => {
    const log = createEventLog({ ids }, []);
    const start = await endOfLog(log);
    const elsewhere = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await elsewhere.connect();
    try {
      await elsewhere.query('BEGIN');
      await elsewhere.query('SELECT pg_current_xact_id()'); // holds a transaction id, as a report or a backup would
      const t = await order('elsewhere-1');
      await db.transaction((tx) => log.append(tx, { before: null, after: t, drafts: [created] }));
      expect((await log.readAfter(db, start, 100)).map((e) => e.ticketId)).toContain('elsewhere-1');
    } finally {
      await elsewhere.query('ROLLBACK');
      await elsewhere.end();
    }
  });

  it('a named reader handles each event once, in order, moving its cursor in the same transaction as its writes', async () => {
    const log = createEventLog({ ids }, []);
    await db.exec('CREATE TABLE IF NOT EXISTS reader_test_seen (event_id text PRIMARY KEY, seq int)');
    const reader: EventReader = {
      name: 'test.copy',
      batchSize: 2,
      async handle(tx, events) {
        for (const e of events) await tx.query('INSERT INTO reader_test_seen (event_id, seq) VALUES ($1, $2)', [e.id, e.seq]);
      },
    };
    const t = await order('reader-1');
    await db.transaction((tx) => log.append(tx, { before: null, after: t, drafts: [created, comment('1'), comment('2')] }));
    const handled = await catchUp(db, log, reader, AT);
    expect(handled).toBeGreaterThanOrEqual(3); // every event of the log so far, this order's among them
    const mine = await db.query<{ seq: number }>("SELECT e.seq FROM reader_test_seen s JOIN ticket_events e ON e.id = s.event_id WHERE e.ticket_id = 'reader-1' ORDER BY e.seq");
    expect(mine.map((r) => r.seq)).toEqual([1, 2, 3]);
    // nothing new: nothing handled, nothing twice
    expect(await readOneBatch(db, log, reader, AT)).toBe(0);
    await db.transaction((tx) => log.append(tx, { before: t, after: t, drafts: [comment('3')] }));
    expect(await catchUp(db, log, reader, AT)).toBe(1);
    const positions = await readerPositions(db);
    expect(positions.find((p) => p.name === 'test.copy')).toMatchObject({ behind: 0 });
  });

  it('a reader whose handler fails moves no cursor: the batch is read again', async () => {
    const log = createEventLog({ ids }, []);
    let fail = true;
    const got: string[] = [];
    const reader: EventReader = {
      name: 'test.flaky',
      startAt: 'end',
      async handle(_tx, events) {
        if (fail) throw new Error('receiver down');
        got.push(...events.map((e) => e.id));
      },
    };
    await readOneBatch(db, log, reader, AT); // registers the reader at the end of the log
    const t = await order('flaky-1');
    await db.transaction((tx) => log.append(tx, { before: null, after: t, drafts: [created] }));
    await expect(readOneBatch(db, log, reader, AT)).rejects.toThrow('receiver down');
    fail = false;
    expect(await readOneBatch(db, log, reader, AT)).toBe(1);
    expect(got).toHaveLength(1);
  });

  it.runIf(ENGINE === 'postgres')('of two nodes reading for one reader at once, one handles the batch and the other none', async () => {
    const log = createEventLog({ ids }, []);
    const reader = (into: string[]): EventReader => ({
      name: 'test.shared',
      async handle(tx, events) {
        await tx.query('SELECT pg_sleep(0.2)');
        into.push(...events.map((e) => e.id));
      },
    });
    const t = await order('shared-1');
    await db.transaction((tx) => log.append(tx, { before: null, after: t, drafts: [created] }));
    await readOneBatch(db, log, { ...reader([]), handle: async () => undefined }, AT).catch(() => 0); // register
    await db.transaction((tx) => log.append(tx, { before: t, after: t, drafts: [comment('x')] }));
    const a: string[] = [];
    const b: string[] = [];
    const other = await tdb.openAnother();
    const counts = await Promise.all([readOneBatch(db, log, reader(a), AT), readOneBatch(other, log, reader(b), AT)]);
    expect(counts.sort()).toEqual([0, 1]);
    expect([...a, ...b]).toHaveLength(1);
  });
});

/** A cursor at the end of the log as it stands: events written by earlier tests are behind it. */
async function endOfLog(log: ReturnType<typeof createEventLog>): Promise<EventCursor> {
  let cursor = START_OF_LOG;
  for (;;) {
    const batch = await log.readAfter(db, cursor, 10_000);
    if (batch.length === 0) return cursor;
    cursor = batch.at(-1)!.cursor;
  }
}
