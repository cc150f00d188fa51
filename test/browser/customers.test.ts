// The customer screens in a real browser: list with balances per currency, search in Chinese, detail with
// open invoices (aging) and contacts (consent), language switch.
import { describe, expect, it } from 'vitest';
import { poll, tableRows, useBrowserEnv } from './support';

describe('customer screens', { timeout: 240_000 }, () => {
  const env = useBrowserEnv();

  it('lists customers with open and overdue amounts per currency', async () => {
    const page = await env().open('/');
    await page.waitForURL('**/customers');
    await poll(() => tableRows(page, 'customer-table')).toHaveLength(3);
    const rows = await tableRows(page, 'customer-table');
    // C001: open 10,000.00 + 5,000.00; overdue only INV-1001. INV-1003 is paid and counts nowhere.
    expect(rows[0]).toContain('C001');
    expect(rows[0]).toContain('上海明达机械有限公司');
    expect(rows[0]).toContain('CNY15,000.00');
    expect(rows[0]).toContain('CNY10,000.00');
    expect(rows[0]).toContain('李华');
    expect(rows[2]).toContain('USD1,234.56');
    await env().screenshot(page, 'customers-list');
  });

  it('sorts the list by overdue and by open amount on the server, from the column headers and the sort menu', async () => {
    const page = await env().open('/customers');
    await poll(() => tableRows(page, 'customer-table')).toHaveLength(3);
    const apiOrder = (sort: string) =>
      page.evaluate(async (s) => {
        const res = await fetch(`/api/customers?sort=${s}&limit=50`, { credentials: 'same-origin' });
        return ((await res.json()).items as { code: string }[]).map((c) => c.code);
      }, sort);
    const screenOrder = async () =>
      (await tableRows(page, 'customer-table')).map((row) => /\b(C\d{3})\b/.exec(row)?.[1] ?? row);
    const byOverdue = await apiOrder('-overdue');
    const byOverdueAscending = await apiOrder('overdue');
    expect(byOverdue).not.toEqual(byOverdueAscending);

    // The overdue header: largest first, then smallest first.
    const header = page.getByTestId('customer-table').locator('th').filter({ hasText: '逾期' }).first();
    await header.click();
    await page.waitForURL('**/customers?*sort=-overdue*');
    await poll(screenOrder).toEqual(byOverdue);
    await header.click();
    await page.waitForURL('**/customers?*sort=overdue*');
    await poll(screenOrder).toEqual(byOverdueAscending);

    // The sort menu: by open amount, largest first (the header's tooltip out of the way first).
    await page.mouse.move(0, 0);
    await page.getByTestId('customer-sort').click();
    await page.getByTitle('按未结金额（从高到低）').click();
    await page.waitForURL('**/customers?*sort=-open*');
    await poll(screenOrder).toEqual(await apiOrder('-open'));
  });

  it('searches by a Chinese name fragment and opens the detail', async () => {
    const page = await env().open('/customers');
    await page.getByTestId('customer-search').locator('input').fill('新远');
    await page.getByTestId('customer-search').locator('input').press('Enter');
    await poll(() => tableRows(page, 'customer-table')).toHaveLength(1);
    expect((await tableRows(page, 'customer-table'))[0]).toContain('北京新远贸易有限公司');
    expect(page.url()).toContain('q=%E6%96%B0%E8%BF%9C');

    await page.getByTestId('customer-table').getByText('北京新远贸易有限公司').click();
    await page.waitForURL(`**/customers/${env().fixtures.xinyuan}`);
    await poll(() => page.getByTestId('customer-title').textContent()).toContain('北京新远贸易有限公司');
    await poll(() => tableRows(page, 'open-invoice-table')).toHaveLength(1);
    const [row] = await tableRows(page, 'open-invoice-table');
    expect(row).toContain('INV-2001');
    expect(row).toContain('逾期 5 天');
  });

  it('shows open invoices oldest due first, with aging, and contacts with their consent', async () => {
    const page = await env().open(`/customers/${env().fixtures.mingda}`);
    await poll(() => tableRows(page, 'open-invoice-table')).toHaveLength(2);
    const rows = await tableRows(page, 'open-invoice-table');
    expect(rows[0]).toMatch(/INV-1001.*CNY10,000\.00.*逾期 45 天.*已逾期/);
    expect(rows[1]).toMatch(/INV-1002.*CNY5,000\.00.*未到期/);
    expect(await page.getByTestId('balance-open').textContent()).toContain('CNY15,000.00');
    expect(await page.getByTestId('balance-overdue').textContent()).toContain('CNY10,000.00');
    await env().screenshot(page, 'customer-detail');

    await page.getByRole('tab', { name: /联系人/ }).click();
    await poll(() => tableRows(page, 'contact-table')).toHaveLength(2);
    const contacts = await tableRows(page, 'contact-table');
    const zhang = contacts.find((r) => r.includes('张会计'))!;
    const zhao = contacts.find((r) => r.includes('赵老板'))!;
    expect(zhang).toContain('主要联系人');
    expect(zhang).toContain('13800138001');
    expect(zhang).toContain('09:00-17:30');
    expect(zhao).toContain('勿扰');
    // SMS is not consented for 张会计: shown struck through; all channels are struck for 赵老板.
    const struck = page.getByTestId('contact-table').locator('tr', { hasText: '张会计' }).locator('s');
    expect(await struck.allTextContents()).toEqual(['短信']);
    const zhaoStruck = page.getByTestId('contact-table').locator('tr', { hasText: '赵老板' }).locator('s');
    expect(await zhaoStruck.count()).toBe(4);
    await env().screenshot(page, 'customer-contacts');
  });

  it('opens an invoice drawer with its allocations', async () => {
    const page = await env().open(`/customers/${env().fixtures.mingda}`);
    await page.getByRole('tab', { name: '全部发票' }).click();
    await page.getByText('INV-1003').click();
    const drawer = page.getByTestId('invoice-drawer');
    await poll(() => drawer.locator('.ant-table-row').count()).toBe(1);
    const text = (await drawer.textContent()) ?? '';
    expect(text).toContain('BANK-0001');
    expect(text).toContain('按发票号');
    expect(text).toContain('已结清');
  });
});
