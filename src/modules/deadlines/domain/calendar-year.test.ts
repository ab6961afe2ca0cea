import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from './working-calendar';
import { calendarYear, datesOfYear, dayKindOf, withOverride, type LocalOverride, type NationalCalendar, type NationalDay } from './calendar-year';

// A small national data set in the shape the adapter gives: a 2025 National Day break (1–8 Oct, Sat 4 and
// Sun 5 inside it) with its make-up workdays Sun 28 Sep and Sat 11 Oct.
const NATIONAL_DAY: NationalDay = { work: false, name: '国庆节', nameEn: 'National Day' };
const national: NationalCalendar = {
  coveredYears: [2025],
  days: new Map<string, NationalDay>([
    ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => [`2025-10-${d}`, NATIONAL_DAY] as const),
    ['2025-09-28', { ...NATIONAL_DAY, work: true }],
    ['2025-10-11', { ...NATIONAL_DAY, work: true }],
  ]),
};

describe('the kind of a day', () => {
  it.each([
    // weekday (0 = Sun), national data, local override → kind, source
    [2, null, null, 'workday', 'weekly'],
    [6, null, null, 'rest', 'weekly'],
    [0, null, null, 'rest', 'weekly'],
    [3, { work: false }, null, 'holiday', 'national'],
    [6, { work: false }, null, 'holiday', 'national'], // a Saturday inside a holiday break
    [0, { work: true }, null, 'makeup_workday', 'national'],
    [5, null, 'holiday', 'holiday', 'local'],
    [6, null, 'workday', 'makeup_workday', 'local'],
    [3, { work: false }, 'workday', 'workday', 'local'], // the city works on a national holiday
    [6, { work: true }, 'holiday', 'holiday', 'local'], // and rests on a national make-up Saturday
  ] as const)('given weekday %i, national %j and override %s: %s from %s', (weekday, nat, override, kind, source) => {
    expect(dayKindOf(weekday, nat, override)).toEqual({ kind, source });
  });
});

describe('the calendar of a year', () => {
  it('lists every day, 365 or 366 of them', () => {
    expect(datesOfYear(2025)).toHaveLength(365);
    expect(datesOfYear(2028)).toHaveLength(366);
    expect(datesOfYear(2027)[0]).toBe('2027-01-01');
    expect(datesOfYear(2027).at(-1)).toBe('2027-12-31');
  });

  it('names national holidays and make-up workdays, and marks the weekly pattern elsewhere', () => {
    const year = calendarYear(2025, national);
    const day = (d: string) => year.days.find((x) => x.date === d);
    expect(year.covered).toBe(true);
    expect(day('2025-10-01')).toMatchObject({ weekday: 3, kind: 'holiday', source: 'national', workday: false, name: '国庆节', nameEn: 'National Day', override: null });
    expect(day('2025-10-04')).toMatchObject({ kind: 'holiday', source: 'national', name: '国庆节' });
    expect(day('2025-09-28')).toMatchObject({ weekday: 0, kind: 'makeup_workday', source: 'national', workday: true, name: '国庆节' });
    expect(day('2025-10-12')).toMatchObject({ kind: 'rest', source: 'weekly', workday: false, name: null });
    expect(day('2025-09-30')).toMatchObject({ kind: 'workday', source: 'weekly', workday: true, name: null });
  });

  it('applies local overrides over the national data and keeps what removing them returns to', () => {
    const year = calendarYear(2025, national, { holidays: ['2025-10-17', '2025-10-11'], workdays: ['2025-10-08', '2025-10-18'] });
    const day = (d: string) => year.days.find((x) => x.date === d);
    expect(day('2025-10-17')).toMatchObject({ kind: 'holiday', source: 'local', override: 'holiday', baseKind: 'workday', baseSource: 'weekly' });
    expect(day('2025-10-11')).toMatchObject({ kind: 'holiday', source: 'local', baseKind: 'makeup_workday', baseSource: 'national', name: '国庆节' });
    expect(day('2025-10-08')).toMatchObject({ kind: 'workday', source: 'local', workday: true, baseKind: 'holiday', baseSource: 'national' });
    expect(day('2025-10-18')).toMatchObject({ kind: 'makeup_workday', source: 'local', baseKind: 'rest' });
    expect(year.totals.local).toBe(4);
  });

  it('names overridden days with their local names, over the national name, and keeps the national one as the base', () => {
    const year = calendarYear(2025, national, {
      holidays: ['2025-10-17', '2025-10-11', '2025-10-24'],
      workdays: ['2025-10-18'],
      names: { '2025-10-17': '市庆', '2025-10-11': '国庆调休取消', '2025-10-18': '市庆调休' },
    });
    const day = (d: string) => year.days.find((x) => x.date === d);
    expect(day('2025-10-17')).toMatchObject({ source: 'local', name: '市庆', nameEn: '市庆', baseName: null, baseNameEn: null });
    expect(day('2025-10-18')).toMatchObject({ kind: 'makeup_workday', source: 'local', name: '市庆调休', nameEn: '市庆调休' });
    expect(day('2025-10-11')).toMatchObject({ source: 'local', name: '国庆调休取消', nameEn: '国庆调休取消', baseName: '国庆节', baseNameEn: 'National Day' });
    // an override without a name keeps the national name; a plain local day has none
    expect(day('2025-10-24')).toMatchObject({ source: 'local', name: null, nameEn: null });
    expect(day('2025-10-01')).toMatchObject({ name: '国庆节', baseName: '国庆节', baseNameEn: 'National Day' });
  });

  it('ignores a name on a day without an override', () => {
    const year = calendarYear(2025, national, { holidays: [], workdays: [], names: { '2025-10-17': '市庆', '2025-10-01': '别名' } });
    expect(year.days.find((d) => d.date === '2025-10-17')).toMatchObject({ name: null, override: null });
    expect(year.days.find((d) => d.date === '2025-10-01')).toMatchObject({ name: '国庆节', nameEn: 'National Day' });
  });

  it('counts the days of each kind', () => {
    const { totals, days } = calendarYear(2025, national);
    expect(totals).toEqual({ workday: 255, rest: 100, holiday: 8, makeup_workday: 2, local: 0 });
    expect(totals.workday + totals.rest + totals.holiday + totals.makeup_workday).toBe(days.length);
  });

  it('says when the national data does not cover the year', () => {
    const year = calendarYear(2027, national);
    expect(year.covered).toBe(false);
    expect(year.days.every((d) => d.source === 'weekly')).toBe(true);
  });

  it('agrees with the working calendar the deadline engine uses, day by day', () => {
    const overrides = { holidays: ['2025-10-17', '2025-10-11', '2025-10-25'], workdays: ['2025-10-08', '2025-10-18'] };
    const statutory = { holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'], workdays: ['2025-09-28', '2025-10-11'] };
    const engine = buildWorkingCalendar(statutory, overrides);
    for (const d of calendarYear(2025, national, overrides).days) expect(d.workday, d.date).toBe(engine.isWorkday(d.date));
  });

  it('tells what a day becomes with another override, as the console shows unsaved changes', () => {
    const overrides = { holidays: ['2025-10-17', '2025-10-11'], workdays: ['2025-10-08'] };
    const year = calendarYear(2025, national, overrides);
    for (const day of year.days.filter((d) => ['2025-10-01', '2025-10-08', '2025-10-11', '2025-10-12', '2025-10-17', '2025-09-28'].includes(d.date))) {
      expect(withOverride(day, day.override)).toEqual({ kind: day.kind, source: day.source });
      expect(withOverride(day, null)).toEqual({ kind: day.baseKind, source: day.baseSource });
      for (const o of ['holiday', 'workday'] as LocalOverride[]) {
        const holidays = o === 'holiday' ? [day.date] : [];
        const expected = calendarYear(2025, national, { holidays, workdays: o === 'workday' ? [day.date] : [] }).days.find((d) => d.date === day.date);
        expect(withOverride(day, o), `${day.date} ${o}`).toEqual({ kind: expected?.kind, source: 'local' });
      }
    }
  });
});
