import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database';
import { deadlinesStore } from '../../src/modules/deadlines/deadlines.store';
import { withDeadlines } from '../../src/modules/deadlines/app/deadline-view';
import { setEmergencyMode } from '../../src/modules/deadlines/app/emergency-mode';
import { updateDeadlineSettings } from '../../src/modules/deadlines/app/deadline-settings';
import { supervisionBoard } from '../../src/modules/deadlines/app/supervision-board';
import { sweepDeadlines } from '../../src/modules/deadlines/app/sweep-deadlines';
import { trackDeadlines } from '../../src/modules/deadlines/app/track-deadlines';
import type { Actor } from '../../src/platform/roles';
import type { Ticket } from '../../src/platform/events/order';
import { createEventLog, type EventLog } from '../../src/platform/events/event-log';
import type { OrderEventDraft, OrderEventType } from '../../src/platform/events/order-events';
import { createTestDatabase, ENGINE, type TestDatabase } from '../support/database';

// Asia/Shanghai wall-clock → Date
const sh = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const admin: Actor = { id: 'u-admin', name: '管理员', roles: ['admin'], unitId: null, kind: 'user' };

function testClock(start: string) {
  let now = sh(start);
  return { now: () => now, set: (s: string) => (now = sh(s)) };
}
function idGen(prefix: string) {
  let n = 0;
  return { id: () => `${prefix}-${++n}` };
}

async function seedOrg(db: Database): Promise<void> {
  const at = '2025-01-01T00:00:00Z';
  await db.query(`INSERT INTO units (id, name, kind, parent_id, created_at) VALUES
    ('centre', '市12345热线', 'centre', NULL, $1), ('district', '鼓楼区', 'district', 'centre', $1),
    ('street', '丰财街道', 'street', 'district', $1), ('water', '市水务局', 'department', 'centre', $1)`, [at]);
}

function ticket(id: string, over: Partial<Ticket> = {}): Ticket {
  return {
    id, number: `20250930${id.padStart(6, '0')}`, status: 'registered', version: 1, channel: 'phone', title: `标题${id}`, content: '测试内容',
    caller: null, address: null, location: null, categoryCode: null, urgency: 'normal', tags: [], receivedAt: sh('2025-09-30 10:00').toISOString(),
    createdAt: sh('2025-09-30 10:00').toISOString(), updatedAt: sh('2025-09-30 10:00').toISOString(), externalRef: null, createdBy: null,
    citizenUserId: null, leadUnitId: null, coUnitIds: [], closure: null, mergedInto: null, answer: null, reply: null, satisfaction: null,
    pendingExtension: null, redispatchCount: 0, returnCount: 0, attachmentIds: [], ...over,
  };
}

async function insertTicket(db: Database, t: Ticket): Promise<void> {
  await db.query(
    `INSERT INTO tickets (id, number, status, version, channel, title, content, urgency, tags, received_at, created_at, updated_at, lead_unit_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [t.id, t.number, t.status, t.version, t.channel, t.title, t.content, t.urgency, t.tags, t.receivedAt, t.createdAt, t.updatedAt, t.leadUnitId],
  );
}

/** The payload each event type needs, filled with what the deadline tracking does not read. */
const DEFAULT_PAYLOADS: Partial<Record<OrderEventType, Record<string, unknown>>> = {
  dispatched: { leadUnitId: 'street', coUnitIds: [], note: null },
  signed: { unitId: 'street' },
  returned: { unitId: 'street', reason: '非本单位职责' },
  extension_decided: { approve: true, hours: 8, note: null },
};
function event(t: Ticket, type: OrderEventType, at: string, payload: Record<string, unknown> = {}): OrderEventDraft {
  return { type, at: sh(at).toISOString(), actor: { ...admin, roles: [...admin.roles] }, fromStatus: null, toStatus: t.status, payload: { ...DEFAULT_PAYLOADS[type], ...payload } } as OrderEventDraft;
}

/** An event log whose one reaction is the deadline tracking, as the deadlines module registers it. */
function logWith(clock: { now(): Date }, ids: { id(): string }): EventLog {
  const deps = { clock, events: undefined as unknown as EventLog };
  deps.events = createEventLog({ ids }, [trackDeadlines(deps)]);
  return deps.events;
}

/** Simulates what act-on-ticket does: save the new status, then append the events (running the reaction) in one transaction. */
async function change(db: Database, log: EventLog, after: Ticket, drafts: OrderEventDraft[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('UPDATE tickets SET status = $2, lead_unit_id = $3 WHERE id = $1', [after.id, after.status, after.leadUnitId]);
    await log.append(tx, { before: null, after, drafts });
  });
}

describe(`deadline tracking and the sweep (${ENGINE})`, () => {
  let db: Database;
  let tdb: TestDatabase;
  const clock = testClock('2025-09-30 15:00');
  const ids = idGen('x');
  const hook = logWith(clock, ids);

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = tdb.db;
    await seedOrg(db);
  });
  afterAll(async () => tdb.drop());

  it('sets deadlines on dispatch counted from receivedAt, and records a deadline_changed event', async () => {
    const t = ticket('1');
    await insertTicket(db, t);
    const dispatched = { ...t, status: 'dispatched' as const, leadUnitId: 'street' };
    await change(db, hook, dispatched, [event(dispatched, 'dispatched', '2025-09-30 15:00', { leadUnitId: 'street' })]);
    const [view] = await withDeadlines(db, [{ id: '1' }], clock.now());
    expect(view?.deadlines).toMatchObject({
      signBy: sh('2025-10-09 10:00').toISOString(),
      replyBy: sh('2025-10-14 10:00').toISOString(),
      originalReplyBy: sh('2025-10-14 10:00').toISOString(),
      policyVersion: 0,
    });
    expect(view?.warning).toBe('none'); // 3.5 of 7 sign hours used by 15:00 on the day received
    const [later] = await withDeadlines(db, [{ id: '1' }], sh('2025-09-30 15:42'));
    expect(later?.warning).toBe('yellow'); // 60 % of the sign time: 4.2 working hours
    const events = await db.query<{ type: string; payload: { reason?: string } }>("SELECT type, payload FROM ticket_events WHERE ticket_id = '1' ORDER BY seq");
    // the dispatch, then the deadline it set, right after it in the order's sequence
    expect(events.map((e) => [e.type, e.payload.reason])).toEqual([['dispatched', undefined], ['deadline_changed', 'dispatched']]);
  });

  it('moves replyBy on an approved extension and keeps the original', async () => {
    clock.set('2025-10-09 09:00');
    const signed = { ...ticket('1'), status: 'in_progress' as const, leadUnitId: 'street' };
    await change(db, hook, signed, [event(signed, 'signed', '2025-10-09 09:00')]);
    await change(db, hook, signed, [event(signed, 'extension_decided', '2025-10-09 09:30', { approve: true, hours: 8 })]);
    const [view] = await withDeadlines(db, [{ id: '1' }], clock.now());
    expect(view?.deadlines?.replyBy).toBe(sh('2025-10-15 11:00').toISOString());
    expect(view?.deadlines?.originalReplyBy).toBe(sh('2025-10-14 10:00').toISOString());
    expect(view?.warning).toBe('none');
  });

  it('sweeps colour changes, supervises once on red, notifies the unit and its parent, escalates later', async () => {
    clock.set('2025-10-11 16:30'); // 60 % of 43 working hours (35 + 8 extended) is reached at 16:18
    let r = await sweepDeadlines({ db, clock, ids, events: hook });
    expect([r.checked, r.changed.yellow, r.supervised]).toEqual([1, 1, 0]);
    clock.set('2025-10-15 11:01');
    r = await sweepDeadlines({ db, clock, ids, events: hook });
    expect([r.changed.red, r.supervised, r.notifications]).toEqual([1, 1, 2]);
    expect(r.actions[0]?.notifiedUnitIds).toEqual(['street', 'district']);
    // nothing more to do a minute later
    clock.set('2025-10-15 11:02');
    r = await sweepDeadlines({ db, clock, ids, events: hook });
    expect([r.checked, r.supervised, r.escalated]).toEqual([0, 0, 0]);
    // still red after the escalation delay (240 min): escalate one level higher
    clock.set('2025-10-15 15:01');
    r = await sweepDeadlines({ db, clock, ids, events: hook });
    expect([r.escalated, r.actions[0]?.notifiedUnitIds]).toEqual([1, ['street', 'centre']]);
    const supervised = await db.query<{ payload: { action: string; automatic: boolean } }>(
      "SELECT payload FROM ticket_events WHERE ticket_id = '1' AND type = 'supervised' ORDER BY seq",
    );
    expect(supervised.map((e) => e.payload.action)).toEqual(['supervise', 'escalate']);
    const notices = await deadlinesStore(db).notifications({ ticketId: '1', limit: 10 });
    expect(notices).toHaveLength(4);
  });

  it('returns to the centre clear the clocks; the re-dispatch starts fresh limits', async () => {
    clock.set('2025-10-16 10:00');
    const returned = { ...ticket('1'), status: 'registered' as const, leadUnitId: null };
    await change(db, hook, returned, [event(returned, 'returned', '2025-10-16 10:00')]);
    let [view] = await withDeadlines(db, [{ id: '1' }], clock.now());
    expect(view).toMatchObject({ deadlines: null, warning: 'none' });
    const again = { ...ticket('1'), status: 'dispatched' as const, leadUnitId: 'water' };
    await change(db, hook, again, [event(again, 'dispatched', '2025-10-16 10:00')]);
    [view] = await withDeadlines(db, [{ id: '1' }], clock.now());
    expect(view?.deadlines?.replyBy).toBe(sh('2025-10-23 10:00').toISOString());
    expect(view?.warning).toBe('none');
  });

  it('applies a new policy version (unit rule) to later dispatches only, and records the version', async () => {
    const v = await updateDeadlineSettings({ db, clock }, admin, {
      rules: [{ urgency: 'normal', categoryPrefix: null, unitId: 'water', sign: { amount: 2, unit: 'working_hours' }, reply: { amount: 1, unit: 'working_days' } }],
      note: '水务局时限',
    });
    expect(v.version).toBe(1);
    const t = ticket('2', { receivedAt: sh('2025-10-16 10:00').toISOString() });
    await insertTicket(db, t);
    const d = { ...t, status: 'dispatched' as const, leadUnitId: 'water' };
    await change(db, hook, d, [event(d, 'dispatched', '2025-10-16 10:00')]);
    const [view1, view2] = await withDeadlines(db, [{ id: '1' }, { id: '2' }], clock.now());
    expect(view1?.deadlines?.policyVersion).toBe(0);
    expect(view2?.deadlines).toMatchObject({ policyVersion: 1, signBy: sh('2025-10-16 12:00').toISOString(), replyBy: sh('2025-10-17 10:00').toISOString() });
    await expect(updateDeadlineSettings({ db, clock }, { ...admin, roles: ['supervisor'] }, { note: 'x' })).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
    await expect(updateDeadlineSettings({ db, clock }, admin, { thresholds: { yellow: 0.9, orange: 0.5 } })).rejects.toMatchObject({ code: 'VALIDATION.FAILED', field: 'thresholds' });
  });

  it('puts emergency-tagged orders first in the queue and gives them the emergency policy', async () => {
    const t = ticket('3', { tags: ['涉疫'], receivedAt: sh('2025-10-16 10:00').toISOString() });
    await insertTicket(db, t);
    const mode = await setEmergencyMode({ db, clock }, admin, { active: true, tag: '涉疫' });
    expect(mode.active).toBe(true);
    const d = { ...t, status: 'dispatched' as const, leadUnitId: 'water' };
    await change(db, hook, d, [event(d, 'dispatched', '2025-10-16 10:00')]);
    const queue = await deadlinesStore(db).urgentQueue('water', 10);
    expect(queue.map((q) => q.ticketId)).toEqual(['3', '2', '1']);
    expect(queue[0]?.deadlines?.signBy).toBe(sh('2025-10-16 11:00').toISOString());
    await setEmergencyMode({ db, clock }, admin, { active: false });
    expect((await deadlinesStore(db).urgentQueue('water', 10))[0]?.priority).toBe(0);
  });

  it('shows a supervision board with counts by colour and unit', async () => {
    clock.set('2025-10-20 10:00');
    const board = await supervisionBoard({ db, clock }, { ...admin, roles: ['supervisor'] });
    expect(board.totals.red).toBe(3);
    expect(board.byUnit.map((u) => [u.unitId, u.red])).toEqual([['water', 3]]);
    expect(board.reddest.map((r) => r.number)).toHaveLength(3);
  });
});

// On PostgreSQL (npm run test:pg) the two sweeps run on two connection pools at once, as two nodes would.
describe(`two sweeps at once (${ENGINE})`, () => {
  let db: Database;
  let other: Database;
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = tdb.db;
    other = await tdb.openAnother();
    await seedOrg(db);
  });
  afterAll(async () => tdb.drop());

  it('supervises each red order once, not twice', async () => {
    const clock = testClock('2025-09-30 10:00');
    const hook = logWith(clock, idGen('h'));
    // more orders than one sweep batch (500), so on PostgreSQL the four workers of the two sweeps interleave
    const orders = ENGINE === 'postgres' ? 1200 : 40;
    for (let i = 1; i <= orders; i++) {
      const t = ticket(String(i));
      await insertTicket(db, t);
      const d = { ...t, status: 'dispatched' as const, leadUnitId: 'street' };
      await change(db, hook, d, [event(d, 'dispatched', '2025-09-30 10:00')]);
    }
    clock.set('2025-10-20 10:00');
    const [a, b] = await Promise.all([
      sweepDeadlines({ db, clock, ids: idGen('a'), events: hook, workers: 2 }),
      sweepDeadlines({ db: other, clock, ids: idGen('b'), events: hook, workers: 2 }),
    ]);
    expect(a.supervised + b.supervised).toBe(orders);
    const [row] = await db.query<{ n: number; distinct_tickets: number }>(
      "SELECT count(*)::int AS n, count(DISTINCT ticket_id)::int AS distinct_tickets FROM ticket_events WHERE type = 'supervised'",
    );
    expect(row).toEqual({ n: orders, distinct_tickets: orders });
    const [notices] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications');
    expect(notices?.n).toBe(2 * orders);
  });
});
