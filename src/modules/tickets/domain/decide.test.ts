import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../platform/roles';
import type { TicketCommand } from './commands';
import { allowedActions, decide } from './decide';
import { evolve } from './evolve';
import { aTicket, aTicketIn, anActor } from './fixtures';
import type { Ticket } from '../../../platform/events/order';

const dispatcher = anActor('d', ['dispatcher']);
const handler = anActor('h', ['unit_handler'], 'u-lead');
const citizen = anActor('citizen-owner', ['citizen']);

/** Decides and applies, as the use case does. */
function act(ticket: Ticket, command: TicketCommand, actor: Actor): Ticket {
  return decide(ticket, command, actor).reduce(
    (t, e) => evolve(t, { ...e, at: '2025-10-03T00:00:00.000Z', actor: { ...actor, roles: [...actor.roles] } }),
    ticket,
  );
}
const code = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('the double closed loop', () => {
  it('given a registered order, when it goes through dispatch, sign, reply, approve and a satisfied callback, then it closes resolved', () => {
    let t = aTicket();
    t = act(t, { action: 'dispatch', leadUnitId: 'u-lead', coUnitIds: ['u-co', 'u-lead', 'u-co'] }, dispatcher);
    expect(t).toMatchObject({ status: 'dispatched', leadUnitId: 'u-lead', coUnitIds: ['u-co'] });
    t = act(t, { action: 'sign' }, handler);
    t = act(t, { action: 'reply', reply: '已协调施工方停止夜间施工', resolved: true }, handler);
    expect(t.reply).toMatchObject({ text: '已协调施工方停止夜间施工', resolved: true, unitId: 'u-lead' });
    t = act(t, { action: 'approve_reply' }, dispatcher);
    expect(t.status).toBe('awaiting_callback');
    t = act(t, { action: 'callback', satisfaction: 'satisfied' }, dispatcher);
    expect(t).toMatchObject({ status: 'closed', closure: 'resolved', satisfaction: 'satisfied' });
  });

  it('given an unsatisfied callback with redispatch, then the order goes back to the same unit with a fresh reply', () => {
    const t = act(aTicketIn('awaiting_callback'), { action: 'callback', satisfaction: 'unsatisfied', redispatch: true }, dispatcher);
    expect(t).toMatchObject({ status: 'dispatched', leadUnitId: 'u-lead', reply: null, satisfaction: null, redispatchCount: 1 });
  });

  it('given an unsatisfied callback without redispatch, then the order closes unsatisfied', () => {
    const t = act(aTicketIn('awaiting_callback'), { action: 'callback', satisfaction: 'unsatisfied' }, dispatcher);
    expect(t).toMatchObject({ status: 'closed', satisfaction: 'unsatisfied', closure: 'resolved' });
  });

  it('rejects redispatch of a satisfied order', () => {
    expect(code(() => decide(aTicketIn('awaiting_callback'), { action: 'callback', satisfaction: 'satisfied', redispatch: true }, dispatcher))).toBe('VALIDATION.FAILED');
  });

  it('given a return by the unit, then the centre holds it again with no unit', () => {
    const t = act(aTicketIn('in_progress'), { action: 'return', reason: '非本单位职责' }, handler);
    expect(t).toMatchObject({ status: 'registered', leadUnitId: null, coUnitIds: [], returnCount: 1 });
  });

  it('given a rejected reply, then the unit handles it again', () => {
    expect(act(aTicketIn('replied'), { action: 'reject_reply', reason: '未答复诉求' }, dispatcher).status).toBe('in_progress');
  });

  it('direct answer closes with closure direct_answer', () => {
    const t = act(aTicket(), { action: 'answer', answer: '社保卡补办请到市民中心' }, anActor('a', ['agent']));
    expect(t).toMatchObject({ status: 'closed', closure: 'direct_answer', answer: '社保卡补办请到市民中心' });
  });

  it('merge and invalidate close the order', () => {
    expect(act(aTicket(), { action: 'merge', intoTicketId: 't9' }, dispatcher)).toMatchObject({ closure: 'merged', mergedInto: 't9' });
    expect(act(aTicket(), { action: 'invalidate', reason: '测试电话' }, dispatcher)).toMatchObject({ closure: 'invalid' });
    expect(code(() => decide(aTicket(), { action: 'merge', intoTicketId: 't1' }, dispatcher))).toBe('TICKET.MERGE_TARGET_INVALID');
  });
});

describe('extensions', () => {
  it('a pending request blocks a second one and is cleared by the decision', () => {
    let t = act(aTicketIn('in_progress'), { action: 'request_extension', hours: 48, reason: '需多部门协调' }, handler);
    expect(t.pendingExtension).toMatchObject({ hours: 48, reason: '需多部门协调', requestedBy: 'h' });
    expect(allowedActions(t, handler)).not.toContain('request_extension');
    expect(allowedActions(t, dispatcher)).toContain('decide_extension');
    expect(code(() => decide(t, { action: 'request_extension', hours: 1, reason: 'x' }, handler))).toBe('TICKET.EXTENSION_PENDING');
    const [decided] = decide(t, { action: 'decide_extension', approve: true }, dispatcher);
    expect(decided?.payload).toMatchObject({ approve: true, hours: 48 });
    t = act(t, { action: 'decide_extension', approve: true }, dispatcher);
    expect(t.pendingExtension).toBeNull();
    expect(t.status).toBe('in_progress');
  });
  it.each([0, -1, 1.5, 24 * 60 + 1])('rejects %s hours', (hours) => {
    expect(code(() => decide(aTicketIn('in_progress'), { action: 'request_extension', hours, reason: 'x' }, handler))).toBe('VALIDATION.FAILED');
  });
});

describe('citizen rating', () => {
  it('a satisfied rating closes; an unsatisfied one waits for the callback agent', () => {
    expect(act(aTicketIn('awaiting_callback'), { action: 'rate', satisfaction: 'basically_satisfied' }, citizen)).toMatchObject({ status: 'closed', satisfaction: 'basically_satisfied' });
    expect(act(aTicketIn('awaiting_callback'), { action: 'rate', satisfaction: 'unsatisfied' }, citizen)).toMatchObject({ status: 'awaiting_callback', satisfaction: 'unsatisfied' });
  });
});

describe('input rules', () => {
  it.each<[string, TicketCommand]>([
    ['reply', { action: 'reply', reply: '   ', resolved: true }],
    ['reason', { action: 'return', reason: '' }],
  ])('blank %s is rejected with the field named', (field, command) => {
    try {
      decide(aTicketIn('in_progress'), command, handler);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'VALIDATION.FAILED', field });
    }
  });
});
