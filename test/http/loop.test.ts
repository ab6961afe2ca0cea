import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/http';
import { act, actOk, fetchTicket, HOUSING, register, STREET } from '../support/tickets';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('the double closed loop over HTTP', () => {
  it('registers, dispatches, signs, replies, approves and closes on a satisfied callback, keeping every step', async () => {
    let order = await register(t, { categoryCode: '010101', urgency: 'urgent', tags: ['噪音'] });
    expect(order).toMatchObject({ status: 'registered', version: 1, number: expect.stringMatching(/^20250930\d{6}$/) });
    order = await actOk(t, 'dispatcher', order, 'dispatch', { leadUnitId: STREET, coUnitIds: [HOUSING], note: '请街道牵头' });
    expect(order).toMatchObject({ status: 'dispatched', leadUnitId: STREET, coUnitIds: [HOUSING], version: 2 });
    order = await actOk(t, 'handler', order, 'sign');
    order = await actOk(t, 'handler', order, 'request_extension', { hours: 24, reason: '需协调施工单位' });
    expect(order.pendingExtension).toMatchObject({ hours: 24 });
    order = await actOk(t, 'dispatcher', order, 'decide_extension', { approve: true });
    order = await actOk(t, 'handler2', order, 'comment', { text: '住建局已约谈施工单位' });
    order = await actOk(t, 'handler', order, 'reply', { reply: '已责令施工单位停止夜间施工', resolved: true });
    order = await actOk(t, 'dispatcher', order, 'approve_reply');
    order = await actOk(t, 'supervisor', order, 'supervise', { note: '请关注回访' });
    order = await actOk(t, 'dispatcher', order, 'callback', { satisfaction: 'satisfied', note: '市民表示满意' });
    expect(order).toMatchObject({ status: 'closed', closure: 'resolved', satisfaction: 'satisfied', allowedActions: [] });

    const full = (await fetchTicket(t, 'leader', order.id)).json();
    // The deadline hook records each deadline it sets or moves (dispatch, sign, approved extension) in the same transaction.
    expect(full.events.map((e: { type: string }) => e.type)).toEqual([
      'created', 'dispatched', 'deadline_changed', 'signed', 'deadline_changed', 'extension_requested', 'extension_decided', 'deadline_changed',
      'commented', 'replied', 'reply_approved', 'supervised', 'callback_recorded',
    ]);
    expect(full.events.filter((e: { type: string }) => e.type === 'deadline_changed').map((e: { payload: { reason: string } }) => e.payload.reason)).toEqual([
      'dispatched', 'signed', 'extended',
    ]);
    const signed = full.events[3];
    expect(signed).toMatchObject({ fromStatus: 'dispatched', toStatus: 'in_progress', actor: { name: '丰财街道 赵敏', unitId: STREET } });
    expect(full.events.every((e: { at: string; actor: { id: string } }) => e.at && e.actor.id)).toBe(true);
  });

  it('a unit returns a wrongly dispatched order; the centre re-dispatches it to the right unit', async () => {
    let order = await register(t);
    order = await actOk(t, 'dispatcher', order, 'dispatch', { leadUnitId: HOUSING });
    order = await actOk(t, 'handler2', order, 'return', { reason: '属地问题，应由街道处理' });
    expect(order).toMatchObject({ status: 'registered', leadUnitId: null, returnCount: 1 });
    expect((await fetchTicket(t, 'handler2', order.id)).statusCode).toBe(404);
    order = await actOk(t, 'dispatcher', order, 'dispatch', { leadUnitId: STREET });
    order = await actOk(t, 'handler', order, 'sign');
    expect(order.status).toBe('in_progress');
  });

  it('an unsatisfied callback re-dispatches to the same unit, which handles it again until satisfied', async () => {
    let order = await register(t);
    order = await actOk(t, 'dispatcher', order, 'dispatch', { leadUnitId: STREET });
    order = await actOk(t, 'handler', order, 'sign');
    order = await actOk(t, 'handler', order, 'reply', { reply: '已告知施工方', resolved: false });
    order = await actOk(t, 'dispatcher', order, 'reject_reply', { reason: '未说明处理结果' });
    expect(order.status).toBe('in_progress');
    order = await actOk(t, 'handler', order, 'reply', { reply: '已现场检查，施工已停止', resolved: true });
    order = await actOk(t, 'dispatcher', order, 'approve_reply');
    order = await actOk(t, 'dispatcher', order, 'callback', { satisfaction: 'unsatisfied', redispatch: true, note: '仍有噪音' });
    expect(order).toMatchObject({ status: 'dispatched', leadUnitId: STREET, redispatchCount: 1, reply: null });
    order = await actOk(t, 'handler', order, 'sign');
    order = await actOk(t, 'handler', order, 'reply', { reply: '已加装隔音围挡并停工', resolved: true });
    order = await actOk(t, 'dispatcher', order, 'approve_reply');
    order = await actOk(t, 'dispatcher', order, 'callback', { satisfaction: 'basically_satisfied' });
    expect(order).toMatchObject({ status: 'closed', satisfaction: 'basically_satisfied' });
    const types = (await fetchTicket(t, 'dispatcher', order.id)).json().events.map((e: { type: string }) => e.type);
    expect(types).toContain('redispatched');
  });

  it('answers on the spot, merges duplicates and invalidates test calls', async () => {
    const answered = await actOk(t, 'agent', await register(t), 'answer', { answer: '社保卡补办可到就近网点' });
    expect(answered).toMatchObject({ status: 'closed', closure: 'direct_answer' });
    const original = await register(t);
    const duplicate = await register(t);
    expect(await actOk(t, 'dispatcher', duplicate, 'merge', { intoTicketId: original.id })).toMatchObject({ closure: 'merged', mergedInto: original.id });
    const mergedAgain = await register(t);
    const res = await act(t, 'dispatcher', mergedAgain, 'merge', { intoTicketId: duplicate.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('TICKET.MERGE_TARGET_INVALID');
    expect(await actOk(t, 'dispatcher', await register(t), 'invalidate', { reason: '测试来电' })).toMatchObject({ closure: 'invalid' });
  });

  it('refuses illegal transitions with 409 and roles that may not act with 403', async () => {
    const order = await register(t);
    const sign = await act(t, 'dispatcher', order, 'sign');
    expect(sign.statusCode).toBe(403);
    expect(sign.json()).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    const approve = await act(t, 'dispatcher', order, 'approve_reply');
    expect(approve.statusCode).toBe(409);
    expect(approve.json()).toMatchObject({ code: 'TICKET.ILLEGAL_TRANSITION', field: 'action' });
    const dispatched = await actOk(t, 'dispatcher', order, 'dispatch', { leadUnitId: STREET, coUnitIds: [HOUSING] });
    const coSigns = await act(t, 'handler2', dispatched, 'sign');
    expect(coSigns.statusCode).toBe(403);
    const dispatchToNowhere = await act(t, 'dispatcher', await register(t), 'dispatch', { leadUnitId: 'no-such-unit' });
    expect(dispatchToNowhere.statusCode).toBe(404);
    expect(dispatchToNowhere.json()).toMatchObject({ code: 'UNIT.NOT_FOUND', field: 'leadUnitId' });
    // Nothing changed on refused actions.
    expect((await fetchTicket(t, 'dispatcher', dispatched.id)).json()).toMatchObject({ status: 'dispatched', version: dispatched.version });
  });
});
