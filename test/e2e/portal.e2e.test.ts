// A citizen on a phone: submit a request with a photo on the portal, get a number, track it, and rate it
// once the centre has handled it.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { Api, horizontalOverflow, launchBrowser, ONE_PIXEL_PNG, newPage, shot } from './browser';

const baseUrl = inject('baseUrl');
const demo = inject('demoPassword');
const PHONE = '13905169999';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('citizen portal', () => {
  it('submits with a photo and location, tracks, sees the reply and rates', async () => {
    const { context, page } = await newPage(browser, { width: 375, height: 740, mobile: true });
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 34.2647, longitude: 117.1848 });
    await page.goto(`${baseUrl}/portal`);
    await page.locator('[data-testid="portal-submit-form"]').waitFor();
    expect(await page.title()).toContain('12345');
    await page.fill('textarea[name="content"]', '公园健身器材损坏，存在安全隐患，希望尽快修复。');
    await page.fill('input[name="phone"]', PHONE);
    await page.fill('input[name="address"]', '云龙区某公园北门');
    await page.click('[data-testid="portal-locate"]');
    await page.getByText('已定位').waitFor();
    await page.setInputFiles('input[type="file"]', { name: 'photo.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
    await page.locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)').first().waitFor();
    const overflow = await horizontalOverflow(page);
    expect(overflow).toBeLessThanOrEqual(1);
    await shot(page, '20-portal-form-375');
    await page.click('[data-testid="portal-submit"]');
    const numberEl = page.locator('[data-testid="portal-number"]');
    await numberEl.waitFor();
    const number = (await numberEl.textContent())?.replace(/\D/g, '') ?? '';
    expect(number).toMatch(/^\d{8,20}$/);
    await shot(page, '21-portal-submitted');

    await page.click('[data-testid="portal-track-now"]');
    await page.click('[data-testid="portal-track"]');
    await page.locator('[data-testid="portal-view"]').waitFor();
    expect(await page.locator('[data-testid="portal-view"]').textContent()).toContain('健身器材');
    await shot(page, '22-portal-tracked');

    // A wrong phone reveals nothing.
    await page.fill('[data-testid="portal-track-form"] input[name="phone"]', '13900000000');
    await page.click('[data-testid="portal-track"]');
    await page.locator('[data-testid="portal-track-error"]').waitFor();

    // The centre handles it; the photo arrived with the order.
    const dispatcher = await new Api(baseUrl).login('dispatcher', demo);
    const handler = await new Api(baseUrl).login('handler', demo);
    const found = await dispatcher.call<{ items: { id: string; number: string; version: number; attachments: unknown[]; location: unknown }[] }>(
      'GET',
      `/tickets?phone=${PHONE}`,
    );
    const listed = found.items.find((x) => x.number === number);
    const t0 = await dispatcher.call<{ id: string; version: number; attachments: { contentType: string }[]; location: unknown }>('GET', `/tickets/${listed?.id}`);
    expect(t0.attachments.map((a) => a.contentType)).toEqual(['image/png']);
    expect(t0.location).toEqual({ lat: 34.2647, lng: 117.1848 });
    const units = await dispatcher.call<{ items: { id: string; name: string }[] }>('GET', '/units');
    const street = units.items.find((u) => u.name === '丰财街道');
    let t = await dispatcher.act(t0.id, t0.version, 'dispatch', { leadUnitId: street?.id });
    t = await handler.act(t.id, t.version, 'sign');
    t = await handler.act(t.id, t.version, 'reply', { reply: '已更换损坏的健身器材。', resolved: true });
    await dispatcher.act(t.id, t.version, 'approve_reply');

    await page.fill('[data-testid="portal-track-form"] input[name="phone"]', PHONE);
    await page.click('[data-testid="portal-track"]');
    await page.locator('[data-testid="portal-reply"]', { hasText: '健身器材' }).waitFor();
    await page.click('[data-testid="rate-satisfied"]');
    await page.click('[data-testid="portal-rate-submit"]');
    await page.locator('[data-testid="portal-rated"]').waitFor();
    await shot(page, '23-portal-rated');
    await context.close();
  });
});
