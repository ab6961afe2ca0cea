import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/platform/http/app';
import { TestClock, testContext } from '../support/context';
import { createTestApp, type TestApp } from '../support/http';
import { actOk, fetchTicket, STREET } from '../support/tickets';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('citizen portal (no account)', () => {
  it('submits with a photo, tracks by number and phone, sees the reply and rates it', async () => {
    const photo = await t.app.inject({ method: 'POST', url: '/api/v1/public/attachments', payload: { filename: 'p.jpg', contentType: 'image/jpeg', dataBase64: Buffer.from('jpeg').toString('base64') } });
    expect(photo.statusCode).toBe(201);
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/tickets',
      payload: { content: '小区门口路灯坏了一周', caller: { name: '刘', phone: '138 0000 9999' }, location: { lat: 34.27, lng: 117.19 }, attachmentIds: [photo.json().id], channel: 'mobile' },
    });
    expect(submitted.statusCode).toBe(201);
    const { number } = submitted.json();
    const track = (phone: string) => t.app.inject({ method: 'GET', url: `/api/v1/public/tickets/${number}?phone=${phone}` });
    expect((await track('13800009999')).json()).toMatchObject({ number, status: 'registered', reply: null, canRate: false });
    expect((await track('13800000000')).statusCode).toBe(404);

    const [row] = await t.ctx.db.query<{ id: string }>('SELECT id FROM tickets WHERE number = $1', [number]);
    let order = (await fetchTicket(t, 'dispatcher', row!.id)).json();
    expect(order).toMatchObject({ channel: 'mobile', caller: { phone: '13800009999' }, location: { lat: 34.27, lng: 117.19 } });
    order = await actOk(t, 'dispatcher', order, 'dispatch', { leadUnitId: STREET });
    order = await actOk(t, 'handler', order, 'sign');
    order = await actOk(t, 'handler', order, 'comment', { text: '内部备注' });
    order = await actOk(t, 'handler', order, 'reply', { reply: '路灯已更换', resolved: true });
    expect((await track('13800009999')).json().reply).toBeNull(); // not shown before the centre approved it
    order = await actOk(t, 'dispatcher', order, 'approve_reply');

    const view = (await track('13800009999')).json();
    expect(view).toMatchObject({ status: 'awaiting_callback', reply: { text: '路灯已更换' }, canRate: true });
    expect(view.timeline.map((e: { type: string }) => e.type)).not.toContain('commented');
    const wrongPhone = await t.app.inject({ method: 'POST', url: `/api/v1/public/tickets/${number}/rating`, payload: { phone: '13000000000', satisfaction: 'satisfied' } });
    expect(wrongPhone.statusCode).toBe(404);
    const rated = await t.app.inject({ method: 'POST', url: `/api/v1/public/tickets/${number}/rating`, payload: { phone: '13800009999', satisfaction: 'satisfied' } });
    expect(rated.statusCode).toBe(200);
    expect(rated.json()).toMatchObject({ status: 'closed', satisfaction: 'satisfied', canRate: false });
    const twice = await t.app.inject({ method: 'POST', url: `/api/v1/public/tickets/${number}/rating`, payload: { phone: '13800009999', satisfaction: 'unsatisfied' } });
    expect(twice.statusCode).toBe(409);
  });

  it('an unsatisfied rating leaves the order with the callback agent', async () => {
    const { number } = (await t.app.inject({ method: 'POST', url: '/api/v1/public/tickets', payload: { content: '噪音', caller: { phone: '13900001234' } } })).json();
    const [row] = await t.ctx.db.query<{ id: string }>('SELECT id FROM tickets WHERE number = $1', [number]);
    let order = (await fetchTicket(t, 'dispatcher', row!.id)).json();
    order = await actOk(t, 'dispatcher', order, 'dispatch', { leadUnitId: STREET });
    order = await actOk(t, 'handler', order, 'sign');
    order = await actOk(t, 'handler', order, 'reply', { reply: '已处理', resolved: true });
    order = await actOk(t, 'dispatcher', order, 'approve_reply');
    const rated = await t.app.inject({ method: 'POST', url: `/api/v1/public/tickets/${number}/rating`, payload: { phone: '13900001234', satisfaction: 'unsatisfied', comment: '没有解决' } });
    expect(rated.json()).toMatchObject({ status: 'awaiting_callback', satisfaction: 'unsatisfied', canRate: false });
    order = (await fetchTicket(t, 'dispatcher', row!.id)).json();
    expect(order.allowedActions).toContain('callback');
  });

  it('limits unsuccessful look-ups per address, so phones cannot be guessed order by order', async () => {
    const { number } = (await t.app.inject({ method: 'POST', url: '/api/v1/public/tickets', payload: { content: '井盖缺失', caller: { phone: '13700002222' } } })).json();
    const look = (phone: string) => t.app.inject({ method: 'GET', url: `/api/v1/public/tickets/${number}?phone=${phone}`, remoteAddress: '10.7.7.7' });
    for (let i = 0; i < 20; i++) expect((await look(`1370000${String(3000 + i)}`)).statusCode).toBe(404);
    const blocked = await look('13700002222');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('AUTH.RATE_LIMITED');
    expect(blocked.headers['retry-after']).toBe('900');
    const elsewhere = await t.app.inject({ method: 'GET', url: `/api/v1/public/tickets/${number}?phone=13700002222`, remoteAddress: '10.7.7.8' });
    expect(elsewhere.statusCode).toBe(200);
    t.clock.advance(15 * 60_000 + 1);
    expect((await look('13700002222')).statusCode).toBe(200);
  });

  it('shares the count between nodes over one database, and forgets failures once the window has passed', async () => {
    const { number } = (await t.app.inject({ method: 'POST', url: '/api/v1/public/tickets', payload: { content: '路面塌陷', caller: { phone: '13600004444' } } })).json();
    // A second node: its own connection (PostgreSQL), its own clock and its own app, over the same database.
    const clockB = new TestClock(t.clock.now());
    const nodeB = await buildApp(testContext(await t.tdb.openAnother(), clockB), { webDist: null, modules: t.modules });
    try {
      const nodes = [t.app, nodeB];
      const look = (node: number, phone: string) =>
        nodes[node % 2]!.inject({ method: 'GET', url: `/api/v1/public/tickets/${number}?phone=${phone}`, remoteAddress: '10.8.8.8' });
      for (let i = 0; i < 20; i++) expect((await look(i, `1360000${String(5000 + i)}`)).statusCode).toBe(404);
      for (const node of [0, 1]) {
        const blocked = await look(node, '13600004444');
        expect(blocked.statusCode).toBe(429);
        expect(blocked.json()).toMatchObject({ code: 'AUTH.RATE_LIMITED', message: 'Too many unsuccessful look-ups; try again in 15 minutes' });
        expect(blocked.headers['retry-after']).toBe('900');
      }
      t.clock.advance(15 * 60_000 + 1);
      clockB.advance(15 * 60_000 + 1);
      expect((await look(1, '13600004444')).statusCode).toBe(200);
      expect((await look(0, '13600004444')).statusCode).toBe(200);
      // Expired failures are deleted as new look-ups arrive; successes and refusals leave nothing behind.
      const [left] = await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM portal_lookup_failures WHERE ip = '10.8.8.8'");
      expect(Number(left!.n)).toBe(0);
    } finally {
      await nodeB.close();
    }
  });

  it('counts guesses sent all at once, to one node or to many, against each other', async () => {
    const { number } = (await t.app.inject({ method: 'POST', url: '/api/v1/public/tickets', payload: { content: '路灯不亮', caller: { phone: '13500006666' } } })).json();
    const nodeB = await buildApp(testContext(await t.tdb.openAnother(), t.clock), { webDist: null, modules: t.modules });
    try {
      const nodes = [t.app, nodeB];
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          nodes[i % 2]!.inject({ method: 'GET', url: `/api/v1/public/tickets/${number}?phone=1350000${String(7000 + i)}`, remoteAddress: '10.9.9.9' }),
        ),
      );
      const codes = answers.map((a) => a.statusCode);
      // Which ones get through depends on timing (possibly none: each counts the others still being checked),
      // but never more than the limit, and only the failures stay counted.
      const checked = codes.filter((c) => c === 404).length;
      expect(checked).toBeLessThanOrEqual(20);
      expect(codes.filter((c) => c === 429).length).toBe(60 - checked);
      const [left] = await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM portal_lookup_failures WHERE ip = '10.9.9.9'");
      expect(Number(left!.n)).toBe(checked);
    } finally {
      await nodeB.close();
    }
  });

  it('validates portal input', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/public/tickets', payload: { content: 'x', caller: { phone: '12345' } } });
    expect(bad.json()).toMatchObject({ code: 'VALIDATION.FAILED', field: 'caller.phone' });
    const noPhone = await t.app.inject({ method: 'POST', url: '/api/v1/public/tickets', payload: { content: 'x', caller: {} } });
    expect(noPhone.json()).toMatchObject({ code: 'VALIDATION.FAILED', field: 'caller.phone' });
    const badNumber = await t.app.inject({ method: 'GET', url: '/api/v1/public/tickets/abc?phone=13800009999' });
    expect(badNumber.statusCode).toBe(400);
  });
});
