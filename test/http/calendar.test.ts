import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/http';

// The test clock starts at 2025-09-30T02:00Z = Tuesday 10:00 in Asia/Shanghai.
let t: TestApp;
beforeAll(async () => {
  // the clock moves to the next year here: keep the demo sessions valid meanwhile
  t = await createTestApp({ context: { auth: { sessionHours: 24 * 365 * 2, maxFailuresPerUser: 5, maxFailuresPerIp: 50, failureWindowMinutes: 15 } } });
});
afterAll(async () => t.close());

interface Day {
  date: string;
  weekday: number;
  kind: string;
  source: string;
  workday: boolean;
  name: string | null;
  nameEn: string | null;
  baseKind: string;
  baseSource: string;
  override: string | null;
}
interface CalendarJson {
  year: number;
  covered: boolean;
  today: string;
  statutoryYears: number[];
  settingsVersion: number;
  totals: Record<string, number>;
  days: Day[];
}

async function get(who: string | null, url: string) {
  return t.app.inject({ method: 'GET', url, headers: who ? await t.as(who) : {} });
}
async function calendar(who: string, year?: number): Promise<CalendarJson> {
  const res = await get(who, `/api/v1/admin/calendar${year === undefined ? '' : `?year=${year}`}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CalendarJson;
}
const dayOf = (c: CalendarJson, date: string) => c.days.find((d) => d.date === date);

describe('GET /admin/calendar: the working calendar of a year', () => {
  it('gives every day of the current year (Asia/Shanghai) with its kind, source and holiday name', async () => {
    const c = await calendar('supervisor');
    expect(c).toMatchObject({ year: 2025, covered: true, today: '2025-09-30', settingsVersion: 0 });
    expect(c.days).toHaveLength(365);
    expect(c.statutoryYears).toContain(2026);
    expect(dayOf(c, '2025-10-01')).toMatchObject({ kind: 'holiday', source: 'national', workday: false, name: '国庆节', nameEn: 'National Day', override: null });
    expect(dayOf(c, '2025-09-28')).toMatchObject({ weekday: 0, kind: 'makeup_workday', source: 'national', workday: true, name: '国庆节' });
    expect(dayOf(c, '2025-10-12')).toMatchObject({ kind: 'rest', source: 'weekly', workday: false, name: null });
    expect(dayOf(c, '2025-09-30')).toMatchObject({ kind: 'workday', source: 'weekly', workday: true });
    // 2025 had 248 working days: 261 weekdays, minus 18 weekdays off in holiday breaks, plus 5 make-up weekend days
    expect(c.totals).toMatchObject({ workday: 243, makeup_workday: 5, local: 0 });
    expect(c.days.filter((d) => d.workday)).toHaveLength(248);
  });

  it('says that the national data does not cover 2027', async () => {
    const c = await calendar('leader', 2027);
    expect(c).toMatchObject({ year: 2027, covered: false, today: '2025-09-30' });
    expect(c.statutoryYears).not.toContain(2027);
    expect(c.days.filter((d) => d.source !== 'weekly')).toEqual([]);
    expect(dayOf(c, '2027-01-01')).toMatchObject({ weekday: 5, kind: 'workday', source: 'weekly', name: null });
  });

  it('shows the local overrides of the current settings version over the national data', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/sla',
      headers: await t.as('admin'),
      payload: { calendarOverrides: { holidays: ['2027-02-08', '2025-10-11'], workdays: ['2027-02-06', '2025-10-08'] }, note: '2027 春节（预录）' },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ version: 1, createdBy: expect.any(String), createdByName: '系统管理员' });

    const c = await calendar('admin', 2027);
    expect(c).toMatchObject({ settingsVersion: 1, covered: false, totals: { local: 2 } });
    expect(dayOf(c, '2027-02-08')).toMatchObject({ kind: 'holiday', source: 'local', workday: false, override: 'holiday', baseKind: 'workday', baseSource: 'weekly' });
    expect(dayOf(c, '2027-02-06')).toMatchObject({ weekday: 6, kind: 'makeup_workday', source: 'local', workday: true, override: 'workday', baseKind: 'rest' });
    const y2025 = await calendar('admin', 2025);
    expect(dayOf(y2025, '2025-10-11')).toMatchObject({ kind: 'holiday', source: 'local', name: '国庆节', baseKind: 'makeup_workday', baseSource: 'national' });
    expect(dayOf(y2025, '2025-10-08')).toMatchObject({ kind: 'workday', source: 'local', baseKind: 'holiday' });
    expect(y2025.totals.local).toBe(2);
  });

  it('the current year follows the injected clock in Asia/Shanghai', async () => {
    t.clock.set('2026-12-31T16:30:00.000Z'); // 2027-01-01 00:30 in Shanghai
    const c = await calendar('admin');
    expect(c).toMatchObject({ year: 2027, today: '2027-01-01' });
  });

  it.each([
    ['1999', 'must be >= 2004'],
    ['2101', 'must be <= 2100'],
    ['abc', 'must be integer'],
    ['2027.5', 'must be integer'],
    ['', 'must be integer'],
  ])('refuses year=%s with VALIDATION.FAILED on the field year', async (year, message) => {
    const res = await get('admin', `/api/v1/admin/calendar?year=${year}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION.FAILED', field: 'year' });
    expect(res.json().message).toContain(message);
  });

  it('is for admins, supervisors and leaders, like the settings', async () => {
    for (const who of ['dispatcher', 'agent', 'handler', 'citizen']) {
      const res = await get(who, '/api/v1/admin/calendar?year=2027');
      expect(res.statusCode, who).toBe(403);
      expect(res.json().code).toBe('AUTH.FORBIDDEN');
    }
    expect((await get(null, '/api/v1/admin/calendar')).statusCode).toBe(401);
  });
});

describe('names beside ids', () => {
  it('versions and emergency mode say who changed them', async () => {
    const versions = (await get('supervisor', '/api/v1/admin/sla/versions')).json().items as { version: number; createdByName: string | null; note: string | null }[];
    expect(versions.map((v) => [v.version, v.createdByName])).toEqual([
      [1, '系统管理员'],
      [0, null],
    ]);
    expect((await get('leader', '/api/v1/admin/sla')).json()).toMatchObject({ version: 1, createdByName: '系统管理员', note: '2027 春节（预录）' });
    const on = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/emergency', headers: await t.as('admin'), payload: { active: true, tag: '防汛' } });
    expect(on.json()).toMatchObject({ active: true, tag: '防汛', changedByName: '系统管理员', reprioritised: 0 });
    expect((await get('agent', '/api/v1/admin/emergency')).json()).toMatchObject({ active: true, tag: '防汛', changedByName: '系统管理员' });
    await t.app.inject({ method: 'PUT', url: '/api/v1/admin/emergency', headers: await t.as('admin'), payload: { active: false } });
  });
});
