// Every entry of the side navigation opens a working page (no error screen, no failed request alert), and
// the invoice and payment lists show and filter the fixtures.
import { describe, expect, it } from 'vitest';
import { poll, tableRows, useBrowserEnv } from './support';

describe('navigation and lists', { timeout: 240_000 }, () => {
  const env = useBrowserEnv();

  it('opens every navigation entry without an error', async () => {
    const page = await env().open('/customers');
    const nav = page.getByRole('navigation', { name: 'main' });
    await poll(() => nav.locator('li.ant-menu-item').count()).toBeGreaterThanOrEqual(5);
    const labels = await nav.locator('li.ant-menu-item').allTextContents();
    for (const label of labels) {
      await nav.locator('li.ant-menu-item', { hasText: label }).click();
      await page.waitForLoadState('networkidle');
      await poll(() => page.locator('.ant-spin-spinning').count(), `${label} still loading`).toBe(0);
      await env().screenshot(page, `nav-${new URL(page.url()).pathname.slice(1).replace(/\//g, '-')}`);
      const failures = await page.locator('.ant-result-error, .ant-alert-error').allTextContents();
      expect(failures, `page "${label}"`).toEqual([]);
    }
  });

  it('lists invoices with status filter, sorting and the detail drawer', async () => {
    const page = await env().open('/invoices');
    await poll(() => tableRows(page, 'invoice-table')).toHaveLength(5);
    await env().screenshot(page, 'invoices');

    await page.goto('/invoices?status=overdue');
    await poll(() => tableRows(page, 'invoice-table')).toHaveLength(3);
    // Default order is by due date: INV-1001 (45 days late) first.
    const rows = await tableRows(page, 'invoice-table');
    expect(rows.map((r) => r.split(' | ')[0])).toEqual(['INV-1001', 'INV-3001', 'INV-2001']);

    // Sorting by open amount, largest first, through the column header (two clicks: ascending, descending).
    const header = page.getByTestId('invoice-table').locator('th', { hasText: '未收金额' });
    await header.click();
    await header.click();
    await poll(async () => (await tableRows(page, 'invoice-table'))[0]?.split(' | ')[0]).toBe('INV-1001');
    expect((await tableRows(page, 'invoice-table'))[2]).toContain('INV-3001');

    await page.getByText('INV-2001').click();
    await poll(() => page.getByTestId('invoice-open-amount').textContent()).toBe('CNY8,800.00');
  });

  it('lists payments', async () => {
    const page = await env().open('/payments');
    await poll(() => tableRows(page, 'payment-table')).toHaveLength(1);
    expect((await tableRows(page, 'payment-table'))[0]).toMatch(
      /BANK-0001.*上海明达机械有限公司.*CNY3,000\.00.*已核销/,
    );
    await env().screenshot(page, 'payments');
  });
});
