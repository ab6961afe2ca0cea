import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/http';

// Names of local calendar days (PUT /admin/sla calendarOverrides.names, GET /admin/calendar name), on PGlite or
// on PostgreSQL (TEST_DATABASE_URL). The test clock is 2025-09-30; chinese-days 1.5.7 has no 2027.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

interface Overrides {
  holidays: string[];
  workdays: string[];
  names: Record<string, string>;
}
interface Settings {
  version: number;
  calendarOverrides: Overrides;
}
interface Day {
  date: string;
  kind: string;
  source: string;
  name: string | null;
  nameEn: string | null;
  baseName: string | null;
  baseNameEn: string | null;
  override: string | null;
}

async function put(payload: Record<string, unknown>) {
  return t.app.inject({ method: 'PUT', url: '/api/v1/admin/sla', headers: await t.as('admin'), payload });
}
async function current(): Promise<Settings> {
  return (await t.app.inject({ method: 'GET', url: '/api/v1/admin/sla', headers: await t.as('supervisor') })).json() as Settings;
}
async function days(year: number): Promise<Map<string, Day>> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/admin/calendar?year=${year}`, headers: await t.as('leader') });
  expect(res.statusCode, res.body).toBe(200);
  return new Map((res.json() as { days: Day[] }).days.map((d) => [d.date, d]));
}

describe('names of local calendar days', () => {
  it('a version stored before names existed still loads, with no names', async () => {
    // as an older server wrote it: no `names` key
    await t.ctx.db.query(
      `INSERT INTO sla_settings (version, rules, thresholds, working_hours, calendar_overrides, supervision, note, created_at, created_by)
       SELECT 1, '[]'::jsonb, '{"yellow":0.6,"orange":0.85}'::jsonb, '{"periods":[{"start":"09:00","end":"12:00"},{"start":"13:30","end":"17:30"}]}'::jsonb,
              '{"holidays":["2027-02-08"],"workdays":[]}'::jsonb, '{"escalateAfterMinutes":240,"maxEscalations":3}'::jsonb, '旧版本', $1, NULL`,
      ['2025-09-01T00:00:00.000Z'],
    );
    expect(await current()).toMatchObject({ version: 1, calendarOverrides: { holidays: ['2027-02-08'], workdays: [], names: {} } });
    const versions = (await t.app.inject({ method: 'GET', url: '/api/v1/admin/sla/versions', headers: await t.as('admin') })).json().items as Settings[];
    expect(versions.map((v) => v.calendarOverrides.names)).toEqual([{}, {}]);
    expect((await days(2027)).get('2027-02-08')).toMatchObject({ kind: 'holiday', source: 'local', name: null, nameEn: null });
  });

  it('the admin names a local holiday and a make-up workday; the calendar shows the names', async () => {
    const res = await put({
      calendarOverrides: { holidays: ['2027-01-01', '2027-02-08'], workdays: ['2027-02-06'], names: { '2027-01-01': ' 元旦 ', '2027-02-06': '春节调休', '2027-02-08': '春节' } },
      note: '按国办通知录入 2027 年节假日',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().calendarOverrides).toEqual({
      holidays: ['2027-01-01', '2027-02-08'],
      workdays: ['2027-02-06'],
      names: { '2027-01-01': '元旦', '2027-02-06': '春节调休', '2027-02-08': '春节' },
    });
    const y = await days(2027);
    expect(y.get('2027-01-01')).toMatchObject({ kind: 'holiday', source: 'local', name: '元旦', nameEn: '元旦', baseName: null, baseNameEn: null });
    expect(y.get('2027-02-06')).toMatchObject({ kind: 'makeup_workday', source: 'local', name: '春节调休' });
    expect(y.get('2027-01-04')).toMatchObject({ source: 'weekly', name: null });
    // a national day keeps its national name (and reports it as the base)
    expect((await days(2025)).get('2025-10-01')).toMatchObject({ name: '国庆节', nameEn: 'National Day', baseName: '国庆节', baseNameEn: 'National Day' });
  });

  it('a PUT without names (an older client) keeps the names of the days it keeps; names: {} removes them', async () => {
    const res = await put({ calendarOverrides: { holidays: ['2027-01-01', '2027-10-08'], workdays: ['2027-02-06'] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().calendarOverrides.names).toEqual({ '2027-01-01': '元旦', '2027-02-06': '春节调休' });
    const cleared = await put({ calendarOverrides: { holidays: ['2027-01-01'], workdays: [], names: {} } });
    expect(cleared.json().calendarOverrides).toEqual({ holidays: ['2027-01-01'], workdays: [], names: {} });
    expect((await days(2027)).get('2027-01-01')).toMatchObject({ source: 'local', name: null });
  });

  it.each([
    [{ holidays: ['2027-01-01'], workdays: [], names: { '2027-01-02': '元旦' } }, 'calendarOverrides.names.2027-01-02', 'neither holidays nor workdays'],
    [{ holidays: ['2027-01-01'], workdays: [], names: { '2027-01-01': ' ' } }, 'calendarOverrides.names.2027-01-01', 'empty'],
    [{ holidays: ['2027-01-01'], workdays: [], names: { '2027-01-01': '很长的名字'.repeat(5) } }, 'calendarOverrides.names.2027-01-01', 'longer than 20 characters'],
    [{ holidays: ['2027-01-01'], workdays: [], names: { 'new year': '元旦' } }, 'calendarOverrides.names.new year', 'YYYY-MM-DD'],
    [{ holidays: ['2027-02-30'], workdays: [] }, 'calendarOverrides.holidays[0]', 'not a YYYY-MM-DD date: 2027-02-30'],
    [{ holidays: ['2027-01-01'], workdays: ['2027-01-01'] }, 'calendarOverrides', 'both a holiday and a workday'],
    [{ holidays: ['2027-01-01'], workdays: [], names: { '2027-01-01': 7 } }, 'calendarOverrides.names.2027-01-01', 'must be string'],
  ])('refuses %j with VALIDATION.FAILED on %s and stores nothing', async (calendarOverrides, field, words) => {
    const before = await current();
    const res = await put({ calendarOverrides, note: 'invalid' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION.FAILED', field });
    expect(res.json().message).toContain(words);
    expect((await current()).version).toBe(before.version);
  });
});
