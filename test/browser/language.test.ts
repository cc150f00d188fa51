// The language switch: Chinese by default, English after one click (menu, headers, Ant Design's own
// texts), kept across a reload, and back.
import { describe, expect, it } from 'vitest';
import { poll, useBrowserEnv } from './support';

describe('language switch', { timeout: 240_000 }, () => {
  const env = useBrowserEnv();

  it('switches zh-CN ⇄ en and remembers the choice', async () => {
    const page = await env().open('/customers');
    const nav = page.getByRole('navigation', { name: 'main' });
    await poll(() => nav.textContent()).toContain('客户');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await poll(() => page.getByTestId('customer-table').textContent()).toContain('未收金额');

    await page.getByTestId('language-switch').click();
    await poll(() => nav.textContent()).toContain('Customers');
    expect(await nav.textContent()).toContain('Payments');
    expect(await page.getByTestId('customer-table').textContent()).toContain('Overdue');
    expect(await page.getByTestId('customer-search').locator('input').getAttribute('placeholder')).toBe(
      'Code, name or tax id',
    );
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await env().screenshot(page, 'customers-en');

    // Ant Design's built-in texts follow too (date picker on the invoice list).
    await page.getByRole('link', { name: 'Invoices' }).or(nav.getByText('Invoices')).first().click();
    await page.waitForURL('**/invoices');
    await page.getByPlaceholder('Due from').click();
    await poll(() => page.locator('.ant-picker-dropdown').textContent()).toMatch(/Mo|Su/);

    await page.reload();
    await poll(() => nav.textContent()).toContain('Customers');

    await page.getByTestId('language-switch').click();
    await poll(() => nav.textContent()).toContain('发票');
    await page.getByPlaceholder('到期日从').click();
    await poll(() => page.locator('.ant-picker-dropdown').textContent()).toContain('一');
  });
});
