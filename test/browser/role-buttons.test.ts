// Buttons a role cannot use are hidden: recording a payment and allocating need payments:write, which the
// auditor and the salesperson lack (before, both saw them and were refused with 403 on use).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/auth/create-user';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { poll, useBrowserEnv } from './support';

const AUDITOR = { username: 'audit.buttons', password: 'Auditor-Buttons-42' };

describe('buttons follow the rights', { timeout: 300_000 }, () => {
  const env = useBrowserEnv();

  async function buttons(page: Page): Promise<string> {
    return (await page.locator('.ant-btn').allTextContents()).join(' | ');
  }

  it('hides record payment and allocate from an auditor, shows them to finance', async () => {
    const { store, fixtures } = env();
    await createUser(store.db, SYSTEM_ACTOR, {
      username: AUDITOR.username,
      displayName: '审计员',
      password: AUDITOR.password,
      roles: [{ role: 'auditor' }],
    });

    const finance = await env().open(`/customers/${fixtures.mingda}`);
    await poll(() => buttons(finance)).toContain('登记收款');
    expect(await buttons(finance)).toContain('核销');
    await finance.goto('/payments');
    await poll(() => buttons(finance)).toContain('登记收款');

    const auditor = await env().open('/login', { signedIn: false });
    expect((await auditor.request.post('/api/auth/login', { data: AUDITOR })).ok()).toBe(true);
    await auditor.goto(`/customers/${fixtures.mingda}`);
    await poll(() => auditor.getByTestId('customer-title').textContent()).toContain('上海明达');
    expect(await buttons(auditor)).not.toContain('登记收款');
    expect(await buttons(auditor)).not.toContain('核销');
    await auditor.goto('/payments');
    await poll(() => auditor.locator('.ant-table').count()).toBeGreaterThan(0);
    expect(await buttons(auditor)).not.toContain('登记收款');
  });
});

describe('the dashboard', { timeout: 300_000 }, () => {
  const env = useBrowserEnv();

  it('links its top overdue customers to their pages', async () => {
    const page = await env().open('/analytics/dashboard');
    const link = page.getByTestId('top-customer-link').first();
    await link.waitFor();
    const name = await link.textContent();
    await link.click();
    await page.waitForURL(/\/customers\/\d+$/);
    await poll(() => page.getByTestId('customer-title').textContent()).toContain(
      name?.split(' ').slice(1).join(' '),
    );
  });
});
