import { describe, expect, it } from 'vitest';
import type { DeadlineRow } from '../deadlines.store';
import { deadlineViewOf } from './deadline-view';

const row: DeadlineRow = {
  ticketId: 't1',
  unitId: 'u1',
  status: 'in_progress',
  priority: 0,
  urgencyRank: 0,
  rounds: 1,
  deadlines: {
    countFrom: '2025-09-30T02:00:00.000Z',
    signLimit: { amount: 1, unit: 'working_days' },
    replyLimit: { amount: 5, unit: 'working_days' },
    signBy: '2025-10-09T02:00:00.000Z',
    replyBy: '2025-10-14T02:00:00.000Z',
    originalReplyBy: '2025-10-14T02:00:00.000Z',
    signedAt: '2025-10-09T01:00:00.000Z',
    extendedHours: 0,
    policyVersion: 2,
  },
  dueAt: '2025-10-14T02:00:00.000Z',
  schedule: {
    yellowAt: new Date('2025-10-11T02:00:00.000Z'),
    orangeAt: new Date('2025-10-13T03:45:00.000Z'),
    redAt: new Date('2025-10-14T02:00:00.001Z'),
  },
  level: 'none', // what the sweep last acted on: the view does not depend on it
  nextCheckAt: null,
  lastSupervisedAt: null,
  supervisionCount: 0,
};

describe('the deadline view is computed at reading time', () => {
  it.each([
    ['2025-10-10T02:00:00.000Z', 'none'],
    ['2025-10-11T02:00:00.000Z', 'yellow'],
    ['2025-10-13T03:45:00.000Z', 'orange'],
    ['2025-10-14T02:00:00.000Z', 'orange'],
    ['2025-10-14T02:00:00.001Z', 'red'],
  ])('at %s the warning is %s, whatever the sweep stored', (now, warning) => {
    expect(deadlineViewOf(row, new Date(now)).warning).toBe(warning);
  });

  it('shows the deadlines, and nothing for an order no unit holds', () => {
    expect(deadlineViewOf(row, new Date('2025-10-10T02:00:00.000Z')).deadlines).toEqual({
      signBy: '2025-10-09T02:00:00.000Z',
      replyBy: '2025-10-14T02:00:00.000Z',
      originalReplyBy: '2025-10-14T02:00:00.000Z',
      policyVersion: 2,
      countFrom: '2025-09-30T02:00:00.000Z',
      signedAt: '2025-10-09T01:00:00.000Z',
      dueAt: '2025-10-14T02:00:00.000Z',
    });
    expect(deadlineViewOf(null, new Date())).toEqual({ deadlines: null, warning: 'none' });
    expect(deadlineViewOf({ ...row, deadlines: null, schedule: null }, new Date())).toEqual({ deadlines: null, warning: 'none' });
  });
});
