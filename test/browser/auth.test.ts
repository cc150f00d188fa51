// Signing in and out in a real browser, and seeing only what the role allows: a collector sees their own
// customers and no administration; an auditor gets the audit log; nobody gets in without a session.
import { sql } from 'kysely';
import type { Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/auth/create-user';
import { hashPassword } from '../../src/auth/secrets';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { tableRows, useBrowserEnv } from './support';

const PASSWORD = 'correct horse battery staple';
// The machine may be busy: give the screen time to settle before failing.
const WAIT = { timeout: 15_000 };

async function signIn(page: Page, username: string, password = PASSWORD) {
  await page.waitForURL('**/login**');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

const navText = async (page: Page) => (await page.locator('nav[aria-label="main"]').textContent()) ?? '';

describe('sign-in and role-based screens', () => {
  const env = useBrowserEnv();

  beforeAll(async () => {
    const { store, fixtures } = env();
    // The fixtures' collector 李华 (lihua) signs in; another collector has a customer lihua must not see.
    await sql`update app_user set password_hash = ${await hashPassword(PASSWORD)} where username = 'lihua'`.execute(
      store.db,
    );
    await sql`insert into user_role (user_id, role) values (${fixtures.collectorId}, 'collector')`.execute(
      store.db,
    );
    const other = await createUser(store.db, SYSTEM_ACTOR, {
      username: 'zhaoliu',
      displayName: '赵六',
      roles: [{ role: 'collector' }],
    });
    await sql`insert into customer (code, name, collector_id) values ('C900', '广州别人家的客户', ${other.id})`.execute(
      store.db,
    );
    await sql`insert into customer (code, name, collector_id)
              values ('C901', '<img src=x onerror="window.__xss=1">恶意名称', ${fixtures.collectorId})`.execute(
      store.db,
    );
    await createUser(store.db, SYSTEM_ACTOR, {
      username: 'sun.audit',
      displayName: '审计 孙丽',
      password: PASSWORD,
      roles: [{ role: 'auditor' }],
    });
  });

  it('sends a visitor without a session to the sign-in page, and refuses a wrong password', async () => {
    const page = await env().open('/customers', { signedIn: false });
    await page.waitForURL('**/login?next=%2Fcustomers');
    await signIn(page, 'lihua', 'not the password');
    await expect.poll(() => page.getByTestId('login-error').textContent(), WAIT).toContain('登录失败');
    expect(page.url()).toContain('/login');
    await env().screenshot(page, 'auth-login-failed');
  });

  it('lets a collector in to their own customers only, without administration, and signs out', async () => {
    const page = await env().open('/customers', { signedIn: false });
    await signIn(page, 'lihua');
    await page.waitForURL('**/customers');
    await expect.poll(() => tableRows(page, 'customer-table'), WAIT).toHaveLength(4);
    const rows = (await tableRows(page, 'customer-table')).join('\n');
    expect(rows).toContain('上海明达机械有限公司');
    expect(rows).not.toContain('广州别人家的客户');
    // A name with markup shows as text and runs nothing.
    expect(rows).toContain('<img src=x onerror="window.__xss=1">恶意名称');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    const nav = await navText(page);
    expect(nav).toContain('客户');
    expect(nav).not.toContain('用户与角色');
    expect(nav).not.toContain('审计日志');
    expect(nav).not.toContain('导入'); // imports need imports:write
    expect(nav).not.toContain('策略模拟'); // company-wide figures: simulations:read
    await expect.poll(() => page.getByTestId('user-menu').textContent(), WAIT).toContain('李华');
    await env().screenshot(page, 'auth-collector-customers');

    await page.goto('/admin/users');
    await expect.poll(() => page.locator('.ant-result-403').count(), WAIT).toBe(1);
    // The case list, but without the button that runs the engine for every customer.
    await page.goto('/collections/cases');
    await expect.poll(() => page.locator('h3').first().textContent(), WAIT).toContain('催收案件');
    expect(await page.getByTestId('run-engine').count()).toBe(0);

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login**');
    await page.goto('/customers');
    await page.waitForURL('**/login?next=%2Fcustomers');
  });

  it('gives an auditor the audit log, searchable, with an intact hash chain', async () => {
    const page = await env().open('/admin/audit', { signedIn: false });
    await signIn(page, 'sun.audit');
    await page.waitForURL('**/admin/audit');
    const nav = await navText(page);
    expect(nav).toContain('审计日志');
    expect(nav).not.toContain('用户与角色');
    await expect
      .poll(async () => (await tableRows(page, 'audit-table-rows')).length, WAIT)
      .toBeGreaterThan(0);
    await page.getByTestId('audit-q').locator('input').fill('赵六');
    await page.getByTestId('audit-q').locator('input').press('Enter');
    await expect.poll(() => tableRows(page, 'audit-table-rows'), WAIT).toHaveLength(1);
    expect((await tableRows(page, 'audit-table-rows'))[0]).toMatch(/用户 \| 新增/); // table and operation in the user's language
    await page.getByTestId('audit-verify').click();
    await expect
      .poll(() => page.getByTestId('audit-verify-result').textContent(), WAIT)
      .toContain('哈希链完整');
    await env().screenshot(page, 'auth-auditor-audit-log');
  });

  it('lets an administrator create a user with a role and disable it', async () => {
    const { store } = env();
    await createUser(store.db, SYSTEM_ACTOR, {
      username: 'boss',
      displayName: '老板',
      password: PASSWORD,
      roles: [{ role: 'admin' }],
    });
    const page = await env().open('/admin/users', { signedIn: false });
    await signIn(page, 'boss');
    await page.waitForURL('**/admin/users');
    expect(await navText(page)).toContain('用户与角色');
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-username').fill('qian.new');
    await page.getByTestId('user-display-name').fill('钱新');
    await page.getByTestId('user-password').fill('another good passphrase');
    await page.getByTestId('add-role').click();
    await page.getByTestId('role-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '财务' }).click();
    // The choice has landed and its list is closed before the form is sent. A click on an option list still
    // opening or closing can miss; the form is then refused in the browser and no request is ever made.
    await expect.poll(() => page.getByTestId('role-select').textContent(), WAIT).toContain('财务');
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), WAIT).toBe(0);
    // The request itself, awaited together with the click: a click that fails must not leave the wait for
    // the answer behind as an unhandled rejection (which reads as "no answer" and hides the click's error).
    const isCreate = (r: Request) => new URL(r.url()).pathname.endsWith('/users') && r.method() === 'POST';
    let sent = false;
    page.on('request', (r) => {
      if (isCreate(r)) sent = true;
    });
    const [answer] = await Promise.all([
      page
        .waitForResponse((r) => isCreate(r.request()), { timeout: 30_000 })
        .catch(async (error: Error) => {
          const problems = await page.locator('.ant-form-item-explain-error').allTextContents();
          throw new Error(`${sent ? 'sent, no answer' : 'never sent'}; form: ${problems.join(' / ')}`, {
            cause: error,
          });
        }),
      page.getByTestId('user-save').click(),
    ]);
    expect(answer.status(), await answer.text()).toBe(201);
    await expect
      .poll(
        async () => (await tableRows(page, 'user-table')).find((row) => row.includes('qian.new')) ?? '',
        WAIT,
      )
      .toMatch(/钱新.*财务.*启用/);
    await env().screenshot(page, 'auth-admin-users');
    const { rows } = await sql<{ role: string }>`
      select r.role from user_role r join app_user u on u.id = r.user_id where u.username = 'qian.new'`.execute(
      store.db,
    );
    expect(rows).toEqual([{ role: 'finance' }]);

    const row = page.getByTestId('user-table').locator('tr', { hasText: 'qian.new' });
    await row.getByRole('button', { name: /停\s*用/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确/ }).click();
    await expect
      .poll(async () => (await tableRows(page, 'user-table')).some((r) => r.includes('qian.new')), WAIT)
      .toBe(false); // disabled users are hidden unless "include disabled" is ticked
  });
});
