import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/http';
import { actOk, fetchTicket, HOUSING, register, STREET, type TicketJson } from '../support/tickets';

// The test clock starts at 2025-09-30T02:00Z = Tuesday 10:00 in Asia/Shanghai.
const sh = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`).toISOString();

let t: TestApp;
beforeAll(async () => {
  // the clock moves weeks ahead here: keep the demo sessions valid meanwhile
  t = await createTestApp({ context: { auth: { sessionHours: 24 * 365, maxFailuresPerUser: 5, maxFailuresPerIp: 50, failureWindowMinutes: 15 } } });
});
afterAll(async () => t.close());

async function get(who: string, url: string) {
  return t.app.inject({ method: 'GET', url, headers: await t.as(who) });
}
async function send(who: string, method: 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) {
  const headers = await t.as(who);
  return payload === undefined ? t.app.inject({ method, url, headers }) : t.app.inject({ method, url, headers, payload });
}

describe('deadlines and warnings over HTTP', () => {
  let order: TicketJson;

  it('a dispatched normal order is due 5 working days after receipt, over the National Day break', async () => {
    order = await register(t);
    expect(order).toMatchObject({ deadlines: null, warning: 'none' });
    order = await actOk(t, 'dispatcher', order, 'dispatch', { leadUnitId: STREET });
    expect(order.deadlines).toMatchObject({ signBy: sh('2025-10-09 10:00'), replyBy: sh('2025-10-14 10:00'), originalReplyBy: sh('2025-10-14 10:00'), policyVersion: 0 });
    expect(order.warning).toBe('none');
  });

  it('an approved extension moves replyBy by working hours and records deadline_changed events', async () => {
    order = await actOk(t, 'handler', order, 'sign');
    order = await actOk(t, 'handler', order, 'request_extension', { hours: 8, reason: '需协调' });
    order = await actOk(t, 'dispatcher', order, 'decide_extension', { approve: true });
    expect(order.deadlines).toMatchObject({ replyBy: sh('2025-10-15 11:00'), originalReplyBy: sh('2025-10-14 10:00') });
    const full = (await fetchTicket(t, 'leader', order.id)).json() as TicketJson;
    const reasons = full.events!.filter((e) => e.type === 'deadline_changed').map((e) => e.payload.reason);
    expect(reasons).toEqual(['dispatched', 'signed', 'extended']);
  });

  it('shows the warning current at reading time and filters lists by colour and due time', async () => {
    t.clock.set(sh('2025-10-14 10:00')); // 35 of 43 working hours used (81 %)
    expect((await fetchTicket(t, 'handler', order.id)).json().warning).toBe('yellow');
    t.clock.set(sh('2025-10-15 09:00')); // 41 of 43 (95 %)
    expect((await fetchTicket(t, 'handler', order.id)).json().warning).toBe('orange');
    const orange = (await get('dispatcher', '/api/v1/tickets?warning=orange')).json();
    expect(orange.items.map((i: TicketJson) => i.id)).toContain(order.id);
    expect((await get('dispatcher', '/api/v1/tickets?warning=red')).json().total).toBe(0);
    const dueSoon = (await get('dispatcher', '/api/v1/tickets?dueWithinHours=24&sort=due_asc')).json();
    expect(dueSoon.items.map((i: TicketJson) => i.id)).toEqual([order.id]);
    t.clock.set(sh('2025-10-15 11:01'));
    expect((await fetchTicket(t, 'handler', order.id)).json().warning).toBe('red');
    expect((await get('dispatcher', '/api/v1/tickets?warning=red')).json().total).toBe(1);
  });

  it('the sweep supervises the red order once and notifies the unit and its parent; only an admin may run it', async () => {
    expect((await send('dispatcher', 'POST', '/api/v1/admin/sweep')).statusCode).toBe(403);
    const first = await send('admin', 'POST', '/api/v1/admin/sweep');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ supervised: 1, escalated: 0, changed: { red: 1 } });
    const again = (await send('admin', 'POST', '/api/v1/admin/sweep')).json();
    expect(again).toMatchObject({ checked: 0, supervised: 0 });
    const full = (await fetchTicket(t, 'leader', order.id)).json() as TicketJson;
    expect(full.events!.filter((e) => e.type === 'supervised').map((e) => e.payload)).toEqual([
      expect.objectContaining({ automatic: true, action: 'supervise', round: 1 }),
    ]);
    const notices = (await get('handler', '/api/v1/notifications')).json();
    expect(notices.items).toHaveLength(1);
    expect(notices.items[0]).toMatchObject({ ticketId: order.id, unitId: STREET, kind: 'supervised' });
    expect((await get('handler', '/api/v1/notifications?unitId=dept-housing')).statusCode).toBe(403);
    const all = (await get('supervisor', `/api/v1/notifications?ticketId=${order.id}`)).json();
    expect(all.items).toHaveLength(2); // the street office and its parent
  });

  it('the supervision board counts by colour and unit and lists the reddest orders', async () => {
    const board = (await get('supervisor', '/api/v1/supervision/board')).json();
    expect(board.totals.red).toBe(1);
    expect(board.byUnit[0]).toMatchObject({ unitId: STREET, red: 1 });
    expect(board.reddest[0]).toMatchObject({ ticketId: order.id, number: order.number, overdueHours: 0 }); // one minute late
    expect((await get('handler', '/api/v1/supervision/board')).json().totals.red).toBe(1);
    expect((await get('citizen', '/api/v1/supervision/board')).statusCode).toBe(403);
  });

  it('policy edits are versioned and validated; orders record the version that set their deadlines', async () => {
    const bad = await send('admin', 'PUT', '/api/v1/admin/sla', { thresholds: { yellow: 0.9, orange: 0.5 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION.FAILED', field: 'thresholds' });
    expect((await send('supervisor', 'PUT', '/api/v1/admin/sla', { note: 'x' })).statusCode).toBe(403);
    const v1 = await send('admin', 'PUT', '/api/v1/admin/sla', {
      rules: [{ urgency: 'normal', categoryPrefix: null, unitId: STREET, sign: { amount: 2, unit: 'working_hours' }, reply: { amount: 3, unit: 'working_days' } }],
      calendarOverrides: { holidays: ['2025-10-17'], workdays: [] },
      note: '街道时限 + 本地假日',
    });
    expect(v1.statusCode, v1.body).toBe(200);
    expect(v1.json()).toMatchObject({ version: 1 });
    const current = (await get('leader', '/api/v1/admin/sla')).json();
    expect(current.version).toBe(1);
    expect(current.statutoryYears).toContain(2025);
    expect((await get('leader', '/api/v1/admin/sla/versions')).json().items.map((v: { version: number }) => v.version)).toEqual([1, 0]);
    t.clock.set(sh('2025-10-16 10:00'));
    let next = await register(t);
    next = await actOk(t, 'dispatcher', next, 'dispatch', { leadUnitId: STREET });
    // 3 working days from Thu 16 Oct 10:00, with Fri 17 Oct a local holiday: Mon 20, Tue 21 → Wed 22 Oct 10:00
    expect(next.deadlines).toMatchObject({ policyVersion: 1, signBy: sh('2025-10-16 12:00'), replyBy: sh('2025-10-22 10:00') });
  });

  it('emergency mode puts tagged orders first and gives them the emergency policy', async () => {
    expect((await send('admin', 'PUT', '/api/v1/admin/emergency', { active: true })).statusCode).toBe(400);
    const on = await send('admin', 'PUT', '/api/v1/admin/emergency', { active: true, tag: '涉疫' });
    expect(on.json()).toMatchObject({ active: true, tag: '涉疫' });
    let tagged = await register(t, { tags: ['涉疫'] });
    tagged = await actOk(t, 'dispatcher', tagged, 'dispatch', { leadUnitId: STREET });
    expect(tagged.deadlines).toMatchObject({ signBy: sh('2025-10-16 11:00'), replyBy: sh('2025-10-17 10:00') });
    const list = (await get('dispatcher', '/api/v1/tickets')).json();
    expect(list.items[0].id).toBe(tagged.id);
    const queue = (await get('handler', '/api/v1/supervision/queue')).json();
    expect(queue.items[0]).toMatchObject({ ticketId: tagged.id, emergency: true });
    await send('admin', 'PUT', '/api/v1/admin/emergency', { active: false });
    expect((await get('handler', '/api/v1/supervision/queue')).json().items[0].emergency).toBe(false);
  });
});

describe('fresh limits after a return and after an unsatisfied callback', () => {
  it('stops the clocks while the centre holds the order, and restarts them from the re-dispatch', async () => {
    t.clock.set(sh('2025-10-20 09:30'));
    let order = await register(t, { receivedAt: sh('2025-10-20 09:00') });
    order = await actOk(t, 'dispatcher', order, 'dispatch', { leadUnitId: HOUSING });
    // received at the opening: due at the close of the 5th working day (the same working instant as Mon 09:00)
    expect(order.deadlines).toMatchObject({ countFrom: sh('2025-10-20 09:00'), replyBy: sh('2025-10-24 17:30') });
    t.clock.set(sh('2025-10-21 15:00'));
    order = await actOk(t, 'handler2', order, 'return', { reason: '属地问题' });
    expect(order).toMatchObject({ deadlines: null, warning: 'none' });
    order = await actOk(t, 'dispatcher', order, 'dispatch', { leadUnitId: STREET });
    // STREET has its own rule since version 1: sign 2 working hours, reply 3 working days, from the re-dispatch
    expect(order.deadlines).toMatchObject({ countFrom: sh('2025-10-21 15:00'), signBy: sh('2025-10-21 17:00'), replyBy: sh('2025-10-24 15:00'), policyVersion: 1 });
  });

  it('runs no unit clock while the centre reviews the reply, and restarts limits after an unsatisfied callback', async () => {
    t.clock.set(sh('2025-10-22 10:00'));
    let order = await register(t);
    order = await actOk(t, 'dispatcher', order, 'dispatch', { leadUnitId: STREET });
    order = await actOk(t, 'handler', order, 'sign');
    order = await actOk(t, 'handler', order, 'reply', { reply: '已处理', resolved: true });
    t.clock.set(sh('2025-11-20 10:00')); // long after the deadline: the unit has replied, so no colour
    expect((await fetchTicket(t, 'dispatcher', order.id)).json()).toMatchObject({ status: 'replied', warning: 'none' });
    order = await actOk(t, 'dispatcher', order, 'reject_reply', { reason: '未说明结果' });
    expect(order).toMatchObject({ status: 'in_progress', warning: 'red' }); // back with the unit: its reply clock runs again
    order = await actOk(t, 'handler', order, 'reply', { reply: '已现场处理完毕', resolved: true });
    order = await actOk(t, 'dispatcher', order, 'approve_reply');
    order = await actOk(t, 'dispatcher', order, 'callback', { satisfaction: 'unsatisfied', redispatch: true });
    expect(order).toMatchObject({ status: 'dispatched', warning: 'none' });
    expect(order.deadlines).toMatchObject({ countFrom: sh('2025-11-20 10:00'), signBy: sh('2025-11-20 12:00'), replyBy: sh('2025-11-25 10:00') });
    const full = (await fetchTicket(t, 'leader', order.id)).json() as TicketJson;
    expect(full.events!.filter((e) => e.type === 'deadline_changed').map((e) => e.payload.reason)).toEqual(['dispatched', 'signed', 'redispatched']);
  });
});

describe('the deadline API in the OpenAPI document', () => {
  it('lists the deadline routes and the new list filters', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const path of ['/api/v1/admin/sla', '/api/v1/admin/sweep', '/api/v1/admin/emergency', '/api/v1/supervision/board', '/api/v1/supervision/queue']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const params = doc.paths['/api/v1/tickets'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['warning', 'dueWithinHours']));
  });
});
