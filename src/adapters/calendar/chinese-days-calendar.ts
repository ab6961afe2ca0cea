import chineseDays from 'chinese-days';
import type { CalendarDays, WorkingCalendar } from '../../domain/sla/working-calendar';
import { buildWorkingCalendar } from '../../domain/sla/working-calendar';
import { DAY_MS, weekdayOf } from '../../domain/sla/shanghai-time';

/**
 * Turns the `chinese-days` package (official State Council holiday and 调休 make-up workday data) into the
 * plain `CalendarDays` value the pure deadline arithmetic takes. Computed once per process; years the
 * package does not cover fall back to Monday–Friday, which admins can correct with local overrides.
 */
export interface StatutoryCalendar extends CalendarDays {
  holidays: string[];
  workdays: string[];
  /** Years with official data in the installed package, e.g. [2004, ..., 2026]. */
  coveredYears: number[];
}

const FIRST_YEAR = 2004;
const LAST_YEAR_SCANNED = 2040;

let cached: StatutoryCalendar | null = null;

export function statutoryCalendar(): StatutoryCalendar {
  if (cached) return cached;
  const holidays: string[] = [];
  const workdays: string[] = [];
  const covered = new Set<number>();
  const end = Date.UTC(LAST_YEAR_SCANNED, 11, 31);
  for (let t = Date.UTC(FIRST_YEAR, 0, 1); t <= end; t += DAY_MS) {
    const ymd = new Date(t).toISOString().slice(0, 10);
    const detail = chineseDays.getDayDetail(ymd);
    // festival days are named "English,中文,days"; plain days are named after the weekday
    if (detail.name.includes(',')) covered.add(Number(ymd.slice(0, 4)));
    const weekend = weekdayOf(ymd) === 0 || weekdayOf(ymd) === 6;
    if (weekend && detail.work) workdays.push(ymd);
    if (!weekend && !detail.work) holidays.push(ymd);
  }
  cached = { holidays, workdays, coveredYears: [...covered].sort((a, b) => a - b) };
  return cached;
}

/** The working calendar: national data, then the admin's local overrides (which win). */
export function chinaWorkingCalendar(overrides?: CalendarDays): WorkingCalendar {
  return buildWorkingCalendar(statutoryCalendar(), overrides);
}

/** A warning when next year's official holidays are not in the installed data yet (null when they are). */
export function calendarCoverageWarning(now: Date): string | null {
  const next = now.getUTCFullYear() + 1;
  if (statutoryCalendar().coveredYears.includes(next)) return null;
  return (
    `注意：法定节假日数据（chinese-days）未包含 ${next} 年，届时按周一至周五计算工作日；国务院公布安排后请升级该包或通过 PUT /api/v1/admin/sla 的 calendarOverrides 补充。` +
    ` Note: the holiday data does not cover ${next} yet; until it does, ${next} deadlines count Monday–Friday (update chinese-days or add calendarOverrides).`
  );
}
