import { describe, expect, it } from 'vitest';
import { datesOfYear } from '../domain/calendar-year';
import { calendarCoverageWarning, chinaWorkingCalendar, parseFestivalName, statutoryCalendar, workingCalendarYear } from './chinese-days-calendar';

describe('the chinese-days adapter', () => {
  it.each([
    ['2025-09-28', true, 'Sunday make-up workday before National Day'],
    ['2025-09-30', true, 'ordinary Tuesday'],
    ['2025-10-01', false, 'National Day'],
    ['2025-10-08', false, 'last day of the 2025 National Day break'],
    ['2025-10-11', true, 'Saturday make-up workday'],
    ['2025-10-12', false, 'ordinary Sunday'],
    ['2026-01-01', false, "New Year's Day 2026"],
    ['2026-02-14', true, 'Saturday make-up workday before Spring Festival 2026'],
    ['2026-02-16', false, 'Spring Festival 2026'],
  ])('%s is a workday: %s (%s)', (ymd, expected) => {
    expect(chinaWorkingCalendar().isWorkday(ymd)).toBe(expected);
  });

  it('reports which years the package covers', () => {
    const years = statutoryCalendar().coveredYears;
    expect(years).toContain(2025);
    expect(years[0]).toBe(2004);
  });

  it('lets local overrides win over the national data', () => {
    const cal = chinaWorkingCalendar({ holidays: ['2025-10-11', '2025-09-30'], workdays: ['2025-10-08'] });
    expect(cal.isWorkday('2025-10-11')).toBe(false);
    expect(cal.isWorkday('2025-09-30')).toBe(false);
    expect(cal.isWorkday('2025-10-08')).toBe(true);
  });

  it('warns when next year is not covered yet', () => {
    expect(calendarCoverageWarning(new Date('2025-06-01T00:00:00Z'))).toBeNull(); // 2026 is in the data
    expect(calendarCoverageWarning(new Date('2040-06-01T00:00:00Z'))).toMatch(/2041/);
  });

  it('names the holidays the package names, and their make-up workdays', () => {
    expect(parseFestivalName('National Day,国庆节,3')).toEqual({ name: '国庆节', nameEn: 'National Day' });
    expect(parseFestivalName('Friday')).toBeNull();
    const year = workingCalendarYear(2026);
    const day = (d: string) => year.days.find((x) => x.date === d);
    expect(year.covered).toBe(true);
    expect(day('2026-01-01')).toMatchObject({ kind: 'holiday', source: 'national', name: '元旦', nameEn: "New Year's Day" });
    expect(day('2026-02-14')).toMatchObject({ kind: 'makeup_workday', source: 'national', name: '春节', nameEn: 'Spring Festival' });
    expect(day('2026-02-15')).toMatchObject({ weekday: 0, kind: 'holiday', name: '春节' }); // a Sunday inside the break
    expect(day('2026-06-19')).toMatchObject({ kind: 'holiday', name: '端午' });
    expect(day('2026-03-02')).toMatchObject({ kind: 'workday', source: 'weekly', name: null });
  });

  it('has no 2027 data in chinese-days 1.5.7: 2027 is Monday–Friday until local overrides say otherwise', () => {
    const year = workingCalendarYear(2027, { holidays: ['2027-01-01'], workdays: [] });
    expect(year.covered).toBe(false);
    expect(year.days.filter((d) => d.source === 'national')).toEqual([]);
    expect(year.days[0]).toMatchObject({ date: '2027-01-01', kind: 'holiday', source: 'local', baseKind: 'workday' });
  });

  it('gives every day of 2004–2027 the workday the deadline engine uses, with and without overrides', () => {
    const overrides = { holidays: ['2025-10-11', '2025-10-17', '2027-02-08'], workdays: ['2025-10-08', '2027-02-06'] };
    for (const o of [undefined, overrides]) {
      const engine = chinaWorkingCalendar(o);
      for (let y = 2004; y <= 2027; y++) {
        const days = workingCalendarYear(y, o).days;
        expect(days.map((d) => d.date)).toEqual(datesOfYear(y));
        const wrong = days.filter((d) => d.workday !== engine.isWorkday(d.date)).map((d) => d.date);
        expect(wrong, String(y)).toEqual([]);
      }
    }
  });
});
