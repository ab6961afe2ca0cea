// Deadline extension in the console: the unit handler asks for more time on an order in progress, the
// dispatcher approves it from the "延期待审批" queue, and the order shows the moved reply deadline.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { Api, launchBrowser, login, newPage, shot } from './browser';

const baseUrl = inject('baseUrl');
const demo = inject('demoPassword');

interface Deadlines {
  replyBy: string | null;
  originalReplyBy: string | null;
}
interface Order {
  id: string;
  number: string;
  version: number;
  status: string;
  deadlines?: Deadlines | null;
  pendingExtension?: unknown;
}

// What the console shows: Beijing time, minutes.
const beijing = (iso: string) => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('deadline extension', () => {
  it('a unit handler requests an extension, the dispatcher approves it and the reply deadline moves', async () => {
    const dispatcher = await new Api(baseUrl).login('dispatcher', demo);
    const handler = await new Api(baseUrl).login('handler', demo);
    const units = await dispatcher.call<{ items: { id: string; name: string }[] }>('GET', '/units');
    const street = units.items.find((u) => u.name === '丰财街道');
    expect(street).toBeDefined();
    let t = await dispatcher.call<Order>('POST', '/tickets', { channel: 'phone', content: '小区二次供水水箱需要清洗消毒，居民担心水质。', caller: { phone: '13905160021' } });
    t = await dispatcher.act(t.id, t.version, 'dispatch', { leadUnitId: street?.id });
    t = await handler.act(t.id, t.version, 'sign');
    const before = await handler.call<Order>('GET', `/tickets/${t.id}`);
    const replyBy = before.deadlines?.replyBy;
    expect(replyBy).toBeTruthy();

    // The unit handler asks for 72 more hours from the order's page.
    const { page: unit } = await newPage(browser);
    await login(unit, baseUrl, 'handler', demo);
    await unit.goto(`${baseUrl}/tickets/${t.id}`);
    await unit.locator('[data-testid="ticket-detail"][data-status="in_progress"]').waitFor();
    await unit.locator('[data-testid="deadlines"]', { hasText: beijing(replyBy ?? '') }).waitFor();
    await unit.click('[data-testid="action-request_extension"]');
    const ask = unit.locator('[data-testid="action-form-request_extension"]');
    await ask.locator('.ant-input-number input').fill('72');
    await ask.locator('textarea').fill('需协调供水公司排期清洗水箱');
    await ask.locator('[data-testid="submit-request_extension"]').click();
    await unit.locator('[data-testid="ticket-detail"]', { hasText: '需协调供水公司排期清洗水箱' }).waitFor();
    await unit.locator('[data-testid="action-request_extension"]').waitFor({ state: 'detached' });
    await shot(unit, '50-unit-extension-requested');
    await unit.context().close();

    // The dispatcher finds it in the extension queue and approves.
    const { page: desk } = await newPage(browser);
    await login(desk, baseUrl, 'dispatcher', demo);
    await desk.click('[data-testid="queue-tab-extension"]');
    const link = desk.locator('[data-testid="ticket-link"]', { hasText: t.number });
    await link.first().waitFor();
    await link.first().click();
    const drawer = desk.locator('.ant-drawer [data-testid="ticket-detail"]');
    await drawer.waitFor();
    await desk.click('.ant-drawer [data-testid="action-decide_extension"]');
    const decide = desk.locator('.ant-drawer [data-testid="action-form-decide_extension"]');
    await decide.locator('textarea').fill('同意延期');
    await decide.locator('[data-testid="submit-decide_extension"]').click();
    await desk.locator('.ant-drawer [data-testid="action-decide_extension"]').waitFor({ state: 'detached' });

    const after = await dispatcher.call<Order>('GET', `/tickets/${t.id}`);
    expect(after.pendingExtension).toBeNull();
    const moved = after.deadlines?.replyBy ?? '';
    expect(new Date(moved).getTime()).toBeGreaterThan(new Date(replyBy ?? '').getTime());
    expect(after.deadlines?.originalReplyBy).toBe(replyBy);
    // The order shows the new reply deadline and the original one beside it.
    const deadlines = desk.locator('.ant-drawer [data-testid="deadlines"]');
    await deadlines.locator('.ant-tag', { hasText: `答复时限 ${beijing(moved)}` }).waitFor();
    await deadlines.locator('.ant-tag', { hasText: `原答复时限 ${beijing(replyBy ?? '')}` }).waitFor();
    expect(await desk.locator('.ant-drawer [data-testid="ticket-timeline"]').textContent()).toContain('审批延期');
    await shot(desk, '51-dispatcher-extension-approved');
    await desk.context().close();
  });
});
