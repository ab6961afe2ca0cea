import { describe, expect, it } from 'vitest';
import { isYmd, normaliseCalendarOverrides, OVERRIDE_NAME_MAX, storedCalendarOverrides, validateCalendarOverrides, type CalendarOverrides } from './calendar-overrides';

const NEW_YEAR_2027 = { holidays: ['2027-01-01'], workdays: ['2027-02-06'] };

describe('local days and their names: validation', () => {
  it('accepts days without names, and names for listed days', () => {
    expect(validateCalendarOverrides(NEW_YEAR_2027)).toEqual([]);
    expect(validateCalendarOverrides({ ...NEW_YEAR_2027, names: { '2027-01-01': '元旦', '2027-02-06': '春节调休' } })).toEqual([]);
    expect(validateCalendarOverrides({ ...NEW_YEAR_2027, names: { '2027-01-01': '一'.repeat(OVERRIDE_NAME_MAX) } })).toEqual([]);
    expect(validateCalendarOverrides({ ...NEW_YEAR_2027, names: { '2027-01-01': '  元旦  ' } })).toEqual([]);
  });

  it.each([
    // given names, then the field and a word of the message
    [{ '2027-01-02': '元旦' }, 'calendarOverrides.names.2027-01-02', 'neither holidays nor workdays'],
    [{ '2027-01-01': '' }, 'calendarOverrides.names.2027-01-01', 'empty'],
    [{ '2027-01-01': '   ' }, 'calendarOverrides.names.2027-01-01', 'empty'],
    [{ '2027-01-01': '一'.repeat(OVERRIDE_NAME_MAX + 1) }, 'calendarOverrides.names.2027-01-01', 'longer than 20'],
    [{ '2027-01-01': '元\n旦' }, 'calendarOverrides.names.2027-01-01', 'control character'],
    [{ '2027-1-1': '元旦' }, 'calendarOverrides.names.2027-1-1', 'YYYY-MM-DD'],
    [{ '2027-02-30': '元旦' }, 'calendarOverrides.names.2027-02-30', 'YYYY-MM-DD'],
  ])('given names %j, then %s is refused (%s)', (names, field, words) => {
    const [problem, ...more] = validateCalendarOverrides({ ...NEW_YEAR_2027, names });
    expect(more).toEqual([]);
    expect(problem?.field).toBe(field);
    expect(problem?.message).toContain(words);
  });

  it('refuses dates that are not real days, and a day both off and worked', () => {
    expect(validateCalendarOverrides({ holidays: ['2027-01-01', '2027-02-29'], workdays: [] })).toEqual([
      { field: 'calendarOverrides.holidays[1]', message: 'not a YYYY-MM-DD date: 2027-02-29' },
    ]);
    expect(validateCalendarOverrides({ holidays: [], workdays: ['2027/01/01'] })[0]?.field).toBe('calendarOverrides.workdays[0]');
    expect(validateCalendarOverrides({ holidays: ['2027-01-01'], workdays: ['2027-01-01'] })).toEqual([
      { field: 'calendarOverrides', message: '2027-01-01 cannot be both a holiday and a workday' },
    ]);
  });

  it('knows real dates', () => {
    expect(['2028-02-29', '2027-12-31', '2004-01-01'].every(isYmd)).toBe(true);
    expect(['2027-02-29', '2027-13-01', '2027-00-10', '27-01-01', '2027-01-01T00:00'].some(isYmd)).toBe(false);
  });
});

describe('local days and their names: what a new version stores', () => {
  const current: CalendarOverrides = { holidays: ['2027-01-01', '2027-02-08'], workdays: ['2027-02-06'], names: { '2027-01-01': '元旦', '2027-02-06': '春节' } };

  it('sorts and deduplicates dates, trims names and keeps them in date order', () => {
    expect(normaliseCalendarOverrides({ holidays: ['2027-02-08', '2027-01-01', '2027-02-08'], workdays: [], names: { '2027-02-08': ' 春节 ', '2027-01-01': '元旦' } })).toEqual({
      holidays: ['2027-01-01', '2027-02-08'],
      workdays: [],
      names: { '2027-01-01': '元旦', '2027-02-08': '春节' },
    });
  });

  it('given no names (an older client), keeps the current names of the days still listed', () => {
    expect(normaliseCalendarOverrides({ holidays: ['2027-01-01', '2027-10-08'], workdays: [] }, current)).toEqual({
      holidays: ['2027-01-01', '2027-10-08'],
      workdays: [],
      names: { '2027-01-01': '元旦' },
    });
  });

  it('given names, they replace the current ones ({} removes them all)', () => {
    expect(normaliseCalendarOverrides({ ...current, names: { '2027-02-08': '春节' } }, current).names).toEqual({ '2027-02-08': '春节' });
    expect(normaliseCalendarOverrides({ ...current, names: {} }, current).names).toEqual({});
  });

  it('reads versions stored before names existed', () => {
    expect(storedCalendarOverrides({ holidays: ['2025-10-17'], workdays: [] })).toEqual({ holidays: ['2025-10-17'], workdays: [], names: {} });
    expect(storedCalendarOverrides(null)).toEqual({ holidays: [], workdays: [], names: {} });
  });
});
