// 时限与日历 as the console sees it: the DTOs of /admin/sla, /admin/sla/versions, /admin/calendar and
// /admin/emergency, and the pure rules the page applies to them (month grids, unsaved calendar changes, the
// rules form and the changes it sends, what changed between two settings versions).
import { withOverride, type CalendarDay, type CalendarYear, type DayKind, type DaySource, type LocalOverride } from '../../../../src/modules/deadlines/domain/calendar-year';
import { LIMIT_UNITS, type LimitUnit, type DeadlineLimit } from '../../../../src/modules/deadlines/domain/deadline-limit';
import { DEFAULT_DEADLINE_RULES, type DeadlineRule } from '../../../../src/modules/deadlines/domain/deadline-policy';
import type { WarningThresholds } from '../../../../src/modules/deadlines/domain/warning';
import type { WorkingHoursConfig } from '../../../../src/modules/deadlines/domain/working-hours';
import type { CalendarOverrides } from '../../../../src/modules/deadlines/domain/calendar-overrides';
import type { DeadlineSettingsView } from '../../../../src/modules/deadlines/domain/settings';
import type { SupervisionPolicy } from '../../../../src/modules/deadlines/domain/supervision';
import { fromPercent, toPercent } from '../intake/intake';
import { URGENCIES, type Urgency } from '../../shell/types';

export { DAY_KINDS, withOverride, type CalendarDay, type DayKind, type DaySource, type LocalOverride } from '../../../../src/modules/deadlines/domain/calendar-year';
export { LIMIT_UNITS, type CalendarOverrides, type LimitUnit, type DeadlineLimit, type DeadlineRule };


/** Characters a local day's name may have (the API's limit). */
export const LOCAL_NAME_MAX = 20;

/** GET /admin/sla (with the years the national holiday data covers) and each item of GET /admin/sla/versions. */
export type DeadlineSettings = DeadlineSettingsView & { statutoryYears?: number[] };

export type DeadlineSettingsPatch = Partial<Pick<DeadlineSettings, 'rules' | 'thresholds' | 'workingHours' | 'calendarOverrides' | 'supervision'>> & { note?: string };

/** GET /admin/calendar?year= */
export interface WorkingCalendar extends CalendarYear {
  today: string;
  statutoryYears: number[];
  settingsVersion: number;
}

export interface EmergencyState {
  active: boolean;
  tag: string | null;
  changedAt: string | null;
  changedBy?: string | null;
  changedByName?: string | null;
  /** Only in the answer of PUT: orders whose queue position changed. */
  reprioritised?: number;
}

// ---------------------------------------------------------------------------------------------------------
// The year view

/** Years the page offers (the API takes 2004–2100): from the first year of national data to two years ahead. */
export function yearOptions(statutoryYears: readonly number[], currentYear: number): number[] {
  const first = Math.min(statutoryYears[0] ?? currentYear, currentYear);
  const last = Math.max(currentYear + 2, statutoryYears.at(-1) ?? currentYear);
  const out: number[] = [];
  for (let y = Math.max(first, 2004); y <= Math.min(last, 2100); y++) out.push(y);
  return out;
}

/** `?year=2027` of the address, when it is a year the API takes; else null (the server's current year). */
export function yearFromSearch(search: string): number | null {
  const v = new URLSearchParams(search).get('year');
  const n = Number(v);
  return v !== null && /^\d{4}$/.test(v) && n >= 2004 && n <= 2100 ? n : null;
}

/** The weeks of a month, Monday first, with null where the month has no day. */
export function monthWeeks<T extends Pick<CalendarDay, 'date' | 'weekday'>>(days: readonly T[], month: number): (T | null)[][] {
  const inMonth = days.filter((d) => Number(d.date.slice(5, 7)) === month);
  const weeks: (T | null)[][] = [];
  let week: (T | null)[] = [];
  const first = inMonth[0];
  if (!first) return weeks;
  for (let i = 0; i < (first.weekday + 6) % 7; i++) week.push(null);
  for (const d of inMonth) {
    week.push(d);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length) {
    while (week.length < 7) week.push(null);
    weeks.push(week);
  }
  return weeks;
}

/** The days of one named holiday in a month: the days off (as ranges of day numbers) and the make-up workdays. */
export interface MonthHoliday {
  name: string;
  nameEn: string;
  /** Named by the city (local days), not by the national data. */
  local: boolean;
  off: [number, number][];
  work: number[];
}

/**
 * The named holidays of a month: the national ones as the national data names them (local overrides aside), and
 * the names the city gave its local days (`localName`, as `applyDraft` shows them), each with its days off and
 * its make-up workdays.
 */
export function monthHolidays(days: readonly (CalendarDay & { localName?: string | null })[], month: number): MonthHoliday[] {
  const out: MonthHoliday[] = [];
  for (const d of days) {
    if (Number(d.date.slice(5, 7)) !== month) continue;
    const local = d.override && d.localName ? d.localName : null;
    const name = local ?? (d.baseSource === 'national' ? (d.baseName ?? null) : null);
    if (!name) continue;
    let h = out.find((x) => x.name === name && x.local === (local !== null));
    if (!h) {
      h = { name, nameEn: local ?? d.baseNameEn ?? name, local: local !== null, off: [], work: [] };
      out.push(h);
    }
    const n = Number(d.date.slice(8, 10));
    if ((local ? d.kind : d.baseKind) === 'holiday') {
      const last = h.off.at(-1);
      if (last && last[1] === n - 1) last[1] = n;
      else h.off.push([n, n]);
    } else h.work.push(n);
  }
  return out;
}

/** "1–8日" / "1–8"; a one-day range is just the day. */
export function formatDayRanges(ranges: readonly [number, number][], lang: 'zh' | 'en'): string {
  const text = ranges.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(lang === 'zh' ? '、' : ', ');
  return lang === 'zh' ? `${text}日` : text;
}

/** How a day is named in the legend and the day panel: kind and source together. */
export type DayLabel = 'workday' | 'rest' | 'holiday' | 'makeup_workday' | 'localHoliday' | 'localWorkday';

export function dayLabel(kind: DayKind, source: DaySource): DayLabel {
  if (source === 'local') return kind === 'holiday' ? 'localHoliday' : 'localWorkday';
  if (source === 'national' && kind === 'workday') return 'workday';
  return kind;
}

export const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'] as const;
export const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** "2027年10月8日 星期五" / "Fri 8 Oct 2027" (a YYYY-MM-DD date, no time zone involved). */
export function formatDay(date: string, weekday: number, lang: 'zh' | 'en'): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (lang === 'zh') return `${y}年${m}月${d}日 星期${WEEKDAYS_ZH[weekday]}`;
  return `${WEEKDAYS_EN[weekday]} ${d} ${monthName(m, 'en', true)} ${y}`;
}

export function monthName(month: number, lang: 'zh' | 'en', short = false): string {
  if (lang === 'zh') return `${month}月`;
  return new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-GB', { month: short ? 'short' : 'long', timeZone: 'UTC' });
}

// ---------------------------------------------------------------------------------------------------------
// Unsaved local calendar changes. The API replaces both lists and the names, so the draft holds all of them
// (every year).

/** A local day: what it becomes, and its optional name. */
export interface LocalDay {
  override: LocalOverride;
  name: string | null;
}

export type OverrideDraft = ReadonlyMap<string, LocalDay>;

export function draftOf(overrides: CalendarOverrides): Map<string, LocalDay> {
  const m = new Map<string, LocalDay>();
  const name = (d: string) => overrides.names[d] ?? null;
  for (const d of overrides.holidays) m.set(d, { override: 'holiday', name: name(d) });
  for (const d of overrides.workdays) m.set(d, { override: 'workday', name: name(d) });
  return m;
}

const cleanName = (name: string | null): string | null => name?.trim() || null;

/**
 * A new draft with the day's override set (or removed with null, name and all). `name` left out keeps the
 * day's name; null or blank removes it.
 */
export function setOverride(draft: OverrideDraft, date: string, override: LocalOverride | null, name?: string | null): Map<string, LocalDay> {
  const next = new Map(draft);
  if (override) next.set(date, { override, name: name === undefined ? (draft.get(date)?.name ?? null) : cleanName(name) });
  else next.delete(date);
  return next;
}

/** A new draft with the name of a local day changed (a day without an override has no name: unchanged). */
export function setName(draft: OverrideDraft, date: string, name: string | null): OverrideDraft {
  const day = draft.get(date);
  if (!day || day.name === cleanName(name)) return draft;
  return setOverride(draft, date, day.override, name);
}

export interface PendingChange {
  date: string;
  from: LocalOverride | null;
  to: LocalOverride | null;
  fromName: string | null;
  toName: string | null;
}

/** What the draft changes against the saved overrides (the kind or the name of a day), by date. */
export function pendingChanges(saved: CalendarOverrides, draft: OverrideDraft): PendingChange[] {
  const before = draftOf(saved);
  const dates = [...new Set([...before.keys(), ...draft.keys()])].sort();
  return dates.flatMap((date) => {
    const a = before.get(date);
    const b = draft.get(date);
    const change = { date, from: a?.override ?? null, to: b?.override ?? null, fromName: a?.name ?? null, toName: b?.name ?? null };
    return change.from === change.to && change.fromName === change.toName ? [] : [change];
  });
}

/** The PUT body's `calendarOverrides`: both full lists, sorted, and every name. */
export function overridesBody(draft: OverrideDraft): Required<CalendarOverrides> {
  const holidays: string[] = [];
  const workdays: string[] = [];
  const names: Record<string, string> = {};
  for (const [date, d] of [...draft].sort(([a], [b]) => a.localeCompare(b))) {
    (d.override === 'holiday' ? holidays : workdays).push(date);
    if (d.name) names[date] = d.name;
  }
  return { holidays, workdays, names };
}

/** A day of the calendar as the draft would make it. */
export interface ShownDay extends CalendarDay {
  pending: boolean;
  /** The city's name for the day (only on a day with an override). */
  localName: string | null;
}

export function applyDraft(days: readonly CalendarDay[], draft: OverrideDraft): ShownDay[] {
  return days.map((d) => {
    const local = draft.get(d.date);
    const override = local?.override ?? null;
    const localName = local?.name ?? null;
    const name = localName ?? d.baseName;
    const nameEn = localName ?? d.baseNameEn;
    const shown = { ...d, name, nameEn, localName };
    if (override === d.override && name === d.name) return { ...shown, pending: false };
    const { kind, source } = withOverride(d, override);
    return { ...shown, kind, source, override, workday: kind === 'workday' || kind === 'makeup_workday', pending: true };
  });
}

export function countDays(days: readonly ShownDay[]): Record<DayKind, number> & { local: number; working: number } {
  const out = { workday: 0, rest: 0, holiday: 0, makeup_workday: 0, local: 0, working: 0 };
  for (const d of days) {
    out[d.kind] += 1;
    if (d.override) out.local += 1;
    if (d.workday) out.working += 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Rules, thresholds, office hours, supervision

/** Shown most urgent first. */
export const URGENCY_ORDER: readonly Urgency[] = [...URGENCIES].reverse();

const isDefault = (r: DeadlineRule) => r.categoryPrefix === null && r.unitId === null;

/** The default rule of each urgency (the built-in one when the policy lacks it), most urgent first. */
export function defaultRules(rules: readonly DeadlineRule[]): DeadlineRule[] {
  return URGENCY_ORDER.map((u) => rules.find((r) => r.urgency === u && isDefault(r)) ?? (DEFAULT_DEADLINE_RULES.find((r) => r.urgency === u) as DeadlineRule));
}

/** The rules narrowed to a category or a unit, as stored. */
export function specificRules(rules: readonly DeadlineRule[]): DeadlineRule[] {
  return rules.filter((r) => !isDefault(r));
}

export interface DeadlinesFormValues {
  /** Most urgent first, as `defaultRules`. */
  defaults: { urgency: Urgency; sign: DeadlineLimit; reply: DeadlineLimit }[];
  /** Percent. */
  yellowPercent: number;
  orangePercent: number;
  periods: { start: string; end: string }[];
  escalateAfterMinutes: number;
  maxEscalations: number;
}

export function deadlinesFormValues(s: DeadlineSettings): DeadlinesFormValues {
  return {
    defaults: defaultRules(s.rules).map((r) => ({ urgency: r.urgency, sign: { ...r.sign }, reply: { ...r.reply } })),
    yellowPercent: toPercent(s.thresholds.yellow),
    orangePercent: toPercent(s.thresholds.orange),
    periods: s.workingHours.periods.map((p) => ({ ...p })),
    escalateAfterMinutes: s.supervision.escalateAfterMinutes,
    maxEscalations: s.supervision.maxEscalations,
  };
}

const sameLimit = (a: DeadlineLimit, b: DeadlineLimit) => a.amount === b.amount && a.unit === b.unit;

/**
 * The PUT body: only the sections the admin changed, so each version records real changes. The rules list
 * is sent whole (the API replaces it): the edited default rules first, most urgent first, then the category
 * and unit rules unchanged, so an error on `rules[i]` points back to row i.
 */
export function deadlinesPatch(before: DeadlineSettings, v: DeadlinesFormValues): DeadlineSettingsPatch {
  const out: DeadlineSettingsPatch = {};
  const was = deadlinesFormValues(before);
  const rulesChanged = v.defaults.some((d, i) => {
    const w = was.defaults[i];
    return !w || !sameLimit(d.sign, w.sign) || !sameLimit(d.reply, w.reply);
  });
  if (rulesChanged) {
    out.rules = [
      ...v.defaults.map((d) => ({ urgency: d.urgency, categoryPrefix: null, unitId: null, sign: { ...d.sign }, reply: { ...d.reply } })),
      ...specificRules(before.rules),
    ];
  }
  if (v.yellowPercent !== was.yellowPercent || v.orangePercent !== was.orangePercent) {
    out.thresholds = { yellow: fromPercent(v.yellowPercent), orange: fromPercent(v.orangePercent) };
  }
  const periods = v.periods.map((p) => ({ start: p.start.trim(), end: p.end.trim() }));
  if (JSON.stringify(periods) !== JSON.stringify(was.periods)) out.workingHours = { periods };
  if (v.escalateAfterMinutes !== was.escalateAfterMinutes || v.maxEscalations !== was.maxEscalations) {
    out.supervision = { escalateAfterMinutes: v.escalateAfterMinutes, maxEscalations: v.maxEscalations };
  }
  return out;
}

/** Where an API refusal of the rules points: `rules[2].sign` (domain) or `rules.2.sign.amount` (schema). */
export function ruleErrorTarget(field: string | undefined): { index: number; part: 'sign' | 'reply' | null } | null {
  const m = /^\/?rules(?:\[(\d+)\]|[./](\d+))(?:[./](sign|reply))?/.exec(field ?? '');
  if (!m) return null;
  return { index: Number(m[1] ?? m[2]), part: (m[3] as 'sign' | 'reply' | undefined) ?? null };
}

/** Minutes of office time in a day, or null when a period is not `HH:mm`–`HH:mm` with the end after the start. */
export function workingMinutes(periods: readonly { start: string; end: string }[]): number | null {
  let total = 0;
  for (const p of periods) {
    const a = hhmm(p.start);
    const b = hhmm(p.end);
    if (a === null || b === null || b <= a) return null;
    total += b - a;
  }
  return total;
}

function hhmm(s: string | undefined): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec((s ?? '').trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 24 && min <= 59 && h * 60 + min <= 24 * 60 ? h * 60 + min : null;
}

// ---------------------------------------------------------------------------------------------------------
// Versions: what changed from one to the next

export type VersionChange =
  | { kind: 'calendar'; addedHolidays: string[]; addedWorkdays: string[]; removed: string[]; names: { date: string; name: string | null }[] }
  | { kind: 'rule'; urgency: Urgency; part: 'sign' | 'reply'; before: DeadlineLimit; after: DeadlineLimit }
  | { kind: 'specificRules'; before: number; after: number }
  | { kind: 'thresholds'; before: WarningThresholds; after: WarningThresholds }
  | { kind: 'workingHours'; before: WorkingHoursConfig; after: WorkingHoursConfig }
  | { kind: 'supervision'; before: SupervisionPolicy; after: SupervisionPolicy };

export function versionChanges(previous: DeadlineSettings | undefined, current: DeadlineSettings): VersionChange[] {
  if (!previous) return [];
  const out: VersionChange[] = [];
  const before = defaultRules(previous.rules);
  const after = defaultRules(current.rules);
  after.forEach((r, i) => {
    const b = before[i];
    if (!b) return;
    for (const part of ['sign', 'reply'] as const) if (!sameLimit(b[part], r[part])) out.push({ kind: 'rule', urgency: r.urgency, part, before: b[part], after: r[part] });
  });
  const specificBefore = specificRules(previous.rules);
  const specificAfter = specificRules(current.rules);
  if (JSON.stringify(specificBefore) !== JSON.stringify(specificAfter)) out.push({ kind: 'specificRules', before: specificBefore.length, after: specificAfter.length });
  if (previous.thresholds.yellow !== current.thresholds.yellow || previous.thresholds.orange !== current.thresholds.orange) {
    out.push({ kind: 'thresholds', before: previous.thresholds, after: current.thresholds });
  }
  if (JSON.stringify(previous.workingHours.periods) !== JSON.stringify(current.workingHours.periods)) {
    out.push({ kind: 'workingHours', before: previous.workingHours, after: current.workingHours });
  }
  const pending = pendingChanges(previous.calendarOverrides, draftOf(current.calendarOverrides));
  if (pending.length) {
    out.push({
      kind: 'calendar',
      addedHolidays: pending.filter((p) => p.to === 'holiday' && p.from !== 'holiday').map((p) => p.date),
      addedWorkdays: pending.filter((p) => p.to === 'workday' && p.from !== 'workday').map((p) => p.date),
      removed: pending.filter((p) => p.to === null).map((p) => p.date),
      // a name given, changed or removed on a day that stays local (a removed day's name goes with it)
      names: pending.filter((p) => p.to !== null && p.toName !== p.fromName).map((p) => ({ date: p.date, name: p.toName })),
    });
  }
  if (
    previous.supervision.escalateAfterMinutes !== current.supervision.escalateAfterMinutes ||
    previous.supervision.maxEscalations !== current.supervision.maxEscalations
  ) {
    out.push({ kind: 'supervision', before: previous.supervision, after: current.supervision });
  }
  return out;
}

export function formatPeriods(w: WorkingHoursConfig, lang: 'zh' | 'en'): string {
  return w.periods.map((p) => `${p.start}–${p.end}`).join(lang === 'zh' ? '、' : ', ');
}

/** Suggested tags for emergency response; any other tag may be typed. */
export const EMERGENCY_TAGS = ['涉疫', '防汛', '防台风', '雨雪冰冻', '高温', '安全生产'] as const;
