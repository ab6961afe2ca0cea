import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/platform/db/migrate';
import type { Sql } from '../../src/platform/db/database';
import type { Ticket } from '../../src/platform/events/order';
import type { OrderEventDraft, TicketEvent } from '../../src/platform/events/order-events';
import type { EventLog } from '../../src/platform/events/event-log';
import { auditStore } from '../../src/platform/audit/audit.store';
import { aTicket } from '../../src/modules/tickets/domain/fixtures';
import { createTestDatabase, ENGINE, MIGRATIONS, type TestDatabase } from '../support/database';
import { testContext } from '../support/context';
import { loginAttemptStore } from '../../src/modules/auth/login-attempt.store';
import { sessionStore } from '../../src/modules/auth/session.store';
import { userStore } from '../../src/modules/auth/user.store';
import { categoryStore } from '../../src/modules/org/category.store';
import { unitStore } from '../../src/modules/org/unit.store';
import { attachmentStore } from '../../src/modules/tickets/attachment.store';
import { ticketStore } from '../../src/modules/tickets/ticket.store';

/** Every module's store over one executor (the contract suite exercises them all). */
const stores = (sql: Sql) => ({
  tickets: ticketStore(sql),
  units: unitStore(sql),
  categories: categoryStore(sql),
  users: userStore(sql),
  sessions: sessionStore(sql),
  audit: auditStore(sql),
  attachments: attachmentStore(sql),
  loginAttempts: loginAttemptStore(sql),
});
type Stores = ReturnType<typeof stores>;

// The storage contract: the same suite runs on PGlite (npm test) and on PostgreSQL (TEST_DATABASE_URL, .ci/run).
let tdb: TestDatabase;
let s: Stores;
let log: EventLog;
const AT = '2025-10-01T02:00:00.000Z';

beforeAll(async () => {
  tdb = await createTestDatabase();
  s = stores(tdb.db);
  log = testContext(tdb.db).events;
  await s.units.insert({ id: 'centre', name: '中心', nameEn: 'Centre', kind: 'centre', parentId: null, divisionCode: '3203' }, AT);
  await s.units.insert({ id: 'u-lead', name: '丰财街道', nameEn: null, kind: 'street', parentId: 'centre', divisionCode: '320302002' }, AT);
  await s.units.insert({ id: 'u-co', name: '市住建局', nameEn: null, kind: 'department', parentId: 'centre', divisionCode: null }, AT);
  await s.categories.insertMany([
    { code: '02', name: '城市管理', nameEn: 'City management', level: 1, parentCode: null, unitHint: null },
    { code: '0201', name: '噪音', nameEn: 'Noise', level: 2, parentCode: '02', unitHint: null },
    { code: '020101', name: '施工噪音', nameEn: 'Construction noise', level: 3, parentCode: '0201', unitHint: 'street' },
    { code: '03', name: '住房', nameEn: 'Housing', level: 1, parentCode: null, unitHint: null },
  ]);
});
afterAll(async () => tdb.drop());

const created: OrderEventDraft = {
  type: 'created',
  at: AT,
  actor: { id: 'a1', name: '王芳', roles: ['agent'], unitId: 'centre', kind: 'user' },
  fromStatus: null,
  toStatus: 'registered',
  payload: { channel: 'phone', receivedAt: AT, idempotencyKey: null },
};
const commented = (text: string): OrderEventDraft => ({ ...created, type: 'commented', fromStatus: 'registered', payload: { text } });

async function insert(overrides: Partial<Ticket>): Promise<Ticket> {
  const { number: _n, ...draft } = aTicket({ id: `t-${Math.random().toString(36).slice(2)}`, citizenUserId: null, categoryCode: null, ...overrides });
  return { ...draft, number: (await s.tickets.insertNumbered(draft, '20251001', log, [created]))!.number };
}
const withoutId = ({ id: _id, ...e }: TicketEvent) => e;

describe(`storage contract on ${ENGINE}`, () => {
  it('migrations are recorded and not applied twice', async () => {
    expect(await migrate(tdb.db, MIGRATIONS)).toEqual([]);
  });

  it('round-trips a work order with every kind of field', async () => {
    const t = await insert({
      tags: ['涉疫', '重点'],
      location: { lat: 34.26, lng: 117.18 },
      leadUnitId: 'u-lead',
      coUnitIds: ['u-co'],
      status: 'in_progress',
      reply: { text: '已处理', resolved: true, at: AT, by: 'h', unitId: 'u-lead', attachmentIds: [] },
      pendingExtension: { hours: 48, reason: '协调', requestedAt: AT, requestedBy: 'h' },
    });
    expect(await s.tickets.get(t.id)).toEqual(t);
    expect(await s.tickets.getByNumber(t.number)).toEqual(t);
    expect(await s.tickets.get('missing')).toBeNull();
    const events = await log.history(tdb.db, t.id);
    expect(events.map(withoutId)).toEqual([{ ...created, ticketId: t.id, seq: 1 }]);
  });

  it('numbers orders by day and sequence, never twice', async () => {
    const a = await insert({});
    const b = await insert({});
    expect(a.number).toMatch(/^20251001\d{6}$/);
    expect(b.number).not.toBe(a.number);
  });

  it('saves a change only at the expected version; the log numbers its events in sequence', async () => {
    const t = await insert({});
    const changed = { ...t, status: 'dispatched' as const, version: 2, leadUnitId: 'u-lead' };
    await s.tickets.update(changed, 1);
    await tdb.db.transaction((tx) => log.append(tx, { before: t, after: changed, drafts: [commented('a'), commented('b')] }));
    expect(await s.tickets.get(t.id)).toMatchObject({ status: 'dispatched', version: 2, leadUnitId: 'u-lead' });
    await expect(s.tickets.update({ ...changed, version: 3 }, 1)).rejects.toMatchObject({ code: 'TICKET.VERSION_CONFLICT' });
    expect((await log.history(tdb.db, t.id)).map((e) => [e.seq, e.type])).toEqual([[1, 'created'], [2, 'commented'], [3, 'commented']]);
  });

  it('refuses an event whose payload does not match its schema, and stores nothing', async () => {
    const t = await insert({});
    const bad = { ...created, type: 'commented', payload: { text: 1 } } as unknown as OrderEventDraft;
    await expect(tdb.db.transaction((tx) => log.append(tx, { before: t, after: t, drafts: [bad] }))).rejects.toThrow(/commented: payload does not match/);
    expect(await log.history(tdb.db, t.id)).toHaveLength(1);
  });

  it('rolls back everything a failed transaction wrote', async () => {
    const { number: _n, ...t } = aTicket({ id: 't-rollback', citizenUserId: null, categoryCode: null });
    await expect(
      tdb.db.transaction(async (tx) => {
        await ticketStore(tx).insertNumbered(t, '20251001', log, [created]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await s.tickets.get('t-rollback')).toBeNull();
    expect(await log.history(tdb.db, 't-rollback')).toEqual([]);
  });

  describe('listing', () => {
    let ids: Record<string, string>;
    beforeAll(async () => {
      const mk = async (key: string, o: Partial<Ticket>) => [key, (await insert({ ...o, tags: [...(o.tags ?? []), 'list-test'] })).id] as const;
      ids = Object.fromEntries(
        await Promise.all([
          mk('lead', { leadUnitId: 'u-lead', status: 'dispatched', receivedAt: '2025-10-02T00:00:00.000Z', categoryCode: '020101' }),
          mk('co', { leadUnitId: 'u-co', coUnitIds: ['u-lead'], status: 'in_progress', receivedAt: '2025-10-03T00:00:00.000Z', channel: 'web' }),
          mk('other', { leadUnitId: 'u-co', status: 'replied', receivedAt: '2025-10-04T00:00:00.000Z', tags: ['涉疫'], content: '100%_满意 特殊字符' }),
          mk('mine', { citizenUserId: 'cit-1', receivedAt: '2025-10-05T00:00:00.000Z', caller: { name: '刘', phone: '13900001111' } }),
        ]),
      );
    });
    const list = async (filter: Parameters<Stores['tickets']['list']>[0], scope: Parameters<Stores['tickets']['list']>[1] = { kind: 'all' }) =>
      (await s.tickets.list({ tag: 'list-test', ...filter }, scope, { page: 1, pageSize: 50 })).items.map((t) => t.id);

    it('scopes a unit to orders it leads or co-handles, a citizen to their own', async () => {
      expect(new Set(await list({}, { kind: 'unit', unitId: 'u-lead' }))).toEqual(new Set([ids.lead, ids.co]));
      expect(await list({}, { kind: 'citizen', userId: 'cit-1' })).toEqual([ids.mine]);
    });
    it('filters by status, unit, category subtree, channel, dates, text and phone', async () => {
      expect(await list({ status: ['dispatched', 'replied'] })).toEqual([ids.other, ids.lead]);
      expect(await list({ unitId: 'u-co' })).toEqual([ids.other, ids.co]);
      expect(await list({ categoryCode: '02' })).toEqual([ids.lead]);
      expect(await list({ categoryCode: '03' })).toEqual([]);
      expect(await list({ channel: 'web' })).toEqual([ids.co]);
      expect(await list({ from: '2025-10-03T00:00:00.000Z', to: '2025-10-05T00:00:00.000Z' })).toEqual([ids.other, ids.co]);
      expect(await list({ q: '100%_满' })).toEqual([ids.other]);
      expect(await list({ q: '%' })).toEqual([ids.other]);
      expect(await list({ phone: '13900001111' })).toEqual([ids.mine]);
    });
    it('pages with a total and a stable order', async () => {
      const first = await s.tickets.list({ tag: 'list-test' }, { kind: 'all' }, { page: 1, pageSize: 3 });
      const second = await s.tickets.list({ tag: 'list-test' }, { kind: 'all' }, { page: 2, pageSize: 3 });
      expect(first.total).toBe(4);
      expect(first.items.map((t) => t.id)).toEqual([ids.mine, ids.other, ids.co]);
      expect(second.items.map((t) => t.id)).toEqual([ids.lead]);
      const asc = await s.tickets.list({ tag: 'list-test' }, { kind: 'all' }, { page: 1, pageSize: 1, sort: 'received_asc' });
      expect(asc.items[0]?.id).toBe(ids.lead);
    });
  });

  it('claims an idempotency key once and remembers the request it was for', async () => {
    const first = await s.tickets.claimIdempotencyKey({ scope: 'u1', key: 'k1', requestHash: 'h1', ticketId: 't-a', at: AT });
    const again = await s.tickets.claimIdempotencyKey({ scope: 'u1', key: 'k1', requestHash: 'h1', ticketId: 't-b', at: AT });
    const other = await s.tickets.claimIdempotencyKey({ scope: 'u1', key: 'k1', requestHash: 'h2', ticketId: 't-c', at: AT });
    const otherUser = await s.tickets.claimIdempotencyKey({ scope: 'u2', key: 'k1', requestHash: 'h1', ticketId: 't-d', at: AT });
    expect(first).toEqual({ claimed: true });
    expect(again).toEqual({ claimed: false, ticketId: 't-a', sameRequest: true });
    expect(other).toEqual({ claimed: false, ticketId: 't-a', sameRequest: false });
    expect(otherUser).toEqual({ claimed: true });
  });

  it('inserts an order only with a fresh idempotency key, and refuses unknown categories', async () => {
    const { number: _n, ...draft } = aTicket({ id: 't-idem-1', citizenUserId: null, categoryCode: null });
    const claim = { scope: 'agent-1', key: 'idem-k', requestHash: 'hash-1', at: AT };
    expect((await s.tickets.insertNumbered(draft, '20251001', log, [created], claim))?.number).toMatch(/^20251001\d{6}$/);
    expect(await s.tickets.insertNumbered({ ...draft, id: 't-idem-2' }, '20251001', log, [created], claim)).toBeNull();
    expect(await s.tickets.get('t-idem-2')).toBeNull();
    expect(await s.tickets.idempotencyClaim('agent-1', 'idem-k')).toEqual({ ticketId: 't-idem-1', requestHash: 'hash-1' });
    await expect(s.tickets.insertNumbered({ ...draft, id: 't-cat', categoryCode: '999999' }, '20251001', log, [])).rejects.toMatchObject({
      code: 'CATEGORY.NOT_FOUND',
      field: 'categoryCode',
    });
  });

  it('keeps units, categories and users', async () => {
    expect((await s.units.list()).map((u) => u.id).sort()).toEqual(['centre', 'u-co', 'u-lead']);
    expect(await s.units.getMany(['u-co', 'nope'])).toHaveLength(1);
    expect((await s.categories.get('020101'))?.parentCode).toBe('0201');
    const user = { id: 'user-1', username: 'wang', displayName: '王芳', passwordHash: 'scrypt$x', roles: ['agent' as const], unitId: 'centre', active: true, createdAt: AT };
    expect(await s.users.insert(user)).toBe(true);
    expect(await s.users.insert({ ...user, id: 'user-2' })).toBe(false);
    expect(await s.users.getByUsername('wang')).toEqual(user);
  });

  it('keeps sessions until they expire or are revoked', async () => {
    await s.sessions.create({ tokenHash: 'h-live', userId: 'user-1', createdAt: AT, expiresAt: '2025-10-01T14:00:00.000Z' });
    expect((await s.sessions.findActiveUser('h-live', '2025-10-01T13:00:00.000Z'))?.username).toBe('wang');
    expect(await s.sessions.findActiveUser('h-live', '2025-10-01T15:00:00.000Z')).toBeNull();
    await s.sessions.revoke('h-live', '2025-10-01T13:30:00.000Z');
    expect(await s.sessions.findActiveUser('h-live', '2025-10-01T13:31:00.000Z')).toBeNull();
  });

  it('counts sign-in attempts as failures until they succeed, forgets refused ones and prunes expired ones', async () => {
    const since = '2025-10-01T00:00:00.000Z';
    const begin = (username: string, ip: string) => s.loginAttempts.begin({ username, ip, at: AT, since });
    await begin('wang', '1.1.1.1');
    await begin('wang', '2.2.2.2');
    expect(await begin('wang', '1.1.1.1')).toMatchObject({ failuresByUser: 3, failuresByIp: 2 });
    const right = await begin('wang', '1.1.1.1');
    expect(right).toMatchObject({ failuresByUser: 4, failuresByIp: 3 }); // still being checked: counted
    await tdb.db.transaction((tx) => loginAttemptStore(tx).succeeded(right.id));
    const refused = await begin('li', '1.1.1.1');
    expect(refused).toMatchObject({ failuresByUser: 1, failuresByIp: 3 });
    await s.loginAttempts.forget(refused.id);
    expect(await begin('li', '3.3.3.3')).toMatchObject({ failuresByUser: 1, failuresByIp: 1 });
    // A day later: every row of the past window is deleted by the next registration, whoever it is for.
    const later = await s.loginAttempts.begin({ username: 'zhao', ip: '4.4.4.4', at: '2025-10-02T02:00:00.000Z', since: '2025-10-02T01:45:00.000Z' });
    expect(later).toMatchObject({ failuresByUser: 1, failuresByIp: 1 });
    const [left] = await tdb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM login_attempts');
    expect(Number(left!.n)).toBe(1);
  });

  it('stores attachments byte for byte', async () => {
    const data = new Uint8Array([0, 1, 2, 255, 128]);
    await s.attachments.insert({ id: 'att-1', filename: '照片.jpg', contentType: 'image/jpeg', size: 5, data, createdBy: null, createdAt: AT });
    const got = await s.attachments.get('att-1');
    expect(Buffer.from(got!.data)).toEqual(Buffer.from(data));
    expect(await s.attachments.metas(['att-1', 'nope'])).toEqual([{ id: 'att-1', filename: '照片.jpg', contentType: 'image/jpeg', size: 5 }]);
  });

  it('records audit entries', async () => {
    await s.audit.record({ at: AT, actorId: 'user-1', action: 'unit.create', entityType: 'unit', entityId: 'u-x', toState: { name: '新单位' } });
    expect(await s.audit.forEntity('unit', 'u-x')).toEqual([
      { at: AT, actorId: 'user-1', action: 'unit.create', entityType: 'unit', entityId: 'u-x', fromState: null, toState: { name: '新单位' }, ip: null },
    ]);
  });
});
