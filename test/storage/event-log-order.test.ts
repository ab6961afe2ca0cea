import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database';
import { createEventLog, START_OF_LOG, type LoggedEvent } from '../../src/platform/events/event-log';
import type { OrderEventDraft } from '../../src/platform/events/order-events';
import { replayReader, type EventReader } from '../../src/platform/events/readers';
import { aTicket } from '../../src/modules/tickets/domain/fixtures';
import { createTestDatabase, ENGINE, type TestDatabase } from '../support/database';

// Readers follow the log in transaction-id order, numerically: found by the analytics rebuild test, where the
// log sorted by the text of the id read transaction 1000 before 998 (the ORDER BY named the text alias), so a
// batch could end before events it had not read and a replay read some twice.

const AT = '2025-10-01T02:00:00.000Z';
const actor = { id: 'a1', name: '王芳', roles: ['agent' as const], unitId: 'centre', kind: 'user' as const };
const comment = (text: string): OrderEventDraft => ({ type: 'commented', at: AT, actor, fromStatus: 'registered', toStatus: 'registered', payload: { text } });

let tdb: TestDatabase;
let db: Database;
let n = 0;
const ids = { id: () => `ord-${++n}` };

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
});
afterAll(async () => tdb.drop());

const currentXid = async (): Promise<bigint> => BigInt(String((await db.query<{ x: string }>('SELECT pg_current_xact_id()::text AS x'))[0]!.x));

describe(`the log in transaction order across a digit boundary (${ENGINE})`, () => {
  it('reads every event once, in numeric transaction order, in small batches and in a replay', async () => {
    const t = aTicket({ id: 'order-1', number: '20251001000001', citizenUserId: null, categoryCode: null });
    await db.query(
      `INSERT INTO tickets (id, number, status, version, channel, title, content, urgency, tags, received_at, created_at, updated_at)
       VALUES ($1, $2, 'registered', 1, 'phone', 't', 'c', 'normal', '{}', $3, $3, $3)`,
      [t.id, t.number, AT],
    );
    const log = createEventLog({ ids }, []);
    // write events in their own transactions until the transaction ids gain a digit (on a fresh embedded
    // database they are in the hundreds or low thousands; PostgreSQL's may be anywhere: then 60 are written)
    let x = await currentXid();
    const boundary = 10n ** BigInt(x.toString().length);
    const burn = boundary - x < 3000n;
    let k = 0;
    while ((burn && x < boundary + 10n) || k < 60) {
      await db.transaction((tx) => log.append(tx, { before: t, after: t, drafts: [comment(String(k++))] }));
      x = await currentXid();
    }
    const all: LoggedEvent[] = [];
    let cursor = START_OF_LOG;
    for (;;) {
      const batch = await log.readAfter(db, cursor, 7);
      if (batch.length === 0) break;
      all.push(...batch);
      cursor = batch[batch.length - 1]!.cursor;
    }
    const mine = all.filter((e) => e.ticketId === 'order-1');
    expect(mine).toHaveLength(k);
    expect(new Set(mine.map((e) => e.id)).size).toBe(k);
    const keys = all.map((e) => [BigInt(e.cursor.txId), e.cursor.position] as const);
    for (let i = 1; i < keys.length; i++) {
      const [a, p] = keys[i - 1]!;
      const [b, q] = keys[i]!;
      expect(a < b || (a === b && p < q), `event ${i} after ${a}.${p}: ${b}.${q}`).toBe(true);
    }
    if (burn) expect(keys.some(([id]) => id >= boundary) && keys.some(([id]) => id < boundary)).toBe(true);

    // a replay reads the same, each once
    const seen: string[] = [];
    const reader: EventReader = { name: 'test.replay', batchSize: 5, handle: async (_tx, events) => void seen.push(...events.map((e) => e.id)) };
    const replayed = await replayReader(db, log, reader, AT, async () => undefined);
    expect(replayed).toBe(all.length);
    expect(seen).toEqual(all.map((e) => e.id));
  });
});
