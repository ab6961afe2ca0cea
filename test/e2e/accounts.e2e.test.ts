// Account administration in the console, and the API's refusals in Chinese: the administrator edits an
// account, disables it (its user, signed in elsewhere, is signed out and cannot sign in again), reads the
// account's audit trail, enables it and resets its password; a duplicate username is refused in Chinese.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Api, launchBrowser, login, newPage, shot } from './browser';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function usersTab(page: Page): Promise<void> {
  await page.locator('[data-testid="admin"]').waitFor();
  await page.click('[data-testid="admin"] .ant-tabs-tab:nth-child(2)');
}

describe('account administration', () => {
  const username = `e2e-li-${Date.now() % 1_000_000}`;
  const password = 'first-Pass-123';
  const newPassword = 'second-Pass-456';

  it('the admin disables a signed-in user, who is signed out and refused in Chinese; the trail shows it', async () => {
    const adminApi = await new Api(baseUrl).login('admin', adminPassword);
    await adminApi.call('POST', '/users', { username, password, displayName: '李测试', roles: ['agent'], unitId: null });

    // The user works at the agent desk in their own browser.
    const { page: userPage } = await newPage(browser);
    await login(userPage, baseUrl, username, password);
    await userPage.locator('[data-testid="agent-desk"]').waitFor();

    const { page: admin } = await newPage(browser);
    await login(admin, baseUrl, 'admin', adminPassword);
    await usersTab(admin);
    await admin.locator(`[data-testid="user-status-${username}"][data-active="true"]`).waitFor();

    // Edit: a new display name and an extra role.
    await admin.click(`[data-testid="user-edit-${username}"]`);
    const edit = admin.locator('[data-testid="user-edit-form"]');
    await edit.locator('#displayName').fill('李测试（夜班）');
    await admin.click('[data-testid="user-edit-submit"]');
    await admin.locator('.ant-table-row', { hasText: '李测试（夜班）' }).waitFor();

    // Disable, after confirming.
    await admin.click(`[data-testid="user-toggle-${username}"]`);
    await admin.locator('[data-testid="user-toggle-confirm"]:visible').click();
    await admin.locator(`[data-testid="user-status-${username}"][data-active="false"]`).waitFor();
    expect(await admin.locator(`[data-testid="user-status-${username}"]`).textContent()).toBe('已停用');
    await shot(admin, '40-admin-user-disabled');

    // The user's next step finds the session gone: back to sign-in, which says why.
    await userPage.click('a[href="/tickets"]');
    await userPage.locator('[data-testid="session-ended"]').waitFor();
    expect(await userPage.locator('[data-testid="session-ended"]').textContent()).toContain('登录已失效');
    await shot(userPage, '41-user-signed-out');
    // Signing in again is refused, in Chinese, by the code AUTH.ACCOUNT_DISABLED (the server's English is a detail).
    await userPage.fill('input[name="username"]', username);
    await userPage.fill('input[name="password"]', password);
    await userPage.click('button[type="submit"]');
    const refusal = userPage.locator('[data-testid="login-error"]');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('AUTH.ACCOUNT_DISABLED');
    expect(await refusal.textContent()).toContain('该账号已停用，请联系系统管理员');
    await shot(userPage, '42-login-refused-disabled');

    // The account's audit trail: created, changed, disabled, by whom.
    await admin.click(`[data-testid="user-audit-${username}"]`);
    const audit = admin.locator('[data-testid="user-audit"]');
    await audit.locator('[data-testid="audit-action"]').first().waitFor();
    const trail = (await audit.textContent()) ?? '';
    for (const bit of ['创建账号', '修改账号', '状态：启用 → 已停用', '姓名：李测试 → 李测试（夜班）', '系统管理员']) expect(trail).toContain(bit);
    await shot(admin, '43-admin-user-audit');
    await admin.locator('.ant-drawer-close').click();

    // Enable again and reset the password: the old one no longer works, the new one does.
    await admin.click(`[data-testid="user-toggle-${username}"]`);
    await admin.locator('[data-testid="user-toggle-confirm"]:visible').click();
    await admin.locator(`[data-testid="user-status-${username}"][data-active="true"]`).waitFor();
    await admin.click(`[data-testid="user-reset-${username}"]`);
    const reset = admin.locator('[data-testid="user-reset-form"]');
    await reset.locator('#password').fill(newPassword);
    await reset.locator('#confirm').fill('not-the-same-1');
    await admin.click('[data-testid="user-reset-submit"]');
    await reset.locator('.ant-form-item-explain-error', { hasText: '两次输入的密码不一致' }).waitFor();
    await reset.locator('#confirm').fill(newPassword);
    await admin.click('[data-testid="user-reset-submit"]');
    await reset.waitFor({ state: 'detached' });

    await userPage.fill('input[name="password"]', password);
    await userPage.click('button[type="submit"]');
    await userPage.locator('[data-testid="login-error"][data-code="AUTH.INVALID_CREDENTIALS"]').waitFor();
    expect(await userPage.locator('[data-testid="login-error"]').textContent()).toContain('用户名或密码错误');
    await userPage.fill('input[name="password"]', newPassword);
    await userPage.click('button[type="submit"]');
    // Signed in again, back on the page the session ended on.
    await userPage.locator('[data-testid="user-menu"]').waitFor();
    expect(new URL(userPage.url()).pathname).toBe('/tickets');

    await userPage.context().close();
    await admin.context().close();
  });

  it('the API refusal of a duplicate username shows in Chinese next to the field, and in English after the switch', async () => {
    const { page } = await newPage(browser);
    await login(page, baseUrl, 'admin', adminPassword);
    await usersTab(page);
    const create = async () => {
      await page.click('[data-testid="new-user"]');
      const modal = page.locator('.ant-modal:visible');
      await modal.locator('#username').fill('agent');
      await modal.locator('#displayName').fill('重复的用户');
      await modal.locator('#password').fill('long-enough-1');
      await modal.locator('.ant-btn-primary').click();
      return modal;
    };
    let modal = await create();
    await modal.locator('.ant-form-item-explain-error', { hasText: '该用户名已被占用' }).waitFor();
    expect(await modal.textContent()).not.toContain('taken');
    await shot(page, '44-admin-duplicate-user-zh');
    await modal.locator('.ant-btn:not(.ant-btn-primary)').click();
    await page.click('[data-testid="lang-switch"]');
    modal = await create();
    await modal.locator('.ant-form-item-explain-error', { hasText: 'That username is taken' }).waitFor();
    await page.click('[data-testid="lang-switch"]').catch(() => undefined);
    await page.context().close();
  });
});
