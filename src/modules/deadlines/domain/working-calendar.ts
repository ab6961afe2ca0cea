import { isWeekend, weekdayOf } from '../../../platform/shanghai-time';

/**
 * Which local dates are working days. A plain value built from sets, so the deadline arithmetic stays pure:
 * the adapter (src/adapters/calendar) feeds it China's statutory data and the admin's local overrides.
 */
export interface WorkingCalendar {
  isWorkday(ymd: string): boolean;
}

export interface CalendarDays {
  /** Days off that would otherwise be workdays (statutory holidays, local extra holidays). */
  holidays: Iterable<string>;
  /** Days of work that would otherwise be off (调休 make-up workdays on a weekend, local extra workdays). */
  workdays: Iterable<string>;
}

/**
 * Monday–Friday work unless listed otherwise. `overrides` (the admin's local days) win over `statutory`
 * (the national data): a local extra holiday on a make-up Saturday makes that Saturday a day off.
 */
export function buildWorkingCalendar(statutory: CalendarDays, overrides?: CalendarDays): WorkingCalendar {
  const off = new Set(statutory.holidays);
  const on = new Set(statutory.workdays);
  for (const d of overrides?.holidays ?? []) {
    off.add(d);
    on.delete(d);
  }
  for (const d of overrides?.workdays ?? []) {
    on.add(d);
    off.delete(d);
  }
  return {
    isWorkday(ymd: string): boolean {
      if (on.has(ymd)) return true;
      if (off.has(ymd)) return false;
      return !isWeekend(weekdayOf(ymd));
    },
  };
}
