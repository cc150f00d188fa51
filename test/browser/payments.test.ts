// Recording a payment in the browser: the form parses the typed decimal into minor units, the server
// allocates it to the remittance's invoice, and the invoice's open amount drops. Then 核销 by hand,
// un-allocate, and reverse a bounced payment.
import { describe, expect, it } from 'vitest';
import { poll, tableRows, useBrowserEnv } from './support';

describe('payments and allocation', { timeout: 240_000 }, () => {
  const env = useBrowserEnv();

  it('records a payment against a named invoice and the invoice open amount drops', async () => {
    const { mingda } = env().fixtures;
    const page = await env().open(`/payments/new?customerId=${mingda}`);
    await poll(() => page.getByTestId('customer-picker').textContent()).toContain('上海明达机械有限公司');
    await page.getByLabel('收款单号').fill('BANK-2001');
    await page.getByLabel('金额').fill('4,000.50');
    // Add INV-1001 from the customer's open invoices beside the form.
    await poll(() => tableRows(page, 'payment-open-invoices')).toHaveLength(2);
    await page
      .getByTestId('payment-open-invoices')
      .locator('tr', { hasText: 'INV-1001' })
      .getByRole('button')
      .click();
    await poll(() => page.getByTestId('payment-form').textContent()).toContain('INV-1001');
    await env().screenshot(page, 'payment-new');
    await page.getByTestId('payment-submit').click();

    await page.waitForURL(/\/payments\/\d+$/);
    await poll(() => tableRows(page, 'payment-allocations')).toHaveLength(1);
    const [allocation] = await tableRows(page, 'payment-allocations');
    expect(allocation).toMatch(/INV-1001.*按发票号.*CNY4,000\.50/);
    expect(await page.getByTestId('payment-unapplied').textContent()).toBe('CNY0.00');
    await env().screenshot(page, 'payment-detail');

    await page.getByRole('link', { name: /上海明达机械有限公司/ }).click();
    await poll(() => tableRows(page, 'open-invoice-table')).toHaveLength(2);
    const rows = await tableRows(page, 'open-invoice-table');
    expect(rows[0]).toMatch(/INV-1001.*CNY10,000\.00.*CNY5,999\.50/);
    expect(await page.getByTestId('balance-open').textContent()).toContain('CNY10,999.50');
  });

  it('rejects an amount with more decimals than the currency has, before sending', async () => {
    const page = await env().open(`/payments/new?customerId=${env().fixtures.xinyuan}`);
    await page.getByLabel('收款单号').fill('BANK-2002');
    await page.getByLabel('金额').fill('12.345');
    await page.getByTestId('payment-submit').click();
    await poll(() => page.getByTestId('payment-form').textContent()).toContain(
      '小数位数超过该币种允许的位数',
    );
    expect(page.url()).toContain('/payments/new');
  });

  it('allocates by hand, un-allocates, and reverses a bounced payment', async () => {
    const { xinyuan } = env().fixtures;
    // An unapplied payment: recorded without auto-allocation.
    const page = await env().open(`/payments/new?customerId=${xinyuan}`);
    await page.getByLabel('收款单号').fill('BANK-3001');
    await page.getByLabel('金额').fill('3000');
    await page.getByRole('switch').click();
    await page.getByTestId('payment-submit').click();
    await page.waitForURL(/\/payments\/\d+$/);
    await poll(() => page.getByTestId('payment-unapplied').textContent()).toBe('CNY3,000.00');

    await page.goto(`/allocations?customerId=${xinyuan}`);
    await poll(() => tableRows(page, 'allocation-invoices')).toHaveLength(1);
    await page.getByTestId('allocation-invoices').getByText('INV-2001').click();
    await page.getByTestId('allocation-sources').getByText('BANK-3001').click();
    // The amount defaults to what both sides have open: min(8,800.00, 3,000.00).
    await poll(() => page.getByTestId('allocation-amount').inputValue()).toBe('3000.00');
    await page.getByTestId('allocation-amount').fill('1200.25');
    await page.getByTestId('allocate').click();
    await poll(async () => (await tableRows(page, 'allocation-invoices'))[0]).toContain('CNY7,599.75');
    await env().screenshot(page, 'allocation');

    // The payment's allocations are listed below; un-allocate the one just made.
    await page.getByRole('button', { name: '取消核销' }).click();
    await page
      .getByRole('button', { name: '确 定' })
      .or(page.getByRole('button', { name: '确定' }))
      .click();
    await poll(async () => (await tableRows(page, 'allocation-invoices'))[0]).toContain('CNY8,800.00');

    // Auto-allocate, then reverse the payment as bounced: the invoice re-opens in full.
    await page.getByTestId('allocation-sources').getByRole('button', { name: '自动核销' }).click();
    await poll(async () => (await tableRows(page, 'allocation-invoices'))[0]).toContain('CNY5,800.00');
    await page.goto('/payments?q=BANK-3001');
    await page.getByTestId('payment-table').getByText('BANK-3001').click();
    await page.getByTestId('reverse-payment').click();
    await page.getByLabel('冲销原因').fill('承兑汇票退票');
    await page.locator('.ant-modal').getByRole('button', { name: /冲销/ }).click();
    // The reversal date shows only once the payment is reversed; every allocation then has one too.
    await poll(() => page.locator('.ant-descriptions').getByText('冲销日期').count()).toBe(1);
    const allocations = await tableRows(page, 'payment-allocations');
    expect(allocations.length).toBeGreaterThanOrEqual(2);
    for (const row of allocations) expect(row).toContain(`${env().fixtures.today} |`);
    await page.goto(`/customers/${xinyuan}`);
    await poll(async () => (await tableRows(page, 'open-invoice-table'))[0] ?? '').toContain('CNY8,800.00');
  });
});
