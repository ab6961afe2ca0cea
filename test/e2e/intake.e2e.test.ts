// Smart intake in the console: the admin sees the demo model version, switches automatic dispatch on with a
// threshold (it persists after a reload), reads the live accuracy, trains a new version and rolls back; a
// dispatcher reads the same page without edit rights, opens the event clusters and merges a duplicate.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Api, launchBrowser, login, newPage, snap, waitForDemoModel } from './browser';

const baseUrl = inject('baseUrl');
const demo = inject('demoPassword');
const adminPassword = inject('adminPassword');

interface ModelVersion {
  version: number;
  active: boolean;
  source: string;
}
interface Settings {
  autoDispatchEnabled: boolean;
  autoDispatchThreshold: number;
  retrainIntervalHours: number;
  updatedBy: string | null;
}
interface Cluster {
  size: number;
  representative: { ticketId: string; number: string };
  tickets: { ticketId: string; number: string; status: string }[];
}
interface Order {
  id: string;
  number: string;
  version: number;
  status: string;
  closure: string | null;
  mergedInto: string | null;
}

let browser: Browser;
let admin: Api;
let before: Settings;

/** An antd InputNumber's <input>, whichever element carries the test id. */
const numberInput = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await new Api(baseUrl).login('admin', adminPassword);
  before = await admin.call<Settings>('GET', '/admin/intake/settings');
  // The demo model trains in the background on the first start.
  await waitForDemoModel(admin);
});

afterAll(async () => {
  // One server serves every browser test: leave automatic dispatch as it was, so later files register as before.
  await admin
    ?.call('PUT', '/admin/intake/settings', {
      autoDispatchEnabled: before.autoDispatchEnabled,
      autoDispatchThreshold: before.autoDispatchThreshold,
      retrainIntervalHours: before.retrainIntervalHours,
    })
    .catch(() => undefined);
  await browser?.close();
});

describe('smart intake', () => {
  // Registered before automatic dispatch is switched on, so both stay with the dispatcher.
  let first: Order;
  let second: Order;
  beforeAll(async () => {
    const agent = await new Api(baseUrl).login('agent', demo);
    const text = '泉山区湖滨街道金山东路与湖北路交叉口的路灯已经连续三个晚上不亮了，夜里行人过马路很危险，请尽快派人修复。';
    first = await agent.call<Order>('POST', '/tickets', { channel: 'phone', content: text, address: '泉山区湖滨街道金山东路', caller: { phone: '13905160031' } });
    second = await agent.call<Order>('POST', '/tickets', {
      channel: 'wechat',
      content: `${text.replace('连续三个晚上', '连着三个晚上')}谢谢！`,
      address: '泉山区湖滨街道金山东路',
      caller: { phone: '13905160032' },
    });
    expect([first.status, second.status]).toEqual(['registered', 'registered']);
  });

  it('the admin sees the demo model, turns automatic dispatch on with a threshold, and it persists', async () => {
    const { page } = await newPage(browser);
    await login(page, baseUrl, 'admin', adminPassword);
    await page.locator('.ant-menu a', { hasText: '智能受理' }).click();
    await page.locator('[data-testid="smart-intake"]').waitFor();
    // The demo version, in use, trained by the system on the demo orders.
    const v1 = page.locator('[data-testid="model-row"][data-version="1"]');
    await v1.waitFor();
    expect(await v1.getAttribute('data-active')).toBe('true');
    const row = (await v1.textContent()) ?? '';
    expect(row).toContain('当前使用');
    expect(row).toContain('演示数据');
    expect(row).toContain('系统');
    expect(row).toMatch(/分类 \d+ 类 · 单位 \d+ 个/);
    // The live-accuracy card is there (nothing dispatched automatically yet).
    const accuracy = page.locator('[data-testid="accuracy-card"]');
    await accuracy.waitFor();
    expect(await accuracy.textContent()).toContain('自动派单实际准确率');
    expect(await page.locator('[data-testid="accuracy-total"]').textContent()).toContain('0');
    expect(await page.locator('[data-testid="accuracy-rate"]').textContent()).toContain('—');
    await snap(page, '60-intake-admin');

    // Off by default; switch on, a threshold the console warns about, then a sensible one, and weekly → 3 days.
    const state = page.locator('[data-testid="auto-dispatch-state"]');
    expect(await state.getAttribute('data-enabled')).toBe('false');
    await page.click('[data-testid="auto-dispatch-switch"]');
    const threshold = numberInput(page, 'threshold-input');
    await threshold.fill('40');
    await page.locator('[data-testid="intake-settings"]', { hasText: '阈值低于 50% 时，多数自动派单可能派错' }).waitFor();
    await threshold.fill('95');
    await numberInput(page, 'retrain-input').fill('72');
    await page.click('[data-testid="intake-settings-save"]');
    await page.locator('.ant-message', { hasText: '自动派单设置已保存' }).waitFor();
    await page.locator('[data-testid="auto-dispatch-state"][data-enabled="true"]').waitFor();
    await page.locator('[data-testid="intake-settings-updated"]', { hasText: '最后修改：系统管理员（本人）' }).waitFor();

    const saved = await admin.call<Settings>('GET', '/admin/intake/settings');
    expect(saved).toMatchObject({ autoDispatchEnabled: true, autoDispatchThreshold: 0.95, retrainIntervalHours: 72 });

    // After a reload the form shows what the server kept.
    await page.reload();
    await page.locator('[data-testid="auto-dispatch-state"][data-enabled="true"]').waitFor();
    expect(await page.locator('[data-testid="auto-dispatch-switch"]').getAttribute('aria-checked')).toBe('true');
    expect(await threshold.inputValue()).toBe('95.0');
    expect(await numberInput(page, 'retrain-input').inputValue()).toBe('72');
    await page.locator('[data-testid="accuracy-card"] [data-testid="accuracy-total"]').waitFor();
    await snap(page, '61-intake-settings-saved');
    await page.context().close();
  });

  it('the admin trains a new version (with progress) and rolls back to the demo version', async () => {
    const { page } = await newPage(browser);
    await login(page, baseUrl, 'admin', adminPassword);
    await page.goto(`${baseUrl}/intake`);
    await page.locator('[data-testid="model-row"][data-version="1"][data-active="true"]').waitFor();
    await page.click('[data-testid="model-train"]');
    await page.locator('[data-testid="model-training"]', { hasText: '正在训练新版本' }).waitFor();
    await snap(page, '62-intake-training');
    await page.locator('[data-testid="model-row"][data-version="2"][data-active="true"]').waitFor({ timeout: 180_000 });
    await page.locator('[data-testid="model-training"]').waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid="model-row"][data-version="1"]').getAttribute('data-active')).toBe('false');

    // Roll back: confirmed first, then v1 is in use again.
    await page.click('[data-testid="model-activate-1"]');
    await page.locator('.ant-popconfirm', { hasText: '启用 v1 后，智能辅助和自动派单立即改用该版本（当前为 v2）' }).waitFor();
    await page.click('[data-testid="model-activate-confirm"]');
    await page.locator('.ant-message', { hasText: '已启用版本 v1' }).waitFor();
    await page.locator('[data-testid="model-row"][data-version="1"][data-active="true"]').waitFor();
    const models = await admin.call<{ items: ModelVersion[] }>('GET', '/admin/models');
    expect(models.items.filter((m) => m.active).map((m) => m.version)).toEqual([1]);
    await snap(page, '63-intake-rolled-back');
    await page.context().close();
  });

  it('a dispatcher reads the settings and accuracy without edit rights, and merges a duplicate from the event clusters', async () => {
    const dispatcher = await new Api(baseUrl).login('dispatcher', demo);
    const clusters = await dispatcher.call<{ items: Cluster[] }>('GET', '/assist/clusters?days=7&minSize=2');
    const ours = clusters.items.find((c) => c.tickets.some((x) => x.ticketId === first.id));
    expect(ours?.tickets.map((x) => x.ticketId).sort()).toEqual([first.id, second.id].sort());
    const rep = ours?.representative.ticketId === first.id ? first : second;
    const dup = rep === first ? second : first;

    const { page } = await newPage(browser);
    await login(page, baseUrl, 'dispatcher', demo);
    // Smart intake, read only: the settings the admin saved, the accuracy, no model versions (not the dispatcher's).
    await page.locator('.ant-menu a', { hasText: '智能受理' }).click();
    await page.locator('[data-testid="intake-read-only"]').waitFor();
    await page.locator('[data-testid="auto-dispatch-state"][data-enabled="true"]').waitFor();
    // Who changed them, by name, although a dispatcher may not list accounts.
    await page.locator('[data-testid="intake-settings-updated"]', { hasText: '最后修改：系统管理员，' }).waitFor();
    expect(await page.locator('[data-testid="auto-dispatch-switch"]').isDisabled()).toBe(true);
    await page.locator('[data-testid="accuracy-card"] [data-testid="accuracy-rate"]').waitFor();
    expect(await page.locator('[data-testid="intake-settings-save"]').count()).toBe(0);
    expect(await page.locator('[data-testid="model-versions"]').count()).toBe(0);
    await snap(page, '64-intake-dispatcher');

    await page.locator('.ant-menu a', { hasText: '事件聚类' }).click();
    const card = page.locator('[data-testid="cluster"]', { hasText: dup.number });
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(rep.number);
    expect(text).toContain('代表工单');
    expect(text).toContain('已登记');
    expect(text).toContain('泉山区');
    expect(await card.locator('[data-testid="cluster-ticket-link"]').count()).toBe(2);
    await snap(page, '65-clusters');

    // Merge the duplicate into the representative: both orders shown, then confirmed.
    expect(await card.locator(`[data-testid="cluster-merge-${rep.number}"]`).count()).toBe(0);
    await card.locator(`[data-testid="cluster-merge-${dup.number}"]`).click();
    const modal = page.locator('[data-testid="cluster-merge"]');
    await modal.locator('.ant-descriptions', { hasText: rep.number }).waitFor();
    expect(await modal.textContent()).toContain(`工单 ${dup.number} 将以“已合并”办结`);
    await snap(page, '66-clusters-merge');
    await page.click('[data-testid="cluster-merge-confirm"]');
    await page.locator('.ant-message', { hasText: `工单 ${dup.number} 已合并到 ${rep.number}` }).waitFor();
    await card.waitFor({ state: 'detached' });
    const merged = await dispatcher.call<Order>('GET', `/tickets/${dup.id}`);
    expect(merged).toMatchObject({ status: 'closed', closure: 'merged', mergedInto: rep.id });
    await page.context().close();
  });

  it('an order number in a cluster opens the order; an agent sees clusters but not the merge button', async () => {
    const agent = await new Api(baseUrl).login('agent', demo);
    const text = '铜山区大彭镇大彭村村口的垃圾桶已经一个星期没有人清运了，气味很大，蚊蝇很多，请环卫部门尽快处理。';
    const a = await agent.call<Order>('POST', '/tickets', { channel: 'phone', content: text, caller: { phone: '13905160033' } });
    const b = await agent.call<Order>('POST', '/tickets', { channel: 'web', content: `${text}附近居民都在反映。`, caller: { phone: '13905160034' } });
    const { page } = await newPage(browser);
    await login(page, baseUrl, 'agent', demo);
    await page.goto(`${baseUrl}/clusters`);
    const card = page.locator('[data-testid="cluster"]', { hasText: a.number });
    await card.waitFor();
    expect(await card.textContent()).toContain(b.number);
    expect(await card.textContent()).toContain('铜山区'); // named in the text only (no address)
    expect(await card.locator('[data-testid^="cluster-merge-"]').count()).toBe(0);
    await card.locator('[data-testid="cluster-ticket-link"]', { hasText: a.number }).click();
    await page.waitForURL(`${baseUrl}/tickets/${a.id}`);
    await page.locator('[data-testid="ticket-detail"]').waitFor();
    await page.context().close();
  });
});
