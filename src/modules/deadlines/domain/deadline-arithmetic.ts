import { DAY_MS, HOUR_MS, shanghaiMidnight, shanghaiYmd } from '../../../platform/shanghai-time';
import type { WorkingCalendar } from './working-calendar';
import type { WorkingHours } from './working-hours';

/**
 * Deadline arithmetic on Asia/Shanghai working time.
 *
 * Working time is the union of the office-hour periods of every working day. Adding an amount of working time
 * to `start` returns the EARLIEST instant at which that much working time has elapsed since `start`:
 * - a start outside working time begins counting at the next opening (night, weekend, holiday, lunch);
 * - an amount that runs out exactly at the end of a period is due at that end (12:00, 17:30), not at the
 *   next opening: "by close of business".
 * `N working days` = N × the length of one working day (7 h by default) of working time. So a request
 * received at 10:00 on a workday is due at 10:00 on the N-th following workday, and one received at night is
 * due at the close (17:30) of the N-th workday counted from the next opening.
 */

/** Guard against a calendar with no working days at all (a misconfiguration, not a long deadline). */
const MAX_DAYS_SCANNED = 3660;

export function addCalendarHours(start: Date, hours: number): Date {
  return new Date(start.getTime() + Math.round(hours * HOUR_MS));
}

export function addWorkingHours(start: Date, hours: number, calendar: WorkingCalendar, workingHours: WorkingHours): Date {
  return new Date(addWorkingMs(start.getTime(), Math.round(hours * HOUR_MS), calendar, workingHours));
}

export function addWorkingDays(start: Date, days: number, calendar: WorkingCalendar, workingHours: WorkingHours): Date {
  return new Date(addWorkingMs(start.getTime(), Math.round(days * workingHours.dayMs), calendar, workingHours));
}

/** Working time (ms) in [a, b); negative when b is before a. */
export function workingTimeBetween(a: Date, b: Date, calendar: WorkingCalendar, workingHours: WorkingHours): number {
  return workingMsBetween(a.getTime(), b.getTime(), calendar, workingHours);
}

/** The first instant ≥ `at` that lies in working time (or `at` itself when it already does). */
export function nextWorkingInstant(at: Date, calendar: WorkingCalendar, workingHours: WorkingHours): Date {
  let dayStart = shanghaiMidnight(at.getTime());
  for (let i = 0; i < MAX_DAYS_SCANNED; i++, dayStart += DAY_MS) {
    if (!calendar.isWorkday(shanghaiYmd(dayStart))) continue;
    for (const [ps, pe] of workingHours.periods) {
      const s = Math.max(at.getTime(), dayStart + ps);
      if (s < dayStart + pe) return new Date(s);
    }
  }
  throw new RangeError('the working calendar has no working time in the next ten years');
}

export function addWorkingMs(startMs: number, amountMs: number, calendar: WorkingCalendar, workingHours: WorkingHours): number {
  if (amountMs < 0) throw new RangeError('cannot add a negative amount of working time');
  if (amountMs === 0) return startMs;
  let remaining = amountMs;
  let daysWithoutWork = 0;
  for (let dayStart = shanghaiMidnight(startMs); ; dayStart += DAY_MS) {
    if (!calendar.isWorkday(shanghaiYmd(dayStart))) {
      if (++daysWithoutWork > MAX_DAYS_SCANNED) throw new RangeError('the working calendar has no working time');
      continue;
    }
    daysWithoutWork = 0;
    for (const [ps, pe] of workingHours.periods) {
      const s = Math.max(startMs, dayStart + ps);
      const e = dayStart + pe;
      if (s >= e) continue;
      if (remaining <= e - s) return s + remaining;
      remaining -= e - s;
    }
  }
}

export function workingMsBetween(aMs: number, bMs: number, calendar: WorkingCalendar, workingHours: WorkingHours): number {
  if (bMs < aMs) return -workingMsBetween(bMs, aMs, calendar, workingHours);
  let total = 0;
  for (let dayStart = shanghaiMidnight(aMs); dayStart < bMs; dayStart += DAY_MS) {
    if (!calendar.isWorkday(shanghaiYmd(dayStart))) continue;
    for (const [ps, pe] of workingHours.periods) {
      const s = Math.max(aMs, dayStart + ps);
      const e = Math.min(bMs, dayStart + pe);
      if (e > s) total += e - s;
    }
  }
  return total;
}
