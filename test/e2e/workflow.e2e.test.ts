// The whole loop as real users do it in the console: agent registers a call → dispatcher dispatches →
// unit handler signs and replies → dispatcher approves → callback closes; an unsatisfied callback
// re-dispatches; a unit cannot open another unit's order.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Api, horizontalOverflow, launchBrowser, ONE_PIXEL_PNG, login, newPage, pickTreeNode, shot } from './browser';

const baseUrl = inject('baseUrl');
const demo = inject('demoPassword');
const adminPassword = inject('adminPassword');
const PHONE = '13905160001';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function as(username: string, width = 1366): Promise<Page> {
  const { page } = await newPage(browser, { width });
  await login(page, baseUrl, username, username === 'admin' ? adminPassword : demo);
  return page;
}

async function openFromQueue(page: Page, tab: string, number: string): Promise<void> {
  await page.click(`[data-testid="queue-tab-${tab}"]`);
  const link = page.locator('[data-testid="ticket-link"]', { hasText: number });
  await link.first().waitFor();
  await link.first().click();
  await page.locator('.ant-drawer [data-testid="ticket-detail"]').waitFor();
}

async function doAction(page: Page, action: string, fill?: (form: ReturnType<Page['locator']>) => Promise<void>, expectStatus?: string) {
  const scope = page.locator('.ant-drawer:visible, body').first();
  await scope.locator(`[data-testid="action-${action}"]`).click();
  const form = scope.locator(`[data-testid="action-form-${action}"]`);
  await form.waitFor();
  if (fill) await fill(form);
  await form.locator(`[data-testid="submit-${action}"]`).click();
  if (expectStatus) await scope.locator(`[data-testid="ticket-detail"][data-status="${expectStatus}"]`).waitFor();
}

describe('console workflow', () => {
  let number = '';
  let ticketId = '';

  it('login page says 12345 and each role lands on its own home', async () => {
    const { page } = await newPage(browser);
    await page.goto(`${baseUrl}/`);
    await page.locator('input[name="username"]').waitFor();
    expect(await page.title()).toContain('12345');
    await shot(page, '01-login');
    await page.fill('input[name="username"]', 'agent');
    await page.fill('input[name="password"]', 'wrong-password');
    await page.click('button[type="submit"]');
    await page.locator('[data-testid="login-error"]').waitFor();
    for (const [user, path, marker] of [
      ['agent', '/desk', 'agent-desk'],
      ['dispatcher', '/review', 'review-desk'],
      ['handler', '/unit', 'unit-desk'],
      ['admin', '/admin', 'admin'],
    ] as const) {
      const p = await as(user);
      expect(new URL(p.url()).pathname).toBe(path);
      await p.locator(`[data-testid="${marker}"]`).waitFor();
      await p.context().close();
    }
    await page.context().close();
  });

  it('agent registers a call from the keyboard and sees the caller history', async () => {
    const page = await as('agent');
    await page.locator('[data-testid="agent-desk"]').waitFor();
    await page.fill('[data-testid="desk-phone"]', PHONE);
    await page.locator('[data-testid="caller-history"]', { hasText: '该号码暂无历史工单' }).waitFor();
    await page.fill('[data-testid="desk-name"]', '张先生');
    await page.fill('[data-testid="desk-content"]', '小区门口路灯连续一周不亮，夜间出行不便，请尽快维修。');
    await page.fill('[data-testid="desk-address"]', '鼓楼区丰财街道某小区东门');
    await pickTreeNode(page, '[data-testid="desk-category"]', '物业', '物业服务质量');
    await shot(page, '02-agent-desk-filled');
    await page.locator('[data-testid="desk-content"]').focus();
    await page.keyboard.press('Control+Enter');
    const recent = page.locator('[data-testid="recent-ticket"]').first();
    await recent.waitFor();
    number = (await recent.textContent())?.trim() ?? '';
    expect(number).toMatch(/^\d{8,20}$/);
    // The same caller again: the earlier order shows at once.
    await page.fill('[data-testid="desk-phone"]', PHONE);
    await page.locator('[data-testid="caller-history"]', { hasText: number }).waitFor();
    await shot(page, '03-agent-desk-history');
    await recent.click();
    await page.locator('[data-testid="ticket-detail"][data-status="registered"]').waitFor();
    ticketId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(await page.locator('[data-testid="ticket-content"]').textContent()).toContain('路灯');
    // The agent may answer or comment, never dispatch.
    expect(await page.locator('[data-testid="action-dispatch"]').count()).toBe(0);
    expect(await page.locator('[data-testid="action-answer"]').count()).toBe(1);
    await page.context().close();
  });

  it('agent answers a simple question on the spot (Alt+A) and the order closes', async () => {
    const page = await as('agent');
    await page.fill('[data-testid="desk-phone"]', '13905160003');
    await page.fill('[data-testid="desk-content"]', '咨询社保卡补办需要带哪些材料。');
    // The assistant (smart intake) suggests categories; one click fills the category field.
    const suggestion = page.locator('[data-testid="assist-category"]').first();
    await suggestion.waitFor({ timeout: 90_000 });
    const suggested = (await suggestion.textContent())?.split(' / ').pop()?.trim() ?? '';
    await suggestion.click();
    await page.locator('[data-testid="desk-category"] .ant-select-content, [data-testid="desk-category"]', { hasText: suggested }).first().waitFor();
    await shot(page, '03a-agent-assist');
    await page.keyboard.press('Alt+A');
    await page.locator('[data-testid="desk-answer"]').waitFor();
    await page.fill('[data-testid="desk-answer"]', '携带身份证原件到就近社保服务网点办理，也可在线上渠道申请。');
    await page.keyboard.press('Control+Enter');
    const recent = page.locator('[data-testid="desk-recent"] [data-status="closed"]');
    await recent.waitFor();
    await shot(page, '03b-agent-answered');
    await page.context().close();
  });

  it('dispatcher dispatches it to the street office from the review desk', async () => {
    const page = await as('dispatcher');
    await openFromQueue(page, 'dispatch', number);
    await doAction(
      page,
      'dispatch',
      async (form) => {
        await pickTreeNode(page, '.ant-drawer [data-testid="action-form-dispatch"] .ant-select', '丰财', '丰财街道');
        await form.locator('textarea').fill('请核实路灯故障');
      },
      'dispatched',
    );
    await shot(page, '04-dispatched');
    await page.context().close();
  });

  it('unit handler signs and replies with the resolution', async () => {
    const page = await as('handler');
    await openFromQueue(page, 'sign', number);
    await shot(page, '05-unit-to-sign');
    await doAction(page, 'sign', undefined, 'in_progress');
    await doAction(
      page,
      'reply',
      async (form) => {
        await form.locator('textarea').first().fill('已联系路灯管理所更换灯具，现已恢复照明。');
        await form.locator('input[type="file"]').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
        await form.locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)').first().waitFor();
      },
      'replied',
    );
    // The photo travels with the reply and is listed on the order.
    await page.locator('.ant-drawer [data-testid="ticket-detail"]', { hasText: '现场照片.png' }).waitFor();
    await shot(page, '06-unit-replied');
    await page.context().close();
  });

  it('dispatcher approves the reply and the callback closes the order', async () => {
    const page = await as('dispatcher');
    await openFromQueue(page, 'review', number);
    await doAction(page, 'approve_reply', undefined, 'awaiting_callback');
    await page.goto(`${baseUrl}/callback`);
    await openFromQueue(page, 'callback', number);
    await doAction(
      page,
      'callback',
      async (form) => {
        await form.locator('[data-testid="satisfaction-satisfied"]').click();
      },
      'closed',
    );
    await page.goto(`${baseUrl}/tickets/${ticketId}`);
    await page.locator('[data-testid="ticket-detail"][data-status="closed"]').waitFor();
    const timeline = (await page.locator('[data-testid="ticket-timeline"]').textContent()) ?? '';
    for (const step of ['登记', '派单', '签收', '答复', '审核通过', '回访']) expect(timeline).toContain(step);
    expect(await page.locator('[data-testid="ticket-actions"]').textContent()).toContain('当前无可执行操作');
    await shot(page, '07-closed-detail');
    await page.context().close();
  });

  it('an unsatisfied callback sends the order back to the unit', async () => {
    const dispatcher = await new Api(baseUrl).login('dispatcher', demo);
    const handler = await new Api(baseUrl).login('handler', demo);
    const units = await dispatcher.call<{ items: { id: string; name: string }[] }>('GET', '/units');
    const street = units.items.find((u) => u.name === '丰财街道');
    expect(street).toBeDefined();
    let t = await dispatcher.call<{ id: string; number: string; version: number }>('POST', '/tickets', {
      channel: 'phone',
      content: '楼道内堆放杂物占用消防通道，反映多次未处理。',
      caller: { phone: '13905160002' },
    });
    t = await dispatcher.act(t.id, t.version, 'dispatch', { leadUnitId: street?.id });
    t = await handler.act(t.id, t.version, 'sign');
    t = await handler.act(t.id, t.version, 'reply', { reply: '已通知物业清理。', resolved: true });
    t = await dispatcher.act(t.id, t.version, 'approve_reply');

    const page = await as('dispatcher');
    await page.goto(`${baseUrl}/callback`);
    await openFromQueue(page, 'callback', t.number);
    await doAction(page, 'callback', async (form) => {
      await form.locator('[data-testid="satisfaction-unsatisfied"]').click();
      await form.locator('textarea').fill('市民反映杂物仍未清理');
    });
    await page.locator('.ant-drawer [data-testid="ticket-detail"][data-status="dispatched"]').waitFor();
    await shot(page, '08-unsatisfied-redispatched');
    await page.context().close();

    const unitPage = await as('handler');
    await unitPage.click('[data-testid="queue-tab-returned"]');
    await unitPage.locator('[data-testid="ticket-link"]', { hasText: t.number }).waitFor();
    await shot(unitPage, '09-unit-returned-queue');
    await unitPage.context().close();
  });

  it('a unit handler cannot open an order of another unit', async () => {
    // A shared link opened while signed out: sign in on the spot and stay on the link.
    const { page } = await newPage(browser);
    await page.goto(`${baseUrl}/tickets/${ticketId}`);
    await page.fill('input[name="username"]', 'handler2');
    await page.fill('input[name="password"]', demo);
    await page.click('button[type="submit"]');
    await page.locator('[data-testid="page-error"]').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/tickets/${ticketId}`);
    expect(await page.locator('[data-testid="ticket-detail"]').count()).toBe(0);
    await shot(page, '10-other-unit-forbidden');
    await page.context().close();
  });

  it('the order list filters, saves a view and switches to English', async () => {
    const page = await as('supervisor');
    // The supervisor lands on the supervision board (counts by warning colour, chart by unit).
    expect(new URL(page.url()).pathname).toBe('/board');
    await page.locator('[data-testid="board"] .ant-statistic').first().waitFor();
    await shot(page, '11a-supervision-board');
    await page.click('a[href="/tickets"]');
    await page.locator('[data-testid="ticket-link"]').first().waitFor();
    await page.fill('[data-testid="filter-q"]', '路灯');
    await page.click('[data-testid="filter-submit"]');
    await page.locator('[data-testid="ticket-link"]', { hasText: number }).waitFor();
    await page.click('[data-testid="save-view"]');
    await page.locator('.ant-modal input').fill('路灯');
    await page.locator('.ant-modal .ant-btn-primary').click();
    await page.click('[data-testid="lang-switch"]');
    await page.getByText('Orders', { exact: true }).first().waitFor();
    await shot(page, '11-list-english');
    await page.reload();
    await page.getByText('Orders', { exact: true }).first().waitFor();
    await page.click('[data-testid="lang-switch"]');
    await page.context().close();
  });

  it('administration shows the refusal of the API next to the field', async () => {
    const page = await as('admin');
    await page.click('[data-testid="admin"] .ant-tabs-tab:nth-child(2)');
    await page.click('[data-testid="new-user"]');
    const modal = page.locator('.ant-modal:visible');
    await modal.locator('#username').fill('agent');
    await modal.locator('#displayName').fill('重复的用户');
    await modal.locator('#password').fill('long-enough-1');
    await modal.locator('.ant-btn-primary').click();
    await modal.locator('.ant-form-item-explain-error, .ant-alert-error').first().waitFor();
    await shot(page, '13-admin-duplicate-user');
    await page.context().close();
  });

  it('works on a 375 px wide screen', async () => {
    const page = await as('handler', 375);
    await page.locator('[data-testid="unit-desk"]').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await shot(page, '12-unit-desk-375');
    await page.goto(`${baseUrl}/tickets/${ticketId}`);
    await page.locator('[data-testid="ticket-detail"]').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await shot(page, '12b-detail-375');
    await page.context().close();
    const agent = await as('agent', 375);
    await agent.locator('[data-testid="agent-desk"]').waitFor();
    expect(await horizontalOverflow(agent)).toBeLessThanOrEqual(1);
    await shot(agent, '12c-agent-desk-375');
    await agent.context().close();
  });
});
