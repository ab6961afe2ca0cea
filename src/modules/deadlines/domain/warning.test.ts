import { describe, expect, it } from 'vitest';
import { sh, show, WT } from './test-fixtures';
import type { Clock, WarningLevel } from './warning';
import { clockWarning, DEFAULT_THRESHOLDS, fractionUsed, validateThresholds, warningSchedule, worstOf } from './warning';

// normal reply: 5 working days from 2025-09-30 10:00 → due 2025-10-14 10:00 (35 working hours allowed)
const normalReply: Clock = { start: sh('2025-09-30 10:00'), dueAt: sh('2025-10-14 10:00'), unit: 'working_days' };
// emergency reply: 24 calendar hours from National Day 10:00
const emergencyReply: Clock = { start: sh('2025-10-01 10:00'), dueAt: sh('2025-10-02 10:00'), unit: 'calendar_hours' };

describe('warning level of a working-time clock (yellow ≥ 60 %, orange ≥ 85 %, red when overdue)', () => {
  it.each<[string, WarningLevel, string]>([
    ['2025-09-30 10:00', 'none', 'just received'],
    ['2025-10-05 12:00', 'none', 'the holiday does not age the order (6 of 35 h used)'],
    ['2025-10-11 09:59:59.999', 'none', 'one millisecond before 60 %'],
    ['2025-10-11 10:00', 'yellow', 'exactly 60 % = 21 working hours'],
    ['2025-10-12 20:00', 'yellow', 'Sunday: 27 h used, 77 %'],
    ['2025-10-13 11:44:59.999', 'yellow', 'just before 85 %'],
    ['2025-10-13 11:45', 'orange', 'exactly 85 % = 29.75 working hours'],
    ['2025-10-14 10:00', 'orange', 'at the deadline it is still on time'],
    ['2025-10-14 10:00:00.001', 'red', 'overdue'],
    ['2025-11-01 10:00', 'red', 'long overdue'],
  ])('at %s → %s (%s)', (now, level) => {
    expect(clockWarning(normalReply, sh(now), DEFAULT_THRESHOLDS, WT)).toBe(level);
  });

  it('precomputes the instants of each colour', () => {
    const s = warningSchedule(normalReply, DEFAULT_THRESHOLDS, WT);
    expect([show(s.yellowAt), show(s.orangeAt), s.redAt.toISOString()]).toEqual([
      '2025-10-11 10:00',
      '2025-10-13 11:45',
      '2025-10-14T02:00:00.001Z',
    ]);
  });
});

describe('warning level of a calendar-hours clock ages through nights and holidays', () => {
  it.each<[string, WarningLevel]>([
    ['2025-10-02 00:23', 'none'],
    ['2025-10-02 00:24', 'yellow'], // 14.4 h of 24
    ['2025-10-02 06:23', 'yellow'],
    ['2025-10-02 06:24', 'orange'], // 20.4 h of 24
    ['2025-10-02 10:00', 'orange'],
    ['2025-10-02 10:01', 'red'],
  ])('at %s → %s', (now, level) => {
    expect(clockWarning(emergencyReply, sh(now), DEFAULT_THRESHOLDS, WT)).toBe(level);
  });
});

describe('configurable thresholds', () => {
  const half = { yellow: 0.5, orange: 0.75 };
  it.each<[string, WarningLevel]>([
    ['2025-10-01 21:59', 'none'],
    ['2025-10-01 22:00', 'yellow'],
    ['2025-10-02 04:00', 'orange'],
  ])('yellow 50 %%, orange 75 %%: at %s → %s', (now, level) => {
    expect(clockWarning(emergencyReply, sh(now), half, WT)).toBe(level);
  });

  it.each([
    [{ yellow: 0.6, orange: 0.85 }, null],
    [{ yellow: 0.9, orange: 0.85 }, /yellow < orange/],
    [{ yellow: 0, orange: 0.5 }, /0 < yellow/],
    [{ yellow: 0.5, orange: 1 }, /orange < 1/],
  ])('validates %j', (t, problem) => {
    const result = validateThresholds(t);
    if (problem === null) expect(result).toBeNull();
    else expect(result).toMatch(problem);
  });
});

describe('fraction used and colour order', () => {
  it('measures the fraction in working time', () => {
    expect(fractionUsed(normalReply, sh('2025-10-11 10:00'), WT)).toBeCloseTo(0.6, 10);
    expect(fractionUsed(normalReply, sh('2025-10-15 10:00'), WT)).toBeCloseTo(42 / 35, 10);
  });

  it.each<[WarningLevel, WarningLevel, WarningLevel]>([
    ['none', 'yellow', 'yellow'],
    ['red', 'orange', 'red'],
    ['orange', 'orange', 'orange'],
  ])('worst of %s and %s is %s', (a, b, w) => {
    expect(worstOf(a, b)).toBe(w);
  });
});
