import { describe, expect, it } from 'vitest';
import { calendarCoverageWarning, chinaWorkingCalendar, statutoryCalendar } from './chinese-days-calendar';

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
});
