// Shared helpers for the browser tests: Debian's chromium through playwright-core, sign-in, screenshots,
// and a small API client to prepare data the test is not about.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './server';

/** A 1×1 PNG, the photo the tests attach. */
export const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export async function newPage(browser: Browser, opts: { width?: number; height?: number; mobile?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1366, height: opts.height ?? 860 },
    locale: 'zh-CN',
    timezoneId: 'Europe/London',
    isMobile: opts.mobile ?? false,
    hasTouch: opts.mobile ?? false,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A screenshot in the suite's folder and in /tmp (to look at while developing). */
export async function snap(page: Page, name: string): Promise<void> {
  await shot(page, name);
  await page.screenshot({ path: `/tmp/${name}.png`, fullPage: true });
}

/** Polls `fn` once a second until it returns something, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** The demo model trains in the background on the first start; the assistant answers 409 until it is active. */
export async function waitForDemoModel(admin: Api): Promise<void> {
  await waitFor('the demo model', async () => (await admin.call<{ items: { active: boolean }[] }>('GET', '/admin/models')).items.find((m) => m.active), 200_000);
}

export async function login(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  // The console swaps the route in place (history API): wait for the signed-in shell, not a page load.
  try {
    await page.locator('[data-testid="user-menu"]').waitFor();
  } catch (e) {
    await shot(page, `login-failed-${username}`);
    throw e;
  }
}

/** Picks a node of an antd TreeSelect by typing part of its title. */
export async function pickTreeNode(page: Page, selector: string, search: string, title: string): Promise<void> {
  await page.click(selector);
  await page.keyboard.type(search);
  const node = page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: title }).first();
  await node.click();
}

/** Pixels the page is wider than the viewport (0 when nothing sticks out sideways). */
export async function horizontalOverflow(page: Page): Promise<number> {
  // A string, so the root tsconfig (no DOM lib) need not know browser globals.
  return Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
}

export class Api {
  private token = '';
  constructor(readonly baseUrl: string) {}

  async login(username: string, password: string): Promise<this> {
    const r = await this.call<{ token: string }>('POST', '/auth/login', { username, password });
    this.token = r.token;
    return this;
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  act(id: string, version: number, action: string, fields: Record<string, unknown> = {}) {
    return this.call<{ id: string; number: string; version: number; status: string }>('POST', `/tickets/${id}/actions`, { action, expectedVersion: version, ...fields });
  }
}
