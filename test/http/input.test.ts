import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/http';
import { act, actOk, fetchTicket, register, STREET } from '../support/tickets';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const post = async (url: string, payload: unknown, extra: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: { ...(await t.as('agent')), ...extra }, payload: payload as Record<string, unknown> });
const countTickets = async () => Number((await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets'))[0]!.n);

describe('malformed input gets a 4xx with a stable code and the offending field, and changes nothing', () => {
  it.each<[string, unknown, string | undefined]>([
    ['missing content', { channel: 'phone' }, 'content'],
    ['blank content', { channel: 'phone', content: '   ' }, 'content'],
    ['unknown channel', { channel: 'fax', content: 'x' }, 'channel'],
    ['unknown field', { channel: 'phone', content: 'x', priority: 1 }, 'priority'],
    ['wrong type', { channel: 'phone', content: 123 }, 'content'],
    ['bad urgency', { channel: 'phone', content: 'x', urgency: 'asap' }, 'urgency'],
    ['bad phone', { channel: 'phone', content: 'x', caller: { phone: 'call me' } }, 'caller.phone'],
    ['bad location', { channel: 'phone', content: 'x', location: { lat: 200, lng: 0 } }, 'location.lat'],
    ['bad receivedAt', { channel: 'phone', content: 'x', receivedAt: 'yesterday' }, 'receivedAt'],
    ['future receivedAt', { channel: 'phone', content: 'x', receivedAt: '2030-01-01T00:00:00Z' }, 'receivedAt'],
    ['unknown category', { channel: 'phone', content: 'x', categoryCode: '999999' }, 'categoryCode'],
    ['too long', { channel: 'phone', content: '长'.repeat(5001) }, 'content'],
    ['array body', [1, 2], undefined],
  ])('%s', async (_name, payload, field) => {
    const before = await countTickets();
    const res = await post('/api/v1/tickets', payload);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    const body = res.json();
    expect(body.code).toMatch(/^(VALIDATION\.FAILED|CATEGORY\.NOT_FOUND)$/);
    expect(body.message).toEqual(expect.any(String));
    if (field) expect(body.field).toBe(field);
    expect(await countTickets()).toBe(before);
  });

  it('rejects broken JSON and wrong content types without a 500', async () => {
    const headers = { ...(await t.as('agent')), 'content-type': 'application/json' };
    const broken = await t.app.inject({ method: 'POST', url: '/api/v1/tickets', headers, payload: '{"channel": "phone", ' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('VALIDATION.FAILED');
    const text = await t.app.inject({ method: 'POST', url: '/api/v1/tickets', headers: { ...(await t.as('agent')), 'content-type': 'text/plain' }, payload: 'hello' });
    expect([400, 415]).toContain(text.statusCode);
    expect(text.json().code).toBe('VALIDATION.FAILED');
  });

  it('validates action bodies per action and path and query parameters', async () => {
    const order = await register(t);
    const unknown = await act(t, 'dispatcher', order, 'teleport');
    expect(unknown.json()).toMatchObject({ code: 'VALIDATION.FAILED', field: 'action' });
    const noVersion = await t.app.inject({ method: 'POST', url: `/api/v1/tickets/${order.id}/actions`, headers: await t.as('dispatcher'), payload: { action: 'sign' } });
    expect(noVersion.json()).toMatchObject({ code: 'VALIDATION.FAILED', field: 'expectedVersion' });
    const missing = await act(t, 'dispatcher', order, 'dispatch', {});
    expect(missing.json()).toMatchObject({ code: 'VALIDATION.FAILED', field: 'leadUnitId' });
    const extra = await act(t, 'dispatcher', order, 'dispatch', { leadUnitId: STREET, priority: 'high' });
    expect(extra.json()).toMatchObject({ code: 'VALIDATION.FAILED', field: 'priority' });
    const badSatisfaction = await act(t, 'dispatcher', order, 'callback', { satisfaction: 'meh' });
    expect(badSatisfaction.json()).toMatchObject({ code: 'VALIDATION.FAILED', field: 'satisfaction' });
    const badQuery = await t.app.inject({ method: 'GET', url: '/api/v1/tickets?pageSize=5000&status=lost', headers: await t.as('agent') });
    expect(badQuery.statusCode).toBe(400);
    const badPath = await t.app.inject({ method: 'GET', url: `/api/v1/tickets/${'x'.repeat(200)}`, headers: await t.as('agent') });
    expect(badPath.json()).toMatchObject({ code: 'VALIDATION.FAILED', field: 'id' });
    expect((await fetchTicket(t, 'agent', 'no-such-order')).json().code).toBe('TICKET.NOT_FOUND');
    expect((await fetchTicket(t, 'agent', order.id)).json().version).toBe(1);
  });
});

describe('retries and concurrent edits', () => {
  it('a create retried with the same Idempotency-Key returns the same order, never a second one', async () => {
    const body = { channel: 'phone', content: '重复提交测试', caller: { phone: '13611112222' } };
    const before = await countTickets();
    const first = await post('/api/v1/tickets', body, { 'idempotency-key': 'call-20250930-001' });
    const retry = await post('/api/v1/tickets', body, { 'idempotency-key': 'call-20250930-001' });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
    expect(await countTickets()).toBe(before + 1);
    const reused = await post('/api/v1/tickets', { ...body, content: '另一件事' }, { 'idempotency-key': 'call-20250930-001' });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY.KEY_REUSED');
  });

  it('concurrent creates with one key make one order', async () => {
    const body = { channel: 'phone', content: '并发重试', caller: { phone: '13611113333' } };
    const before = await countTickets();
    const results = await Promise.all([1, 2, 3, 4].map(() => post('/api/v1/tickets', body, { 'idempotency-key': 'burst-1' })));
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(await countTickets()).toBe(before + 1);
  });

  it('an external reference is registered once per channel', async () => {
    const first = await post('/api/v1/tickets', { channel: '110', content: '110转来：路面有碎玻璃', externalRef: '110-2025-778' });
    expect(first.statusCode).toBe(201);
    const again = await post('/api/v1/tickets', { channel: '110', content: '110转来：路面有碎玻璃', externalRef: '110-2025-778' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'TICKET.DUPLICATE_EXTERNAL_REF', field: 'externalRef' });
  });

  it('a stale expectedVersion is refused with 409 and the current version', async () => {
    const order = await register(t);
    await actOk(t, 'dispatcher', order, 'comment', { text: '第一位' });
    const stale = await act(t, 'dispatcher', order, 'dispatch', { leadUnitId: STREET });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'TICKET.VERSION_CONFLICT', field: 'expectedVersion', details: { currentVersion: 2 } });
  });

  it('of two simultaneous edits at one version, exactly one wins', async () => {
    const order = await register(t);
    const [a, b] = await Promise.all([
      act(t, 'dispatcher', order, 'dispatch', { leadUnitId: STREET }),
      act(t, 'dispatcher', order, 'invalidate', { reason: '重复' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const events = (await fetchTicket(t, 'dispatcher', order.id)).json().events;
    // the winner's event only (a dispatch starts the clocks: the deadline hook adds its deadline_changed)
    expect(events.map((e: { type: string }) => e.type)).toEqual(a.statusCode === 200 ? ['created', 'dispatched', 'deadline_changed'] : ['created', 'invalidated']);
  });

  it('an action retried with its Idempotency-Key returns the result instead of a conflict', async () => {
    const order = await register(t);
    const send = async () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/tickets/${order.id}/actions`,
        headers: { ...(await t.as('dispatcher')), 'idempotency-key': 'dispatch-once' },
        payload: { action: 'dispatch', expectedVersion: 1, leadUnitId: STREET },
      });
    const first = await send();
    const retry = await send();
    expect(first.statusCode).toBe(200);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ status: 'dispatched', version: 2 });
    // one dispatch, and one deadline change for it
    expect((await fetchTicket(t, 'dispatcher', order.id)).json().events.map((e: { type: string }) => e.type)).toEqual(['created', 'dispatched', 'deadline_changed']);
  });
});

describe('attachments', () => {
  it('uploads a photo, attaches it to an order and a reply, and serves it back', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const up = await post('/api/v1/attachments', { filename: '现场照片.png', contentType: 'image/png', dataBase64: png.toString('base64') });
    expect(up.statusCode).toBe(201);
    const order = await register(t, { attachmentIds: [up.json().id] });
    expect(order.attachments).toEqual([{ id: up.json().id, filename: '现场照片.png', contentType: 'image/png', size: png.length }]);
    const file = await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${up.json().id}`, headers: await t.as('agent') });
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(png)).toBe(true);
    const exe = await post('/api/v1/attachments', { filename: 'a.exe', contentType: 'application/x-msdownload', dataBase64: 'AAAA' });
    expect(exe.json()).toMatchObject({ code: 'VALIDATION.FAILED', field: 'contentType' });
    const ghost = await post('/api/v1/tickets', { channel: 'phone', content: 'x', attachmentIds: ['nope'] });
    expect(ghost.json()).toMatchObject({ code: 'ATTACHMENT.NOT_FOUND', field: 'attachmentIds' });
  });
});

describe('documentation', () => {
  it('serves the OpenAPI document with the ticket routes', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/tickets', '/api/v1/tickets/{id}/actions', '/api/v1/auth/login']));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/health' })).json()).toEqual({ status: 'ok', database: t.ctx.db.engine });
  });
});
