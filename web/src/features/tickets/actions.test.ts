import { describe, expect, it } from 'vitest';
import { ACTION_SPECS, buildActionBody, initialValues, specsFor, validateAction, visibleFields } from './actions';

const spec = (a: string) => {
  const s = ACTION_SPECS[a];
  if (!s) throw new Error(a);
  return s;
};

describe('allowed-action forms', () => {
  it('shows only allowed actions, usual next step first, unknown ones last', () => {
    expect(specsFor(['comment', 'return', 'sign']).map((s) => s.action)).toEqual(['sign', 'return', 'comment']);
    expect(specsFor(['escalate', 'reply']).map((s) => s.action)).toEqual(['reply', 'escalate']);
    expect(specsFor([])).toEqual([]);
  });

  it.each([
    ['answer', ['answer']],
    ['dispatch', ['leadUnitId', 'coUnitIds', 'note']],
    ['sign', []],
    ['return', ['reason']],
    ['request_extension', ['hours', 'reason']],
    ['decide_extension', ['approve', 'note']],
    ['reply', ['reply', 'resolved', 'attachmentIds']],
    ['approve_reply', ['note']],
    ['reject_reply', ['reason']],
    ['merge', ['intoTicketId']],
    ['invalidate', ['reason']],
    ['comment', ['text']],
    ['supervise', ['note']],
  ])('%s has the API fields %j', (action, fields) => {
    expect(spec(action).fields.map((f) => f.name)).toEqual(fields);
  });

  it('callback offers re-dispatch only when unsatisfied', () => {
    const cb = spec('callback');
    expect(visibleFields(cb, { satisfaction: 'satisfied' }).map((f) => f.name)).toEqual(['satisfaction', 'note']);
    expect(visibleFields(cb, { satisfaction: 'unsatisfied' }).map((f) => f.name)).toEqual(['satisfaction', 'note', 'redispatch']);
    expect(buildActionBody(cb, { ...initialValues(cb), satisfaction: 'satisfied' }, 4)).toEqual({ action: 'callback', expectedVersion: 4, satisfaction: 'satisfied' });
    expect(buildActionBody(cb, { ...initialValues(cb), satisfaction: 'unsatisfied', note: ' 仍未修好 ' }, 4)).toEqual({
      action: 'callback',
      expectedVersion: 4,
      satisfaction: 'unsatisfied',
      note: '仍未修好',
      redispatch: true,
    });
  });

  it('requires non-blank text like the API', () => {
    expect(validateAction(spec('return'), { reason: '   ' })).toEqual([{ field: 'reason', problem: 'required' }]);
    expect(validateAction(spec('return'), { reason: '不属本单位职责' })).toEqual([]);
    expect(validateAction(spec('dispatch'), {})).toEqual([{ field: 'leadUnitId', problem: 'required' }]);
    expect(validateAction(spec('sign'), {})).toEqual([]);
  });

  it('checks extension hours are a whole number in range', () => {
    const s = spec('request_extension');
    expect(validateAction(s, { hours: 0, reason: 'x' })).toEqual([{ field: 'hours', problem: 'range' }]);
    expect(validateAction(s, { hours: 1.5, reason: 'x' })).toEqual([{ field: 'hours', problem: 'range' }]);
    expect(validateAction(s, { hours: 48, reason: 'x' })).toEqual([]);
    expect(buildActionBody(s, { hours: '48', reason: '需协调' }, 2)).toEqual({ action: 'request_extension', expectedVersion: 2, hours: 48, reason: '需协调' });
  });

  it('sends the reply with resolved flag and attachments, dropping empty optionals', () => {
    const s = spec('reply');
    expect(buildActionBody(s, { reply: '已修复', resolved: false, attachmentIds: [] }, 7)).toEqual({ action: 'reply', expectedVersion: 7, reply: '已修复', resolved: false });
    expect(buildActionBody(s, { reply: '已修复', resolved: true, attachmentIds: ['a1'] }, 7)).toEqual({
      action: 'reply',
      expectedVersion: 7,
      reply: '已修复',
      resolved: true,
      attachmentIds: ['a1'],
    });
  });

  it('decide_extension sends an explicit false', () => {
    expect(buildActionBody(spec('decide_extension'), { approve: false }, 3)).toEqual({ action: 'decide_extension', expectedVersion: 3, approve: false });
  });
});
