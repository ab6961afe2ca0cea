import { describe, expect, it } from 'vitest';
import type { CalendarDay } from '../../../../src/modules/deadlines/domain/calendar-year';
import {
  applyDraft,
  countDays,
  dayLabel,
  deadlinesFormValues,
  deadlinesPatch,
  defaultRules,
  draftOf,
  formatDay,
  formatDayRanges,
  monthHolidays,
  monthWeeks,
  overridesBody,
  pendingChanges,
  ruleErrorTarget,
  setName,
  setOverride,
  specificRules,
  versionChanges,
  workingMinutes,
  yearFromSearch,
  yearOptions,
  type OverrideDraft,
  type DeadlineSettings,
} from './deadlines';
import { fieldLabel } from '../../shell/errors';
import { mayOpen, menuFor } from '../../shell/registry';

const day = (date: string, weekday: number, over: Partial<CalendarDay> = {}): CalendarDay => ({
  date,
  weekday,
  kind: weekday === 0 || weekday === 6 ? 'rest' : 'workday',
  source: 'weekly',
  workday: !(weekday === 0 || weekday === 6),
  name: null,
  nameEn: null,
  baseName: null,
  baseNameEn: null,
  baseKind: weekday === 0 || weekday === 6 ? 'rest' : 'workday',
  baseSource: 'weekly',
  override: null,
  ...over,
});

/** October 2025 as the API sends it: 1–8 off (国庆节), Sat 11 a make-up workday, the rest by the week. */
function october2025(): CalendarDay[] {
  const out: CalendarDay[] = [];
  for (let d = 1; d <= 31; d++) {
    const date = `2025-10-${String(d).padStart(2, '0')}`;
    const weekday = (3 + d - 1) % 7; // 1 Oct 2025 was a Wednesday
    if (d <= 8) out.push(day(date, weekday, { kind: 'holiday', source: 'national', workday: false, name: '国庆节', nameEn: 'National Day', baseName: '国庆节', baseNameEn: 'National Day', baseKind: 'holiday', baseSource: 'national' }));
    else if (d === 11) out.push(day(date, weekday, { kind: 'makeup_workday', source: 'national', workday: true, name: '国庆节', nameEn: 'National Day', baseName: '国庆节', baseNameEn: 'National Day', baseKind: 'makeup_workday', baseSource: 'national' }));
    else out.push(day(date, weekday));
  }
  return out;
}

const SETTINGS: DeadlineSettings = {
  version: 3,
  rules: [
    { urgency: 'normal', categoryPrefix: null, unitId: null, sign: { amount: 1, unit: 'working_days' }, reply: { amount: 5, unit: 'working_days' } },
    { urgency: 'normal', categoryPrefix: '01', unitId: null, sign: { amount: 2, unit: 'working_hours' }, reply: { amount: 3, unit: 'working_days' } },
    { urgency: 'emergency', categoryPrefix: null, unitId: null, sign: { amount: 1, unit: 'calendar_hours' }, reply: { amount: 24, unit: 'calendar_hours' } },
  ],
  thresholds: { yellow: 0.6, orange: 0.85 },
  workingHours: { periods: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }] },
  calendarOverrides: { holidays: ['2025-10-17'], workdays: ['2025-10-08'], names: {} },
  supervision: { escalateAfterMinutes: 240, maxEscalations: 3 },
  note: null,
  createdAt: '2025-10-01T02:00:00.000Z',
  createdBy: 'u1',
  createdByName: '系统管理员',
};

describe('the year view', () => {
  it('lays a month out in weeks, Monday first', () => {
    const weeks = monthWeeks(october2025(), 10);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]?.map((d) => d?.date.slice(8) ?? null)).toEqual([null, null, '01', '02', '03', '04', '05']);
    expect(weeks[4]?.map((d) => d?.date.slice(8) ?? null)).toEqual(['27', '28', '29', '30', '31', null, null]);
    expect(monthWeeks(october2025(), 11)).toEqual([]);
  });

  it('lists the national holidays of a month with their days off and make-up workdays', () => {
    expect(monthHolidays(october2025(), 10)).toEqual([{ name: '国庆节', nameEn: 'National Day', local: false, off: [[1, 8]], work: [11] }]);
    expect(formatDayRanges([[1, 8]], 'zh')).toBe('1–8日');
    expect(formatDayRanges([[1, 3], [5, 5]], 'en')).toBe('1–3, 5');
  });

  it('names days by kind and source, and dates in both languages', () => {
    expect(dayLabel('holiday', 'national')).toBe('holiday');
    expect(dayLabel('holiday', 'local')).toBe('localHoliday');
    expect(dayLabel('makeup_workday', 'local')).toBe('localWorkday');
    expect(dayLabel('workday', 'local')).toBe('localWorkday');
    expect(dayLabel('rest', 'weekly')).toBe('rest');
    expect(formatDay('2027-10-08', 5, 'zh')).toBe('2027年10月8日 星期五');
    expect(formatDay('2027-10-08', 5, 'en')).toBe('Fri 8 Oct 2027');
  });

  it('offers the years of the national data up to two years ahead, and reads the year from the address', () => {
    const years = yearOptions([2004, 2005, 2026], 2026);
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBe(2028);
    expect(yearFromSearch('?year=2027')).toBe(2027);
    expect(yearFromSearch('?year=1999')).toBeNull();
    expect(yearFromSearch('?year=20x7')).toBeNull();
    expect(yearFromSearch('')).toBeNull();
  });
});

describe('unsaved calendar changes', () => {
  it('given the saved overrides, when the admin marks and clears days, then the pending changes and the PUT lists follow', () => {
    let draft = draftOf(SETTINGS.calendarOverrides);
    draft = setOverride(draft, '2027-10-08', 'holiday');
    draft = setOverride(draft, '2027-10-09', 'workday');
    draft = setOverride(draft, '2025-10-17', null);
    expect(pendingChanges(SETTINGS.calendarOverrides, draft)).toEqual([
      { date: '2025-10-17', from: 'holiday', to: null, fromName: null, toName: null },
      { date: '2027-10-08', from: null, to: 'holiday', fromName: null, toName: null },
      { date: '2027-10-09', from: null, to: 'workday', fromName: null, toName: null },
    ]);
    // The API replaces the lists: every year's days go, sorted, the 2025 workday kept.
    expect(overridesBody(draft)).toEqual({ holidays: ['2027-10-08'], workdays: ['2025-10-08', '2027-10-09'], names: {} });
  });

  it('given named local days, when the admin names, renames and clears them, then the changes and the PUT names follow', () => {
    const saved = { holidays: ['2027-01-01', '2027-02-08'], workdays: ['2027-02-06'], names: { '2027-01-01': '元旦', '2027-02-08': '春节' } };
    let draft: OverrideDraft = draftOf(saved);
    expect(draft.get('2027-01-01')).toEqual({ override: 'holiday', name: '元旦' });
    draft = setOverride(draft, '2027-10-01', 'holiday', ' 国庆节 '); // marked with a name typed
    draft = setName(draft, '2027-02-06', '春节调休'); // a saved day named
    draft = setName(draft, '2027-02-08', '  '); // a name removed
    draft = setOverride(draft, '2027-01-01', 'workday'); // the kind changed, the name kept
    expect(setName(draft, '2027-03-01', '无此日')).toBe(draft); // a day without an override has no name
    expect(pendingChanges(saved, draft)).toEqual([
      { date: '2027-01-01', from: 'holiday', to: 'workday', fromName: '元旦', toName: '元旦' },
      { date: '2027-02-06', from: 'workday', to: 'workday', fromName: null, toName: '春节调休' },
      { date: '2027-02-08', from: 'holiday', to: 'holiday', fromName: '春节', toName: null },
      { date: '2027-10-01', from: null, to: 'holiday', fromName: null, toName: '国庆节' },
    ]);
    expect(overridesBody(draft)).toEqual({
      holidays: ['2027-02-08', '2027-10-01'],
      workdays: ['2027-01-01', '2027-02-06'],
      names: { '2027-01-01': '元旦', '2027-02-06': '春节调休', '2027-10-01': '国庆节' },
    });
    // clearing a day drops its name; a version without names reads as none
    expect(setOverride(draft, '2027-10-01', null).get('2027-10-01')).toBeUndefined();
    expect(draftOf({ holidays: ['2027-01-01'], workdays: [], names: {} }).get('2027-01-01')).toEqual({ override: 'holiday', name: null });
  });

  it('shows local names on the days and in the month list like national ones, pending until saved', () => {
    const days = october2025();
    const draft = setOverride(setOverride(draftOf({ holidays: [], workdays: [], names: {} }), '2025-10-17', 'holiday', '市庆日'), '2025-10-18', 'workday', '市庆日');
    const shown = applyDraft(days, setOverride(draft, '2025-10-08', 'workday', '国庆调休取消'));
    const d = (date: string) => shown.find((x) => x.date === date);
    expect(d('2025-10-17')).toMatchObject({ name: '市庆日', nameEn: '市庆日', localName: '市庆日', pending: true });
    expect(d('2025-10-08')).toMatchObject({ kind: 'workday', name: '国庆调休取消', localName: '国庆调休取消' });
    expect(d('2025-10-01')).toMatchObject({ name: '国庆节', localName: null, pending: false });
    // the renamed 8 Oct leaves the national break's list for its own name
    expect(monthHolidays(shown, 10)).toEqual([
      { name: '国庆节', nameEn: 'National Day', local: false, off: [[1, 7]], work: [11] },
      { name: '国庆调休取消', nameEn: '国庆调休取消', local: true, off: [], work: [8] },
      { name: '市庆日', nameEn: '市庆日', local: true, off: [[17, 17]], work: [18] },
    ]);
    // once saved, the API sends the name: the day is no longer pending
    const savedDay = { ...days.find((x) => x.date === '2025-10-17')!, kind: 'holiday' as const, source: 'local' as const, workday: false, override: 'holiday' as const, name: '市庆日', nameEn: '市庆日' };
    expect(applyDraft([savedDay], draft)[0]).toMatchObject({ pending: false, localName: '市庆日' });
    expect(applyDraft([savedDay], setName(draft, '2025-10-17', '市庆'))[0]).toMatchObject({ pending: true, name: '市庆' });
  });

  it('a change undone is no longer pending', () => {
    const draft = setOverride(setOverride(draftOf(SETTINGS.calendarOverrides), '2027-10-08', 'holiday'), '2027-10-08', null);
    expect(pendingChanges(SETTINGS.calendarOverrides, draft)).toEqual([]);
  });

  it('shows the days as the draft makes them, marked pending, and counts them', () => {
    const days = october2025();
    const draft = draftOf({ holidays: ['2025-10-17', '2025-10-11'], workdays: ['2025-10-08', '2025-10-18'], names: {} });
    const shown = applyDraft(days, draft);
    const d = (date: string) => shown.find((x) => x.date === date);
    expect(d('2025-10-17')).toMatchObject({ kind: 'holiday', source: 'local', override: 'holiday', workday: false, pending: true });
    expect(d('2025-10-11')).toMatchObject({ kind: 'holiday', source: 'local', name: '国庆节', pending: true });
    expect(d('2025-10-08')).toMatchObject({ kind: 'workday', source: 'local', workday: true, pending: true });
    expect(d('2025-10-18')).toMatchObject({ kind: 'makeup_workday', source: 'local', pending: true });
    expect(d('2025-10-20')).toMatchObject({ kind: 'workday', pending: false });
    const counts = countDays(shown);
    expect(counts).toMatchObject({ local: 4, holiday: 9, makeup_workday: 1 });
    // Removing an override the server sent shows the day as the national data has it.
    const saved = applyDraft(days, draft).map((x) => ({ ...x, pending: false }));
    const cleared = applyDraft(saved, new Map());
    expect(cleared.find((x) => x.date === '2025-10-11')).toMatchObject({ kind: 'makeup_workday', source: 'national', pending: true });
  });
});

describe('the deadlines form', () => {
  it('shows the default rule of each urgency, most urgent first, the built-in one where the policy has none', () => {
    expect(defaultRules(SETTINGS.rules).map((r) => [r.urgency, r.sign.amount, r.sign.unit])).toEqual([
      ['emergency', 1, 'calendar_hours'],
      ['urgent', 4, 'working_hours'],
      ['normal', 1, 'working_days'],
    ]);
    expect(specificRules(SETTINGS.rules)).toHaveLength(1);
    expect(deadlinesFormValues(SETTINGS)).toMatchObject({ yellowPercent: 60, orangePercent: 85, escalateAfterMinutes: 240, maxEscalations: 3 });
  });

  it('sends nothing when nothing changed', () => {
    expect(deadlinesPatch(SETTINGS, deadlinesFormValues(SETTINGS))).toEqual({});
  });

  it('sends only the changed sections; rules go whole, defaults first, category and unit rules kept', () => {
    const v = deadlinesFormValues(SETTINGS);
    v.defaults[1] = { urgency: 'urgent', sign: { amount: 2, unit: 'working_hours' }, reply: { amount: 2, unit: 'working_days' } };
    v.yellowPercent = 50;
    const patch = deadlinesPatch(SETTINGS, v);
    expect(Object.keys(patch).sort()).toEqual(['rules', 'thresholds']);
    expect(patch.thresholds).toEqual({ yellow: 0.5, orange: 0.85 });
    expect(patch.rules?.map((r) => [r.urgency, r.categoryPrefix, r.sign.amount])).toEqual([
      ['emergency', null, 1],
      ['urgent', null, 2],
      ['normal', null, 1],
      ['normal', '01', 2],
    ]);
  });

  it('sends office hours and supervision when they change', () => {
    const v = deadlinesFormValues(SETTINGS);
    v.periods = [{ start: '08:30', end: '12:00 ' }];
    v.maxEscalations = 5;
    expect(deadlinesPatch(SETTINGS, v)).toEqual({
      workingHours: { periods: [{ start: '08:30', end: '12:00' }] },
      supervision: { escalateAfterMinutes: 240, maxEscalations: 5 },
    });
    expect(workingMinutes(SETTINGS.workingHours.periods)).toBe(420);
    expect(workingMinutes([{ start: '12:00', end: '09:00' }])).toBeNull();
    expect(workingMinutes([{ start: '9:00', end: '12:00' }])).toBeNull();
  });

  it('finds the rule row an API refusal names, in the domain and the schema spellings', () => {
    expect(ruleErrorTarget('rules[2].sign')).toEqual({ index: 2, part: 'sign' });
    expect(ruleErrorTarget('rules.0.reply.amount')).toEqual({ index: 0, part: 'reply' });
    expect(ruleErrorTarget('/rules/1/sign/amount')).toEqual({ index: 1, part: 'sign' });
    expect(ruleErrorTarget('rules[4]')).toEqual({ index: 4, part: null });
    expect(ruleErrorTarget('thresholds')).toBeNull();
    expect(ruleErrorTarget(undefined)).toBeNull();
  });

  it('labels the settings fields the API names', () => {
    expect(fieldLabel('zh', 'rules[2].sign')).toBe('签收时限');
    expect(fieldLabel('zh', 'rules.0.reply.amount')).toBe('答复时限');
    expect(fieldLabel('zh', 'thresholds')).toBe('三色预警');
    expect(fieldLabel('en', 'calendarOverrides')).toBe('Local calendar days');
    expect(fieldLabel('zh', 'supervision.maxEscalations')).toBe('最多升级次数');
    expect(fieldLabel('zh', 'year')).toBe('年份');
  });
});

describe('what changed between versions', () => {
  it('lists rule, threshold, office-hour, calendar and supervision changes', () => {
    const next: DeadlineSettings = {
      ...SETTINGS,
      version: 4,
      rules: [
        { urgency: 'normal', categoryPrefix: null, unitId: null, sign: { amount: 1, unit: 'working_days' }, reply: { amount: 4, unit: 'working_days' } },
        { urgency: 'emergency', categoryPrefix: null, unitId: null, sign: { amount: 1, unit: 'calendar_hours' }, reply: { amount: 24, unit: 'calendar_hours' } },
      ],
      thresholds: { yellow: 0.5, orange: 0.85 },
      workingHours: { periods: [{ start: '08:30', end: '12:00' }] },
      calendarOverrides: { holidays: ['2027-10-08'], workdays: ['2025-10-08', '2027-10-09'], names: {} },
      supervision: { escalateAfterMinutes: 120, maxEscalations: 3 },
    };
    expect(versionChanges(SETTINGS, next)).toEqual([
      { kind: 'rule', urgency: 'normal', part: 'reply', before: { amount: 5, unit: 'working_days' }, after: { amount: 4, unit: 'working_days' } },
      { kind: 'specificRules', before: 1, after: 0 },
      { kind: 'thresholds', before: { yellow: 0.6, orange: 0.85 }, after: { yellow: 0.5, orange: 0.85 } },
      { kind: 'workingHours', before: SETTINGS.workingHours, after: next.workingHours },
      { kind: 'calendar', addedHolidays: ['2027-10-08'], addedWorkdays: ['2027-10-09'], removed: ['2025-10-17'], names: [] },
      { kind: 'supervision', before: SETTINGS.supervision, after: next.supervision },
    ]);
    expect(versionChanges(SETTINGS, { ...SETTINGS, version: 4, note: 'only a note' })).toEqual([]);
    // names given, changed or removed on days that stay; a day removed takes its name along unmentioned
    const named = { ...SETTINGS, calendarOverrides: { holidays: ['2025-10-17', '2027-01-01'], workdays: ['2025-10-08'], names: { '2025-10-17': '市庆日', '2025-10-08': '调休' } } };
    const renamed = { ...SETTINGS, version: 4, calendarOverrides: { holidays: ['2025-10-17', '2027-01-01'], workdays: [], names: { '2025-10-17': '市庆', '2027-01-01': '元旦' } } };
    expect(versionChanges(named, renamed)).toEqual([
      {
        kind: 'calendar',
        addedHolidays: [],
        addedWorkdays: [],
        removed: ['2025-10-08'],
        names: [
          { date: '2025-10-17', name: '市庆' },
          { date: '2027-01-01', name: '元旦' },
        ],
      },
    ]);
    expect(versionChanges(renamed, { ...renamed, calendarOverrides: { ...renamed.calendarOverrides, names: {} } })).toEqual([
      { kind: 'calendar', addedHolidays: [], addedWorkdays: [], removed: [], names: [{ date: '2025-10-17', name: null }, { date: '2027-01-01', name: null }] },
    ]);
    expect(versionChanges(undefined, SETTINGS)).toEqual([]);
  });
});

describe('the menu', () => {
  it('offers 时限与日历 to the admin, supervisors and leaders only', () => {
    for (const role of ['admin', 'supervisor', 'leader'] as const) expect(menuFor([role]), role).toContain('/deadlines');
    for (const role of ['agent', 'dispatcher', 'unit_handler', 'citizen'] as const) expect(mayOpen([role], '/deadlines'), role).toBe(false);
  });
});
