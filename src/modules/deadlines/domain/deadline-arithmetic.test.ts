import { describe, expect, it } from 'vitest';
import {
  addCalendarHours,
  addWorkingDays,
  addWorkingHours,
  nextWorkingInstant,
  workingTimeBetween,
} from './deadline-arithmetic';
import { HOUR_MS } from '../../../platform/shanghai-time';
import { CHINA_2025_SLICE as CAL, sh, show } from './test-fixtures';
import { DEFAULT_HOURS as HOURS, parseWorkingHours } from './working-hours';
import { buildWorkingCalendar } from './working-calendar';

describe('addWorkingDays (N working days = N × 7 h of working time)', () => {
  it.each([
    // received                     days  due                  why
    ['2025-09-30 10:00', 5, '2025-10-14 10:00', 'the issue example: National Day break, Sat 11 Oct is a workday'],
    ['2025-09-30 10:00', 1, '2025-10-09 10:00', 'one day jumps the whole National Day break'],
    ['2025-09-30 10:00', 3, '2025-10-11 10:00', 'make-up Saturday counts'],
    ['2025-09-27 10:00', 1, '2025-09-28 17:30', 'received Saturday: make-up Sunday 28 Sep opens at 09:00'],
    ['2025-10-03 15:00', 1, '2025-10-09 17:30', 'received on a holiday: starts at the next opening'],
    ['2025-10-10 16:00', 1, '2025-10-11 16:00', 'Friday afternoon into the make-up Saturday'],
    ['2025-12-31 16:00', 1, '2026-01-04 16:00', 'crossing the year: New Year off, Sun 4 Jan is a workday'],
    ['2025-12-31 16:00', 5, '2026-01-08 16:00', 'crossing the year, five days'],
    ['2025-09-30 20:00', 1, '2025-10-09 17:30', 'received at night before a holiday'],
    ['2025-09-29 07:00', 1, '2025-09-29 17:30', 'received before opening: due at the close of that day'],
    ['2025-09-29 12:45', 1, '2025-09-30 12:00', 'received in the lunch break: counts from 13:30, ends at noon'],
    ['2025-10-17 18:00', 2, '2025-10-21 17:30', 'received Friday evening: Monday and Tuesday'],
    ['2025-09-29 09:00', 0.5, '2025-09-29 14:00', 'half a day is 3.5 h of working time'],
  ])('received %s + %s working days → %s (%s)', (received, days, due) => {
    expect(show(addWorkingDays(sh(received), days, CAL, HOURS))).toBe(due);
  });
});

describe('addWorkingHours', () => {
  it.each([
    ['2025-09-29 12:30', 1, '2025-09-29 14:30', 'lunch break is not working time'],
    ['2025-09-29 11:30', 1, '2025-09-29 14:00', 'half before lunch, half after'],
    ['2025-09-29 11:00', 1, '2025-09-29 12:00', 'ends exactly at the end of the morning: due at 12:00, not 13:30'],
    ['2025-09-29 16:30', 1, '2025-09-29 17:30', 'ends exactly at the close'],
    ['2025-09-29 17:00', 4, '2025-09-30 14:00', 'overnight: 0.5 h today, 3.5 h tomorrow'],
    ['2025-09-26 18:00', 4, '2025-09-28 14:30', 'Friday evening → make-up Sunday'],
    ['2025-09-30 17:00', 1, '2025-10-09 09:30', 'over the National Day break'],
    ['2025-09-29 10:00', 0, '2025-09-29 10:00', 'zero is the start itself'],
    ['2025-10-04 10:00', 0, '2025-10-04 10:00', 'zero on a holiday is still the start'],
    ['2025-09-29 09:00', 0.25, '2025-09-29 09:15', 'fractions of an hour'],
    ['2025-12-31 17:00', 1, '2026-01-04 09:30', 'year boundary'],
  ])('%s + %s working hours → %s (%s)', (start, hours, due) => {
    expect(show(addWorkingHours(sh(start), hours, CAL, HOURS))).toBe(due);
  });

  it('refuses a negative amount', () => {
    expect(() => addWorkingHours(sh('2025-09-29 10:00'), -1, CAL, HOURS)).toThrow(RangeError);
  });

  it('fails clearly on a calendar without working days', () => {
    const never = { isWorkday: () => false };
    expect(() => addWorkingHours(sh('2025-09-29 10:00'), 1, never, HOURS)).toThrow(/no working time/);
  });

  it('honours configured office hours (08:30–12:00, 14:00–18:00)', () => {
    const summer = parseWorkingHours({ periods: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '18:00' }] });
    expect(summer.dayMs).toBe(7.5 * HOUR_MS);
    expect(show(addWorkingHours(sh('2025-09-29 11:30'), 1, CAL, summer))).toBe('2025-09-29 14:30');
    expect(show(addWorkingDays(sh('2025-09-29 10:00'), 1, CAL, summer))).toBe('2025-09-30 10:00');
  });
});

describe('addCalendarHours runs 7×24, holidays included', () => {
  it.each([
    ['2025-10-01 10:00', 24, '2025-10-02 10:00', 'over National Day'],
    ['2025-12-31 23:30', 1, '2026-01-01 00:30', 'over midnight and the year'],
    ['2025-10-04 03:00', 1, '2025-10-04 04:00', 'at night on a holiday'],
    ['2025-09-29 10:00', 0.5, '2025-09-29 10:30', 'fractions'],
  ])('%s + %s h → %s (%s)', (start, hours, due) => {
    expect(show(addCalendarHours(sh(start), hours))).toBe(due);
  });
});

describe('workingTimeBetween', () => {
  it.each([
    ['2025-09-30 10:00', '2025-10-14 10:00', 35, 'five working days'],
    ['2025-09-30 10:00', '2025-09-30 10:00', 0, 'no time'],
    ['2025-09-30 17:30', '2025-10-09 09:00', 0, 'the whole holiday is not working time'],
    ['2025-09-29 11:00', '2025-09-29 14:00', 1.5, 'lunch excluded'],
    ['2025-10-17 17:00', '2025-10-20 10:00', 1.5, 'over a weekend'],
    ['2025-10-14 10:00', '2025-09-30 10:00', -35, 'reversed is negative'],
    ['2025-12-31 09:00', '2026-01-05 09:00', 14, 'Dec 31 and the make-up Sunday Jan 4'],
  ])('%s → %s = %s h (%s)', (a, b, hours) => {
    expect(workingTimeBetween(sh(a), sh(b), CAL, HOURS)).toBe(hours * HOUR_MS);
  });

  it('is the inverse of addWorkingHours for many starts and amounts', () => {
    let seed = 12345; // deterministic LCG: the same cases every run
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 500; i++) {
      const start = new Date(sh('2025-09-20 00:00').getTime() + Math.floor(next() * 40 * 24 * 60) * 60_000);
      const hours = Math.floor(next() * 80 * 4) / 4;
      const due = addWorkingHours(start, hours, CAL, HOURS);
      expect(workingTimeBetween(start, due, CAL, HOURS)).toBe(hours * HOUR_MS);
    }
  });
});

describe('nextWorkingInstant', () => {
  it.each([
    ['2025-09-29 10:00', '2025-09-29 10:00'],
    ['2025-09-29 12:00', '2025-09-29 13:30'],
    ['2025-09-29 17:30', '2025-09-30 09:00'],
    ['2025-10-01 08:00', '2025-10-09 09:00'],
    ['2025-10-11 08:00', '2025-10-11 09:00'],
  ])('%s → %s', (at, expected) => {
    expect(show(nextWorkingInstant(sh(at), CAL, HOURS))).toBe(expected);
  });
});

describe('working calendar and hours values', () => {
  it('is Monday–Friday by default', () => {
    const plain = buildWorkingCalendar({ holidays: [], workdays: [] });
    expect(['2025-10-04', '2025-10-05', '2025-10-06'].map((d) => plain.isWorkday(d))).toEqual([false, false, true]);
  });

  it.each([
    [[{ start: '12:00', end: '09:00' }], /end after/],
    [[{ start: '09:00', end: '12:00' }, { start: '11:00', end: '17:00' }], /overlap/],
    [[], /at least one/],
    [[{ start: '9:00', end: '12:00' }], /HH:mm/],
  ])('rejects invalid office hours %j', (periods, message) => {
    expect(() => parseWorkingHours({ periods })).toThrow(message);
  });
});

describe('independent of the host time zone (Asia/Shanghai is fixed UTC+8, no DST)', () => {
  it.each(['America/New_York', 'Europe/London', 'UTC', 'Asia/Shanghai'])('gives the same deadlines with TZ=%s', (tz) => {
    const saved = process.env.TZ;
    process.env.TZ = tz;
    try {
      // 2025-03-09 is a DST change in New York, 2025-03-30 in London: neither may move a Shanghai deadline
      expect(show(addWorkingDays(sh('2025-03-07 16:00'), 1, CAL, HOURS))).toBe('2025-03-10 16:00');
      expect(show(addCalendarHours(sh('2025-03-29 23:00'), 24))).toBe('2025-03-30 23:00');
      expect(show(addWorkingDays(sh('2025-09-30 10:00'), 5, CAL, HOURS))).toBe('2025-10-14 10:00');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
