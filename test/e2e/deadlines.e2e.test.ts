// 时限与日历 in the console: the admin sees that the national holiday data has no 2027 yet, enters a named local
// holiday and a local workday for 2027 and saves them with a note (kept, with the name, after a reload, listed in
// the version history), then names the workday too; a deadline edit the API refuses shows next to the field in Chinese and in English; a supervisor
// reads everything without edit rights; the admin switches emergency response on and off (with the number of
// orders reprioritised); the page fits a 375 px phone.
// One server serves every browser test: the 2027 days used here are far from anything the other files use, and
// the calendar and emergency mode are put back as they were at the end.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Api, horizontalOverflow, launchBrowser, login, newPage, snap } from './browser';

const baseUrl = inject('baseUrl');
const demo = inject('demoPassword');
const adminPassword = inject('adminPassword');

interface Settings {
  version: number;
  note: string | null;
  createdAt: string | null;
  thresholds: { yellow: number; orange: number };
  calendarOverrides: { holidays: string[]; workdays: string[]; names: Record<string, string> };
}
interface Emergency {
  active: boolean;
  tag: string | null;
}

const YEAR = 2027;
const LOCAL_HOLIDAY = '2027-09-10'; // a Friday
const LOCAL_WORKDAY = '2027-09-11'; // a Saturday
const HOLIDAY_NAME = '市庆日';
const WORKDAY_NAME = '市庆日调休';
const NOTE = '按通知录入 2027 年本地假日（浏览器测试）';
const TAG = 'e2e防汛演练';

let browser: Browser;
let admin: Api;
let before: Settings;
let emergencyBefore: Emergency;

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await new Api(baseUrl).login('admin', adminPassword);
  before = await admin.call<Settings>('GET', '/admin/sla');
  emergencyBefore = await admin.call<Emergency>('GET', '/admin/emergency');
});

afterAll(async () => {
  const now = await admin?.call<Settings>('GET', '/admin/sla').catch(() => null);
  if (now && JSON.stringify(now.calendarOverrides) !== JSON.stringify(before.calendarOverrides)) {
    await admin.call('PUT', '/admin/sla', { calendarOverrides: before.calendarOverrides, note: '浏览器测试结束，恢复本地日历' }).catch(() => undefined);
  }
  if (emergencyBefore && !emergencyBefore.active) await admin?.call('PUT', '/admin/emergency', { active: false }).catch(() => undefined);
  await browser?.close();
});

/** `YYYY-MM-DD HH:mm` in Beijing time, as the console shows instants. */
const beijing = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const day = (page: Page, date: string) => page.locator(`[data-testid="calendar-day"][data-date="${date}"]`);

/** Steps the calendar to a year with the previous/next buttons (as a user would), from the year it shows. */
async function showYear(page: Page, year: number): Promise<void> {
  const tab = page.locator('[data-testid="calendar-tab"][data-year]');
  await tab.waitFor();
  for (let i = 0; i < 5; i++) {
    const shown = Number(await tab.getAttribute('data-year'));
    if (shown === year) break;
    await page.click(shown < year ? '[data-testid="year-next"]' : '[data-testid="year-prev"]');
    await page.locator(`[data-testid="calendar-tab"][data-year="${shown < year ? shown + 1 : shown - 1}"]`).waitFor();
  }
  await day(page, `${year}-01-01`).waitFor();
}

async function openDeadlines(page: Page): Promise<void> {
  await page.locator('.ant-menu a', { hasText: '时限与日历' }).click();
  await page.locator('[data-testid="deadlines-page"]').waitFor();
}

describe('deadlines and calendar', () => {
  it('the admin sees that 2027 has no national data, marks a named local holiday and a local workday, saves them with a note, then names the workday', async () => {
    const { page } = await newPage(browser);
    await login(page, baseUrl, 'admin', adminPassword);
    await openDeadlines(page);
    await showYear(page, YEAR);
    const warning = page.locator('[data-testid="calendar-coverage-warning"]');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('尚无 2027 年法定节假日数据，请按国务院办公厅通知录入');
    // Without data the year is Monday–Friday: 1 Jan 2027, a Friday, is a plain workday.
    expect(await day(page, '2027-01-01').getAttribute('data-kind')).toBe('workday');
    expect(await day(page, LOCAL_HOLIDAY).getAttribute('data-source')).toBe('weekly');

    // Friday → local holiday.
    await day(page, LOCAL_HOLIDAY).click();
    const panel = page.locator('[data-testid="day-panel"]');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('2027年9月10日 星期五');
    await snap(page, '80-calendar-day-panel');
    // The name is typed before marking the day (optional).
    await panel.locator('[data-testid="day-name"]').fill(HOLIDAY_NAME);
    await page.click('[data-testid="day-set-holiday"]');
    await page.locator(`[data-testid="calendar-day"][data-date="${LOCAL_HOLIDAY}"][data-kind="holiday"][data-source="local"][data-pending="true"]`).waitFor();
    // Saturday → local workday.
    await day(page, LOCAL_WORKDAY).click();
    await page.click('[data-testid="day-set-workday"]');
    await page.locator(`[data-testid="calendar-day"][data-date="${LOCAL_WORKDAY}"][data-kind="makeup_workday"][data-source="local"][data-pending="true"]`).waitFor();
    const pending = page.locator('[data-testid="calendar-pending"]');
    expect(await pending.getAttribute('data-count')).toBe('2');
    expect(await pending.textContent()).toContain('有 2 天的日历修改尚未保存');
    await snap(page, '81-calendar-2027-pending');

    // Save: the note is asked for, the changes are listed.
    await page.click('[data-testid="calendar-save"]');
    const modal = page.locator('.ant-modal:visible');
    await modal.waitFor();
    const list = await modal.locator('[data-testid="calendar-pending-list"]').textContent();
    expect(list).toContain(`${LOCAL_HOLIDAY} 设为本地假日，名称“${HOLIDAY_NAME}”`);
    expect(list).toContain(`${LOCAL_WORKDAY} 设为本地工作日`);
    await page.click('[data-testid="calendar-save-confirm"]');
    await modal.locator('.ant-form-item-explain-error', { hasText: '请填写修改说明' }).waitFor();
    await page.fill('[data-testid="calendar-note"]', NOTE);
    await page.click('[data-testid="calendar-save-confirm"]');
    await page.locator('.ant-message', { hasText: `已保存为第 ${before.version + 1} 版设置` }).waitFor();
    await page.locator('[data-testid="calendar-pending"]').waitFor({ state: 'detached' });

    // The API holds both lists, with every earlier day kept.
    const saved = await admin.call<Settings>('GET', '/admin/sla');
    expect(saved).toMatchObject({ version: before.version + 1, note: NOTE });
    expect(saved.calendarOverrides.holidays).toEqual([...before.calendarOverrides.holidays, LOCAL_HOLIDAY].sort());
    expect(saved.calendarOverrides.workdays).toEqual([...before.calendarOverrides.workdays, LOCAL_WORKDAY].sort());
    expect(saved.calendarOverrides.names).toEqual({ ...before.calendarOverrides.names, [LOCAL_HOLIDAY]: HOLIDAY_NAME });

    // After a reload the calendar shows them as saved local days.
    await page.reload();
    await day(page, LOCAL_HOLIDAY).waitFor();
    await page.locator(`[data-testid="calendar-day"][data-date="${LOCAL_HOLIDAY}"][data-kind="holiday"][data-source="local"][data-pending="false"]`).waitFor();
    await page.locator(`[data-testid="calendar-day"][data-date="${LOCAL_WORKDAY}"][data-kind="makeup_workday"][data-source="local"][data-pending="false"]`).waitFor();
    expect(await page.locator('[data-testid="calendar-counts"]').textContent()).toContain('本地调整 2 天');
    // The name shows in September's holiday list, like a national holiday's, and on the day.
    const september = page.locator('[data-testid="calendar-month"][data-month="9"] [data-testid="month-holidays"]');
    expect(await september.locator('[data-testid="month-holiday"][data-local="true"]').textContent()).toBe(`${HOLIDAY_NAME} 放假 10日`);
    expect(await day(page, LOCAL_HOLIDAY).getAttribute('title')).toContain(HOLIDAY_NAME);
    await snap(page, '82-calendar-2027-saved');

    // A saved local day is named afterwards: open it, type, save.
    await day(page, LOCAL_WORKDAY).click();
    await panel.waitFor();
    await panel.locator('[data-testid="day-name"]').fill(WORKDAY_NAME);
    await page.locator(`[data-testid="calendar-day"][data-date="${LOCAL_WORKDAY}"][data-pending="true"]`).waitFor();
    await page.click('[data-testid="day-panel-close"]');
    await september.locator('[data-testid="month-holiday"]', { hasText: `${WORKDAY_NAME} 调休上班 11日` }).waitFor();
    await page.click('[data-testid="calendar-save"]');
    await modal.waitFor();
    expect(await modal.locator('[data-testid="calendar-pending-list"]').textContent()).toBe(`${LOCAL_WORKDAY} 名称“${WORKDAY_NAME}”`);
    await page.fill('[data-testid="calendar-note"]', '浏览器测试：给调休上班日加名称');
    await page.click('[data-testid="calendar-save-confirm"]');
    await page.locator('.ant-message', { hasText: `已保存为第 ${before.version + 2} 版设置` }).waitFor();
    await page.reload();
    await day(page, LOCAL_WORKDAY).waitFor();
    expect(await day(page, LOCAL_WORKDAY).getAttribute('title')).toContain(WORKDAY_NAME);
    const named = await admin.call<Settings>('GET', '/admin/sla');
    expect(named.calendarOverrides.names).toMatchObject({ [LOCAL_HOLIDAY]: HOLIDAY_NAME, [LOCAL_WORKDAY]: WORKDAY_NAME });

    // The version history says who changed what, when (Beijing time), and why.
    await page.locator('.ant-tabs-tab', { hasText: '版本记录' }).click();
    const row = page.locator(`[data-testid="version-row"][data-version="${saved.version}"]`);
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(NOTE);
    expect(text).toContain('系统管理员（本人）');
    expect(text).toContain(beijing(saved.createdAt as string));
    expect(text).toContain(`本地假日 ${LOCAL_HOLIDAY}`);
    expect(text).toContain(`本地工作日 ${LOCAL_WORKDAY}`);
    expect(text).toContain(`名称 ${LOCAL_HOLIDAY} ${HOLIDAY_NAME}`);
    expect(await page.locator(`[data-testid="version-row"][data-version="${named.version}"]`).textContent()).toContain(`名称 ${LOCAL_WORKDAY} ${WORKDAY_NAME}`);
    expect(await page.locator('[data-testid="version-row"][data-version="0"]').textContent()).toContain('内置默认');
    await snap(page, '83-deadline-versions');
    await page.context().close();
  });

  it('a deadline edit the API refuses is shown next to the field, in Chinese and in English', async () => {
    const { page } = await newPage(browser);
    await login(page, baseUrl, 'admin', adminPassword);
    await page.goto(`${baseUrl}/deadlines?tab=rules`);
    await page.locator('[data-testid="rules-tab"]').waitFor();
    // The rules per urgency, with their units.
    const urgent = page.locator('[data-testid="rule-row"][data-urgency="urgent"]');
    await urgent.waitFor();
    expect(await page.locator('[data-testid="limit-defaults-1-sign-amount"]').inputValue()).toBe('4');
    expect(await urgent.textContent()).toContain('工作小时');

    // Yellow after orange: only the server's rule says no, on the field `thresholds`.
    await page.fill('[data-testid="threshold-yellow"]', '90');
    await page.fill('[data-testid="threshold-orange"]', '50');
    await page.fill('[data-testid="rules-note"]', '测试：黄色晚于橙色');
    await page.click('[data-testid="rules-save"]');
    const orange = page.locator('[data-testid="thresholds"] .ant-form-item-explain-error');
    await orange.waitFor();
    expect(await orange.textContent()).toContain('填写内容不符合要求（thresholds must satisfy 0 < yellow < orange < 1）');
    await snap(page, '84-deadlines-refused');

    await page.click('[data-testid="lang-switch"]');
    await page.getByText('Deadlines & calendar', { exact: true }).first().waitFor();
    await page.click('[data-testid="rules-save"]');
    await page.locator('[data-testid="thresholds"] .ant-form-item-explain-error', { hasText: 'The input is not valid (thresholds must satisfy' }).waitFor();
    await page.click('[data-testid="lang-switch"]');
    // Nothing was stored.
    expect((await admin.call<Settings>('GET', '/admin/sla')).thresholds).toEqual(before.thresholds);
    await page.context().close();
  });

  it('a supervisor reads the calendar, the rules and the history without edit rights', async () => {
    const { page } = await newPage(browser);
    await login(page, baseUrl, 'supervisor', demo);
    await openDeadlines(page);
    await page.locator('[data-testid="deadlines-read-only"]').waitFor();
    await page.locator('[data-testid="emergency-state"]').waitFor();
    expect(await page.locator('[data-testid="emergency-switch"]').count()).toBe(0);
    await showYear(page, YEAR);
    await page.locator(`[data-testid="calendar-day"][data-date="${LOCAL_HOLIDAY}"][data-source="local"]`).waitFor();
    await day(page, LOCAL_HOLIDAY).click();
    const panel = page.locator('[data-testid="day-panel"]');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('本地假日');
    expect(await panel.textContent()).toContain(HOLIDAY_NAME);
    expect(await page.locator('[data-testid="day-set-holiday"]').count()).toBe(0);
    expect(await page.locator('[data-testid="day-name"]').count()).toBe(0);
    await snap(page, '85-deadlines-supervisor');

    await page.locator('.ant-tabs-tab', { hasText: '办理时限' }).click();
    await page.locator('[data-testid="rule-urgent-sign"]').waitFor();
    expect(await page.locator('[data-testid="rule-urgent-sign"]').textContent()).toBe('4 工作小时');
    expect(await page.locator('[data-testid="rule-normal-reply"]').textContent()).toBe('5 工作日');
    expect(await page.locator('[data-testid="rule-emergency-reply"]').textContent()).toBe('24 自然小时');
    expect(await page.locator('[data-testid="rules-save"]').count()).toBe(0);
    expect(await page.locator('[data-testid="threshold-yellow"]').isDisabled()).toBe(true);

    await page.locator('.ant-tabs-tab', { hasText: '版本记录' }).click();
    await page.locator('[data-testid="version-row"]', { hasText: NOTE }).waitFor();
    expect(await page.locator('[data-testid="version-row"]', { hasText: NOTE }).textContent()).toContain('系统管理员');
    await page.context().close();
  });

  it('the admin switches emergency response on and off and sees how many orders moved', async () => {
    // One dispatched order carries the tag (a unit no other browser test uses).
    const agent = await new Api(baseUrl).login('agent', demo);
    const dispatcher = await new Api(baseUrl).login('dispatcher', demo);
    const order = await agent.call<{ id: string; version: number }>('POST', '/tickets', {
      channel: 'phone',
      content: '应急演练：云龙区某小区通信基站因积水断电，手机信号中断，请电信公司尽快抢修。',
      caller: { phone: '13905160099' },
      tags: [TAG],
    });
    await dispatcher.act(order.id, order.version, 'dispatch', { leadUnitId: 'co-telecom' });

    const { page } = await newPage(browser);
    await login(page, baseUrl, 'admin', adminPassword);
    await openDeadlines(page);
    await page.locator('[data-testid="emergency-state"][data-active="false"]').waitFor();

    await page.click('[data-testid="emergency-switch"]');
    const modal = page.locator('.ant-modal:visible');
    await modal.waitFor();
    await page.click('[data-testid="emergency-confirm"]');
    await modal.locator('.ant-form-item-explain-error', { hasText: '请填写应急标签' }).waitFor();
    await modal.locator('[data-testid="emergency-tag"] input, input[data-testid="emergency-tag"]').first().fill(TAG);
    await page.click('[data-testid="emergency-confirm"]');
    await page.locator('.ant-message', { hasText: `一级响应已开启（${TAG}），1 张工单已调整排序` }).waitFor();
    await page.locator('[data-testid="emergency-state"][data-active="true"]').waitFor();
    expect(await page.locator('[data-testid="emergency-state"]').textContent()).toBe(`已开启：${TAG}`);
    expect(await page.locator('[data-testid="emergency-reprioritised"]').getAttribute('data-count')).toBe('1');
    expect(await page.locator('[data-testid="emergency-changed"]').textContent()).toContain('系统管理员（本人）');
    await snap(page, '86-emergency-on');
    // The tagged order now leads the supervision queue.
    const queue = await dispatcher.call<{ items: { ticketId: string; emergency: boolean }[] }>('GET', '/supervision/queue?limit=5');
    expect(queue.items[0]).toMatchObject({ ticketId: order.id, emergency: true });

    await page.click('[data-testid="emergency-switch"]');
    await modal.waitFor();
    expect(await modal.textContent()).toContain(`带“${TAG}”标签的工单恢复正常排序`);
    await page.click('[data-testid="emergency-confirm"]');
    await page.locator('.ant-message', { hasText: '一级响应已关闭，1 张工单已恢复排序' }).waitFor();
    await page.locator('[data-testid="emergency-state"][data-active="false"]').waitFor();
    expect(await admin.call<Emergency>('GET', '/admin/emergency')).toMatchObject({ active: false, tag: null });
    await snap(page, '87-emergency-off');
    await page.context().close();
  });

  it('fits a 375 px phone: calendar, day panel, rules and history', async () => {
    const { page } = await newPage(browser, { width: 375, height: 800, mobile: true });
    await login(page, baseUrl, 'admin', adminPassword);
    await page.goto(`${baseUrl}/deadlines?year=${YEAR}`);
    await day(page, LOCAL_HOLIDAY).waitFor();
    await page.locator('[data-testid="calendar-coverage-warning"]').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await snap(page, '88-deadlines-375');
    await day(page, LOCAL_WORKDAY).scrollIntoViewIfNeeded();
    await day(page, LOCAL_WORKDAY).click();
    await page.locator('[data-testid="day-panel"]').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    const box = await page.locator('[data-testid="day-panel"]').boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
    await page.screenshot({ path: '/tmp/89-deadlines-375-panel.png' });
    await page.click('[data-testid="day-panel-close"]');
    for (const tab of ['办理时限', '版本记录']) {
      await page.locator('.ant-tabs-tab', { hasText: tab }).click();
      await page.locator(tab === '办理时限' ? '[data-testid="rules-tab"]' : '[data-testid="version-row"]').first().waitFor();
      expect(await horizontalOverflow(page), tab).toBe(0);
    }
    await snap(page, '89-deadlines-375-versions');
    await page.context().close();
  });
});
