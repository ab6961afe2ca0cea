import { addCalendarHours, addWorkingDays, addWorkingHours, workingTimeBetween } from './deadline-arithmetic';
import type { WorkingCalendar } from './working-calendar';
import type { WorkingHours } from './working-hours';

export const LIMIT_UNITS = ['calendar_hours', 'working_hours', 'working_days'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];

/** An allowed time: `calendar_hours` run 7×24 (holidays included); the others run on working time only. */
export interface DeadlineLimit {
  amount: number;
  unit: LimitUnit;
}

/** The working calendar and office hours together: everything working-time arithmetic needs. */
export interface WorkingTime {
  calendar: WorkingCalendar;
  hours: WorkingHours;
}

export const isWorkingTimeUnit = (unit: LimitUnit): boolean => unit !== 'calendar_hours';

export function applyLimit(start: Date, limit: DeadlineLimit, wt: WorkingTime): Date {
  switch (limit.unit) {
    case 'calendar_hours':
      return addCalendarHours(start, limit.amount);
    case 'working_hours':
      return addWorkingHours(start, limit.amount, wt.calendar, wt.hours);
    case 'working_days':
      return addWorkingDays(start, limit.amount, wt.calendar, wt.hours);
    default: {
      const never: never = limit.unit;
      throw new RangeError(`unknown limit unit ${String(never)}`);
    }
  }
}

/** Elapsed time from `a` to `b` measured in the limit's kind of time (ms): working time for working limits. */
export function elapsedIn(unit: LimitUnit, a: Date, b: Date, wt: WorkingTime): number {
  return isWorkingTimeUnit(unit) ? workingTimeBetween(a, b, wt.calendar, wt.hours) : b.getTime() - a.getTime();
}

/** Moves an instant forward by `ms` of the limit's kind of time. */
export function advanceIn(unit: LimitUnit, from: Date, ms: number, wt: WorkingTime): Date {
  return isWorkingTimeUnit(unit)
    ? addWorkingHours(from, ms / 3_600_000, wt.calendar, wt.hours)
    : new Date(from.getTime() + ms);
}

export function validateLimit(limit: DeadlineLimit): string | null {
  if (!LIMIT_UNITS.includes(limit.unit)) return `unit must be one of ${LIMIT_UNITS.join(', ')}`;
  if (!Number.isFinite(limit.amount) || limit.amount <= 0) return 'amount must be a positive number';
  if (limit.amount > 24 * 366) return 'amount is unreasonably large';
  return null;
}
