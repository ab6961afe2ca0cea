import chineseDays from 'chinese-days';
import type { CalendarDays, WorkingCalendar } from '../domain/working-calendar';
import { buildWorkingCalendar } from '../domain/working-calendar';
import type { CalendarOverridesInput } from '../domain/calendar-overrides';
import { calendarYear, datesOfYear, type CalendarYear, type NationalCalendar, type NationalDay } from '../domain/calendar-year';
import { isWeekend, shanghaiYmd, weekdayOf } from '../../../platform/shanghai-time';

/**
 * Turns the `chinese-days` package (official State Council holiday and 调休 make-up workday data) into the
 * plain `CalendarDays` value the pure deadline arithmetic takes. Computed once per process; years the
 * package does not cover fall back to Monday–Friday, which admins can correct with local overrides.
 */
export interface StatutoryCalendar extends CalendarDays, NationalCalendar {
  holidays: string[];
  workdays: string[];
  /** Years with official data in the installed package, e.g. [2004, ..., 2026]. */
  coveredYears: number[];
  /** Every day the package names: the days of each holiday break (weekends inside it included) and its make-up workdays. */
  days: Map<string, NationalDay>;
}

const FIRST_YEAR = 2004;
const LAST_YEAR_SCANNED = 2040;

let cached: StatutoryCalendar | null = null;

export function statutoryCalendar(): StatutoryCalendar {
  if (cached) return cached;
  const holidays: string[] = [];
  const workdays: string[] = [];
  const covered = new Set<number>();
  const days = new Map<string, NationalDay>();
  for (let year = FIRST_YEAR; year <= LAST_YEAR_SCANNED; year++) {
    for (const ymd of datesOfYear(year)) {
      const detail = chineseDays.getDayDetail(ymd);
      // festival days are named "English,中文,days" (days: the statutory days off); plain days after the weekday
      const named = parseFestivalName(detail.name);
      if (named) {
        covered.add(year);
        days.set(ymd, { work: detail.work, ...named });
      }
      const weekend = isWeekend(weekdayOf(ymd));
      if (weekend && detail.work) workdays.push(ymd);
      if (!weekend && !detail.work) holidays.push(ymd);
    }
  }
  cached = { holidays, workdays, coveredYears: [...covered].sort((a, b) => a - b), days };
  return cached;
}

/** "National Day,国庆节,3" → {name: 国庆节, nameEn: National Day}; a weekday name ("Friday") → null. */
export function parseFestivalName(text: string): { name: string; nameEn: string } | null {
  const [nameEn, name] = text.split(',');
  if (!name || !nameEn) return null;
  return { name: name.trim(), nameEn: nameEn.trim() };
}

/** One year of the working calendar: national data plus the local overrides (and their names), day by day. */
export function workingCalendarYear(year: number, overrides?: CalendarOverridesInput): CalendarYear {
  return calendarYear(year, statutoryCalendar(), overrides);
}

/** The working calendar: national data, then the admin's local overrides (which win). */
export function chinaWorkingCalendar(overrides?: CalendarDays): WorkingCalendar {
  return buildWorkingCalendar(statutoryCalendar(), overrides);
}

/** A warning when next year's official holidays are not in the installed data yet (null when they are). */
export function calendarCoverageWarning(now: Date): string | null {
  const next = Number(shanghaiYmd(now.getTime()).slice(0, 4)) + 1;
  if (statutoryCalendar().coveredYears.includes(next)) return null;
  return (
    `注意：法定节假日数据（chinese-days）未包含 ${next} 年，届时按周一至周五计算工作日；国务院公布安排后请在控制台“时限与日历”页录入本地假日和调休上班日（或升级该包）。` +
    ` Note: the holiday data does not cover ${next} yet; until it does, ${next} deadlines count Monday–Friday (enter the holidays and make-up workdays on the console's Deadlines & calendar page, or update chinese-days).`
  );
}
