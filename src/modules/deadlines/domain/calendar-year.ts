import type { CalendarOverridesInput } from './calendar-overrides';
import { DAY_MS, isWeekend, weekdayOf } from '../../../platform/shanghai-time';

/**
 * The working calendar of one year as people read it: every day with its kind and where that comes from.
 * Pure: the national data and the local overrides are arguments. The console uses `dayKindOf` too, to show
 * what a day becomes with an unsaved local change; the kinds agree with `buildWorkingCalendar().isWorkday`.
 */
export const DAY_KINDS = ['workday', 'rest', 'holiday', 'makeup_workday'] as const;
/** workday: Monday–Friday at work; rest: a weekend off; holiday: a day off of a holiday break (national or
 * local), weekend days inside a national break included; makeup_workday: a weekend day at work (调休上班). */
export type DayKind = (typeof DAY_KINDS)[number];

export const DAY_SOURCES = ['weekly', 'national', 'local'] as const;
/** weekly: the Monday–Friday pattern; national: the State Council data; local: the city's own override. */
export type DaySource = (typeof DAY_SOURCES)[number];

export type LocalOverride = 'holiday' | 'workday';

/** What the national data says about a day it names (holiday breaks and their make-up workdays). */
export interface NationalDay {
  work: boolean;
  /** The holiday's Chinese name, e.g. 国庆节. */
  name: string;
  /** Its English name, e.g. National Day. */
  nameEn: string;
}

export interface NationalCalendar {
  /** The days the national data names, by YYYY-MM-DD. */
  days: ReadonlyMap<string, NationalDay>;
  /** Years the national data covers. */
  coveredYears: readonly number[];
}

export interface CalendarDay {
  date: string;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
  kind: DayKind;
  source: DaySource;
  workday: boolean;
  /** The local name of an overridden day (the same text in both fields), else the national holiday the day belongs
   * to (a day of its break or one of its make-up workdays). */
  name: string | null;
  nameEn: string | null;
  /** The national name without the local one: what removing the override (or its name) returns to. */
  baseName: string | null;
  baseNameEn: string | null;
  /** The day without the local override: what removing the override returns to. */
  baseKind: DayKind;
  baseSource: Exclude<DaySource, 'local'>;
  /** The local override on this day, if any. */
  override: LocalOverride | null;
}

export interface CalendarYear {
  year: number;
  /** Whether the national data covers this year (else only the weekly pattern and local overrides apply). */
  covered: boolean;
  days: CalendarDay[];
  /** Days of each kind, and how many carry a local override. */
  totals: Record<DayKind, number> & { local: number };
}

/** The kind of a day from its weekday, the national data (if it names the day) and a local override. */
export function dayKindOf(weekday: number, national: Pick<NationalDay, 'work'> | null, override: LocalOverride | null): { kind: DayKind; source: DaySource } {
  if (override === 'holiday') return { kind: 'holiday', source: 'local' };
  if (override === 'workday') return { kind: isWeekend(weekday) ? 'makeup_workday' : 'workday', source: 'local' };
  if (national) {
    if (!national.work) return { kind: 'holiday', source: 'national' };
    return { kind: isWeekend(weekday) ? 'makeup_workday' : 'workday', source: 'national' };
  }
  return { kind: isWeekend(weekday) ? 'rest' : 'workday', source: 'weekly' };
}

export const isWorkingKind = (kind: DayKind): boolean => kind === 'workday' || kind === 'makeup_workday';

/** What a day of a calendar becomes with another local override (or none): for showing unsaved changes. */
export function withOverride(day: Pick<CalendarDay, 'weekday' | 'baseKind' | 'baseSource'>, override: LocalOverride | null): { kind: DayKind; source: DaySource } {
  const national = day.baseSource === 'national' ? { work: isWorkingKind(day.baseKind) } : null;
  return dayKindOf(day.weekday, national, override);
}

/** Every date of a year, YYYY-MM-DD. */
export function datesOfYear(year: number): string[] {
  const out: string[] = [];
  const end = Date.UTC(year, 11, 31);
  for (let t = Date.UTC(year, 0, 1); t <= end; t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** The year with the local overrides applied; a name counts only on an overridden day. */
export function calendarYear(year: number, national: NationalCalendar, overrides?: CalendarOverridesInput): CalendarYear {
  const holidays = new Set(overrides?.holidays ?? []);
  const workdays = new Set(overrides?.workdays ?? []);
  const names = overrides?.names ?? {};
  const totals: CalendarYear['totals'] = { workday: 0, rest: 0, holiday: 0, makeup_workday: 0, local: 0 };
  const days = datesOfYear(year).map((date): CalendarDay => {
    const weekday = weekdayOf(date);
    const nat = national.days.get(date) ?? null;
    const override: LocalOverride | null = holidays.has(date) ? 'holiday' : workdays.has(date) ? 'workday' : null;
    const base = dayKindOf(weekday, nat, null);
    const { kind, source } = dayKindOf(weekday, nat, override);
    totals[kind] += 1;
    if (override) totals.local += 1;
    const local = override ? (names[date] ?? null) : null;
    return {
      date,
      weekday,
      kind,
      source,
      workday: isWorkingKind(kind),
      name: local ?? nat?.name ?? null,
      nameEn: local ?? nat?.nameEn ?? null,
      baseName: nat?.name ?? null,
      baseNameEn: nat?.nameEn ?? null,
      baseKind: base.kind,
      baseSource: base.source as Exclude<DaySource, 'local'>,
      override,
    };
  });
  return { year, covered: national.coveredYears.includes(year), days, totals };
}
