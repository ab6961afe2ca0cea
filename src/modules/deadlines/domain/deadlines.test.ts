import { describe, expect, it } from 'vitest';
import type { Status } from '../../../platform/events/order';
import type { Deadlines } from './deadlines';
import {
  activeClocks,
  currentDueAt,
  deadlinesOnDispatch,
  deadlinesOnExtension,
  deadlinesOnReturn,
  deadlinesOnSign,
  orderWarning,
  orderWarningSchedule,
  signedLate,
} from './deadlines';
import { DEFAULT_SLA_POLICY, selectRule } from './deadline-policy';
import { sh, show, WT } from './test-fixtures';
import { DEFAULT_THRESHOLDS } from './warning';
import { policyUrgency } from './emergency-mode';

const normal = selectRule(DEFAULT_SLA_POLICY, { urgency: 'normal', categoryCode: null, unitId: null });
const urgent = selectRule(DEFAULT_SLA_POLICY, { urgency: 'urgent', categoryCode: null, unitId: null });
const emergency = selectRule(DEFAULT_SLA_POLICY, { urgency: 'emergency', categoryCode: null, unitId: null });

const dispatchNormal = (): Deadlines =>
  deadlinesOnDispatch({
    receivedAt: sh('2025-09-30 10:00').toISOString(),
    at: sh('2025-09-30 15:00'),
    firstDispatch: true,
    rule: normal,
    policyVersion: 3,
    wt: WT,
  });

describe('dispatch starts the clocks', () => {
  it('counts the first dispatch from receivedAt (the citizen has waited since then)', () => {
    const d = dispatchNormal();
    expect([show(new Date(d.countFrom)), show(new Date(d.signBy)), show(new Date(d.replyBy))]).toEqual([
      '2025-09-30 10:00',
      '2025-10-09 10:00',
      '2025-10-14 10:00',
    ]);
    expect(d.originalReplyBy).toBe(d.replyBy);
    expect(d.policyVersion).toBe(3);
  });

  it('gives fresh limits from the re-dispatch after a return or an unsatisfied callback', () => {
    const d = deadlinesOnDispatch({
      receivedAt: sh('2025-09-30 10:00').toISOString(),
      at: sh('2025-10-20 16:00'),
      firstDispatch: false,
      rule: normal,
      policyVersion: 4,
      wt: WT,
    });
    expect([show(new Date(d.countFrom)), show(new Date(d.signBy)), show(new Date(d.replyBy))]).toEqual([
      '2025-10-20 16:00',
      '2025-10-21 16:00',
      '2025-10-27 16:00',
    ]);
  });

  it.each([
    ['urgent', urgent, '2025-09-26 18:00', '2025-09-28 14:30', '2025-09-29 17:30'],
    ['emergency', emergency, '2025-10-01 02:00', '2025-10-01 03:00', '2025-10-02 02:00'],
  ] as const)('%s received %s: sign by %s, reply by %s', (_name, rule, received, signBy, replyBy) => {
    const d = deadlinesOnDispatch({ receivedAt: sh(received).toISOString(), at: sh(received), firstDispatch: true, rule, policyVersion: 1, wt: WT });
    expect([show(new Date(d.signBy)), show(new Date(d.replyBy))]).toEqual([signBy, replyBy]);
  });
});

describe('sign, extension, return', () => {
  it('records the sign and whether it was late', () => {
    const onTime = deadlinesOnSign(dispatchNormal(), sh('2025-10-09 09:00'));
    const late = deadlinesOnSign(dispatchNormal(), sh('2025-10-09 11:00'));
    expect([signedLate(onTime), signedLate(late)]).toEqual([false, true]);
  });

  it('moves replyBy by working hours for a working-time limit, keeping the original', () => {
    const d = deadlinesOnExtension(dispatchNormal(), 8, WT);
    expect(show(new Date(d.replyBy))).toBe('2025-10-15 11:00');
    expect(show(new Date(d.originalReplyBy))).toBe('2025-10-14 10:00');
    expect(deadlinesOnExtension(d, 7, WT).extendedHours).toBe(15);
  });

  it('moves replyBy by calendar hours for a calendar limit', () => {
    const d = deadlinesOnDispatch({ receivedAt: sh('2025-10-01 02:00').toISOString(), at: sh('2025-10-01 02:00'), firstDispatch: true, rule: emergency, policyVersion: 1, wt: WT });
    expect(show(new Date(deadlinesOnExtension(d, 12, WT).replyBy))).toBe('2025-10-02 14:00');
  });

  it('clears the deadlines when the order goes back to the centre', () => {
    expect(deadlinesOnReturn(dispatchNormal())).toBeNull();
  });
});

describe('which deadline applies in which status', () => {
  it.each<[Status, boolean, string[]]>([
    ['registered', false, []],
    ['dispatched', false, ['2025-10-09 10:00', '2025-10-14 10:00']],
    ['dispatched', true, ['2025-10-14 10:00']],
    ['in_progress', true, ['2025-10-14 10:00']],
    ['replied', true, []],
    ['awaiting_callback', true, []],
    ['closed', true, []],
  ])('%s (signed: %s) runs clocks due %j', (status, signed, dues) => {
    const d = signed ? deadlinesOnSign(dispatchNormal(), sh('2025-10-09 09:00')) : dispatchNormal();
    expect(activeClocks(status, d).map((c) => show(c.dueAt))).toEqual(dues);
  });

  it('has no clock without deadlines', () => {
    expect(activeClocks('in_progress', null)).toEqual([]);
    expect(currentDueAt('in_progress', null)).toBeNull();
    expect(orderWarningSchedule('dispatched', null, DEFAULT_THRESHOLDS, WT)).toBeNull();
  });
});

describe('order warning = the worst running clock', () => {
  it.each<[Status, string, string]>([
    ['dispatched', '2025-10-09 09:00', 'orange'], // sign: 7 h allowed, 6 used (86 %)
    ['dispatched', '2025-10-09 10:01', 'red'], // not signed in time
    ['in_progress', '2025-10-09 10:01', 'none'], // signed: only the reply clock (13 of 35 h)
    ['in_progress', '2025-10-14 10:01', 'red'],
    ['replied', '2025-10-20 10:00', 'none'], // the unit has replied: the centre reviews
    ['registered', '2025-10-20 10:00', 'none'],
  ])('%s at %s → %s', (status, now, level) => {
    expect(orderWarning(status, dispatchNormal(), sh(now), DEFAULT_THRESHOLDS, WT)).toBe(level);
  });

  it('schedules each colour at the earliest clock to reach it', () => {
    const s = orderWarningSchedule('dispatched', dispatchNormal(), DEFAULT_THRESHOLDS, WT);
    // sign clock: 7 working hours from 30 Sep 10:00 → yellow at 4.2 h (30 Sep 15:42), orange at 5.95 h (30 Sep 17:27)
    expect(s && [show(s.yellowAt), show(s.orangeAt), show(s.redAt)]).toEqual(['2025-09-30 15:42', '2025-09-30 17:27', '2025-10-09 10:00']);
    expect(show(currentDueAt('dispatched', dispatchNormal()) ?? new Date(0))).toBe('2025-10-09 10:00');
  });
});

describe('emergency mode (一级响应)', () => {
  const on = { active: true, tag: '涉疫' };
  it.each([
    ['normal', ['涉疫'], on, 'emergency'],
    ['normal', ['其他'], on, 'normal'],
    ['urgent', ['涉疫'], { active: false, tag: '涉疫' }, 'urgent'],
  ] as const)('%s with tags %j in %j → %s', (urgency, tags, mode, expected) => {
    expect(policyUrgency(urgency, tags, mode)).toBe(expected);
  });
});
