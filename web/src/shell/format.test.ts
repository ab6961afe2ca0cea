import { describe, expect, it } from 'vitest';
import { earliestDeadline, formatDate, formatDateTime, formatHours, hoursLeft, isMobile, isPlausiblePhone, maskPhone, shanghaiDayEnd, shanghaiDayStart, shortText, warningRank, person } from './format';

describe('dates in Asia/Shanghai', () => {
  it.each([
    ['2026-03-05T06:07:08Z', '2026-03-05 14:07'],
    ['2026-03-05T16:30:00Z', '2026-03-06 00:30'],
    ['2026-12-31T23:59:00+08:00', '2026-12-31 23:59'],
  ])('%s shows as %s', (iso, shown) => {
    expect(formatDateTime(iso)).toBe(shown);
  });

  it('handles seconds, dates and bad input', () => {
    expect(formatDateTime('2026-03-05T06:07:08Z', true)).toBe('2026-03-05 14:07:08');
    expect(formatDate('2026-03-05T17:00:00Z')).toBe('2026-03-06');
    expect(formatDateTime('not a date')).toBe('');
    expect(formatDateTime(null)).toBe('');
  });

  it('turns a Beijing calendar day into an instant range', () => {
    expect(shanghaiDayStart('2026-03-05')).toBe('2026-03-04T16:00:00.000Z');
    expect(shanghaiDayEnd('2026-03-05')).toBe('2026-03-05T15:59:59.999Z');
  });
});

describe('phones', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['051683001234', '051****1234'],
    ['12345', '12345'],
    ['', ''],
  ])('masks %s as %s', (p, m) => expect(maskPhone(p)).toBe(m));

  it.each([
    ['13812345678', true, true],
    ['138 1234 5678', true, true],
    ['0516-83001234', true, false],
    ['83001234', true, false],
    ['12', false, false],
    ['abc', false, false],
  ])('%s plausible=%s mobile=%s', (p, plausible, mobile) => {
    expect(isPlausiblePhone(p)).toBe(plausible);
    expect(isMobile(p)).toBe(mobile);
  });
});

describe('deadlines and warnings', () => {
  const now = new Date('2026-03-05T00:00:00Z').getTime();
  it('hours left are negative when overdue', () => {
    expect(hoursLeft('2026-03-05T03:00:00Z', now)).toBe(3);
    expect(hoursLeft('2026-03-04T22:30:00Z', now)).toBe(-1.5);
  });
  it('picks the earliest valid deadline', () => {
    expect(earliestDeadline({ reply: '2026-03-06T00:00:00Z', sign: '2026-03-05T01:00:00Z', callback: null, bad: 'x' })).toBe('2026-03-05T01:00:00Z');
    expect(earliestDeadline(null)).toBeNull();
  });
  it('prefers the deadline running now, and none when no unit clock runs', () => {
    expect(earliestDeadline({ signBy: '2026-03-05T01:00:00Z', replyBy: '2026-03-07T00:00:00Z', dueAt: '2026-03-07T00:00:00Z' })).toBe('2026-03-07T00:00:00Z');
    expect(earliestDeadline({ signBy: '2026-03-05T01:00:00Z', dueAt: null })).toBeNull();
  });
  it('ranks warnings red above orange above yellow', () => {
    expect(['yellow', 'red', undefined, 'orange'].sort((a, b) => warningRank(b) - warningRank(a))).toEqual(['red', 'orange', 'yellow', undefined]);
  });
  it('shortens long text on one line', () => {
    expect(shortText('路灯\n不亮  很久了', 20)).toBe('路灯 不亮 很久了');
    expect(shortText('一二三四五六', 3)).toBe('一二三…');
  });
});

describe('formatHours', () => {
  it.each([
    [139.4, '5天19小时', '5 d 19 h'],
    [48, '2天', '2 d'],
    [5.2, '5小时', '5 h'],
    [1.5, '1小时30分钟', '1 h 30 min'],
    [0.66, '40分钟', '40 min'],
    [-2.25, '2小时', '2 h'],
  ])('%s hours → %s / %s', (hours, zh, en) => {
    expect(formatHours(hours, 'zh')).toBe(zh);
    expect(formatHours(hours, 'en')).toBe(en);
  });
});

describe('people the API names', () => {
  it('names who trained or changed something (a version, the settings) by the name the server sends', () => {
    expect(person('system', '系统')).toEqual({ kind: 'system' });
    expect(person('u1', '系统管理员')).toEqual({ kind: 'named', name: '系统管理员' });
    expect(person('u2', null)).toEqual({ kind: 'unknown', id: 'u2' });
    expect(person(null, null)).toEqual({ kind: 'none' });
  });
});
