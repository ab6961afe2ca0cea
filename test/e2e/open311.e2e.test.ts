// Open311 接入 in the console: the admin issues a key to a client app (shown once), the app files a request with
// it through the GeoReport v2 endpoint, the admin adds an attribute to a service (the endpoint's definition shows
// it), switches the registration mode, and revokes the key (the endpoint then refuses it with 403).
// The service edited here (020404 公厕管理) is put back to its defaults at the end.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { Api, horizontalOverflow, launchBrowser, login, newPage, snap } from './browser';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');
const SERVICE = '020404';

let browser: Browser;
let admin: Api;

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await new Api(baseUrl).login('admin', adminPassword);
});

afterAll(async () => {
  const services = await admin?.call<{ items: { code: string; version: number }[] }>('GET', '/admin/open311/services').catch(() => null);
  const s = services?.items.find((x) => x.code === SERVICE);
  if (s && s.version > 0) {
    await admin.call('PUT', `/admin/open311/services/${SERVICE}`, { description: null, keywords: null, serviceNotice: null, private: false, attributes: [], expectedVersion: s.version });
  }
  await admin?.call('PUT', '/admin/open311/settings', { mode: 'realtime' }).catch(() => undefined);
  await browser?.close();
});

const file = (apiKey: string, fields: Record<string, string> = {}) =>
  fetch(`${baseUrl}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams({ api_key: apiKey, service_code: SERVICE, address_string: '彭城广场公厕', description: '公厕无人打扫（浏览器测试）', ...fields }).toString(),
  });

describe('Open311 admin page', () => {
  it('issues a key, edits a service definition, switches the mode and revokes the key', async () => {
    const { page } = await newPage(browser, { width: 1280, height: 900 });
    await login(page, baseUrl, 'admin', adminPassword);
    await snap(page, '59-open311-menu');
    // /open311 itself is the GeoReport endpoint's prefix on the server: the console page is /admin/open311
    await page.goto(`${baseUrl}/admin/open311`);
    await page.locator('[data-testid="open311-page"]').waitFor();

    // a key for a new app, shown once
    await page.click('[data-testid="open311-new-client"]');
    await page.fill('[data-testid="open311-client-name"]', '浏览器测试 App');
    await page.click('[data-testid="open311-create-client"]');
    const keyEl = page.locator('[data-testid="open311-new-key"]');
    await keyEl.waitFor();
    const apiKey = ((await keyEl.textContent()) ?? '').trim();
    expect(apiKey).toMatch(/^o311_/);
    await page.locator('[data-testid="open311-clients"]').getByText('浏览器测试 App').waitFor();
    await snap(page, '60-open311-clients');

    // the app files a request with it
    const filed = await file(apiKey);
    expect(filed.status).toBe(200);
    const number = ((await filed.json()) as { service_request_id: string }[])[0]!.service_request_id;
    expect(number).toMatch(/^\d{14}$/);

    // a required single-choice attribute for 公厕管理
    await page.getByRole('tab', { name: '服务定义' }).click();
    await page.fill('[data-testid="open311-search"] input, input[data-testid="open311-search"]', SERVICE);
    await page.click(`[data-testid="open311-edit-${SERVICE}"]`);
    await page.fill('[data-testid="open311-notice"]', '环卫部门将在 24 小时内处理');
    await page.click('[data-testid="open311-add-attribute"]');
    await page.fill('[data-testid="open311-attr-code-0"]', 'problem');
    await page.fill('[data-testid="open311-attr-description-0"]', '问题类型');
    await page.click('[data-testid="open311-attr-datatype-0"]');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '单选列表' }).click();
    await page.check('[data-testid="open311-attr-required-0"]');
    // a list without values is refused in the form
    await page.click('[data-testid="open311-save-service"]');
    await page.getByText('列表类型至少需要一个选项').waitFor();
    await page.click('[data-testid="open311-add-value-0"]');
    await page.fill('[data-testid="open311-value-key-0-0"]', 'dirty');
    await page.fill('[data-testid="open311-value-name-0-0"]', '卫生差');
    await snap(page, '61-open311-service-definition');
    await page.click('[data-testid="open311-save-service"]');
    await page.getByText(`已保存服务 ${SERVICE}`).waitFor();
    await page.locator('[data-testid="open311-services"]').getByText('v1').waitFor();

    const def = (await (await fetch(`${baseUrl}/open311/v2/services/${SERVICE}.json`)).json()) as { attributes: { code: string; required: boolean; values: { key: string; name: string }[] }[] };
    expect(def.attributes).toEqual([expect.objectContaining({ code: 'problem', required: true, datatype: 'singlevaluelist', values: [{ key: 'dirty', name: '卫生差' }] })]);
    // the attribute is now required of the app
    expect((await file(apiKey, { description: '再次反映' })).status).toBe(400);
    expect((await file(apiKey, { description: '再次反映', 'attribute[problem]': 'dirty' })).status).toBe(200);

    // batch mode, and back
    await page.getByRole('tab', { name: '接口设置' }).click();
    await page.getByText('/open311/v2/').first().waitFor();
    await page.getByText('排队：', { exact: false }).click();
    await page.getByText('登记方式已更新').first().waitFor();
    expect((await admin.call<{ mode: string }>('GET', '/admin/open311/settings')).mode).toBe('batch');
    await page.getByText('实时：', { exact: false }).click();
    await expect.poll(async () => (await admin.call<{ mode: string }>('GET', '/admin/open311/settings')).mode).toBe('realtime');

    // revoke: the endpoint refuses the key at once
    await page.getByRole('tab', { name: '客户端应用' }).click();
    await page.click('[data-testid="open311-revoke-浏览器测试 App"]');
    await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
    await page.getByText('已吊销 浏览器测试 App 的密钥').waitFor();
    const refused = await file(apiKey, { description: '吊销后提交' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual([{ code: 403, description: 'This api_key has been revoked' }]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);

    // the order it filed names the app in its timeline, and carries its Open311 token as the external reference
    const order = (await admin.call<{ items: { id: string; externalRef: string; open311: { clientName: string } }[] }>('GET', `/tickets?q=${number}`)).items[0]!;
    expect(order.open311.clientName).toBe('浏览器测试 App');
    await page.goto(`${baseUrl}/tickets/${order.id}`);
    await page.getByText('浏览器测试 App（Open311）').first().waitFor();
    await page.getByText(order.externalRef).first().waitFor();
    await snap(page, '62-open311-order');
  });
});
