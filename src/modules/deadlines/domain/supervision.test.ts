import { describe, expect, it } from 'vitest';
import type { WatchedOrder } from './supervision';
import { levelAfterChange, sweepOrder } from './supervision';
import { sh, show } from './test-fixtures';
import type { WarningSchedule } from './warning';

const schedule: WarningSchedule = {
  yellowAt: sh('2025-10-11 10:00'),
  orangeAt: sh('2025-10-13 11:45'),
  redAt: sh('2025-10-14 10:00:00.001'),
};
const policy = { escalateAfterMinutes: 240, maxEscalations: 2 };
const watched = (partial: Partial<WatchedOrder>): WatchedOrder => ({
  level: 'none',
  schedule,
  lastSupervisedAt: null,
  supervisionCount: 0,
  ...partial,
});

describe('the sweep on one order', () => {
  it.each([
    // given stored                                          now                 → level    action       next check
    [watched({}), '2025-10-10 10:00', 'none', 'none', '2025-10-11 10:00'],
    [watched({}), '2025-10-11 10:00', 'yellow', 'none', '2025-10-13 11:45'],
    [watched({ level: 'yellow' }), '2025-10-13 12:00', 'orange', 'none', '2025-10-14 10:00'],
    [watched({ level: 'orange' }), '2025-10-14 10:01', 'red', 'supervise', '2025-10-14 14:01'],
    [watched({}), '2025-10-20 10:00', 'red', 'supervise', '2025-10-20 14:00'], // a missed sweep jumps straight to red
    [watched({ level: 'red', lastSupervisedAt: sh('2025-10-14 10:01'), supervisionCount: 1 }), '2025-10-14 13:00', 'red', 'none', '2025-10-14 14:01'],
    [watched({ level: 'red', lastSupervisedAt: sh('2025-10-14 10:01'), supervisionCount: 1 }), '2025-10-14 14:01', 'red', 'escalate', '2025-10-14 18:01'],
    [watched({ level: 'red', lastSupervisedAt: sh('2025-10-14 14:01'), supervisionCount: 2 }), '2025-10-14 18:01', 'red', 'escalate', '-'],
    [watched({ level: 'red', lastSupervisedAt: sh('2025-10-14 18:01'), supervisionCount: 3 }), '2025-10-15 18:01', 'red', 'none', '-'],
    [watched({ level: 'yellow', schedule: null }), '2025-10-15 18:01', 'none', 'none', '-'], // replied: no clock
  ] as const)('%# stored → at %s: %s, %s, next check %s', (order, now, level, action, next) => {
    const out = sweepOrder(order, sh(now), policy);
    expect([out.level, out.action, out.nextCheckAt ? show(out.nextCheckAt) : '-']).toEqual([level, action, next]);
    expect(out.supervisionCount).toBe(action === 'none' ? order.supervisionCount : action === 'supervise' ? 1 : order.supervisionCount + 1);
  });

  it('supervises anew when an extended order turns red again', () => {
    const out = sweepOrder(
      watched({ level: 'yellow', lastSupervisedAt: sh('2025-10-14 10:01'), supervisionCount: 1 }),
      sh('2025-10-20 10:00'),
      policy,
    );
    expect([out.level, out.action, out.supervisionCount]).toEqual(['red', 'supervise', 1]);
  });
});

describe('colour kept after a deadline change', () => {
  it.each([
    ['red', '2025-10-12 10:00', 'yellow', 'an extension makes it better: lowered'],
    ['none', '2025-10-20 10:00', 'none', 'worse: left for the sweep to act on'],
    ['orange', '2025-10-13 12:00', 'orange', 'unchanged'],
  ] as const)('stored %s at %s → %s (%s)', (stored, now, expected, _why) => {
    expect(levelAfterChange(stored, schedule, sh(now))).toBe(expected);
  });
});
