// The import wizard in a real browser: a CSV with the ERP's Chinese headers and one bad row is refused with
// that row's line and reason; the fixed file validates, imports, and its new customer shows the right
// open balance.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { poll, tableRows, useBrowserEnv } from './support';

const HEADER = '客户编码,客户名称,发票号,开票日期,到期日,金额,币种';
const GOOD_ROW = 'C900,深圳华南电子有限公司,IMP-001,2024-01-05,2024-02-04,"1,200.00",CNY';
const file = (rows: string[]) => ({
  name: '应收明细.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8'),
});

describe('import wizard', { timeout: 240_000 }, () => {
  const env = useBrowserEnv();

  it('shows every bad row, takes the fixed file, imports it and the customer appears', async () => {
    const page = await env().open('/imports');
    await page.getByTestId('import-kind').getByText('发票/应收单').click();
    // Line 3 of the file: 30 February does not exist.
    await page
      .locator('input[type=file]')
      .setInputFiles(file([GOOD_ROW, 'C900,深圳华南电子有限公司,IMP-002,2024-02-30,2024-03-30,800.50,CNY']));

    // Mapping: the Chinese headers were recognised; the required fields are all mapped.
    await poll(() => page.getByTestId('mapping-table').isVisible()).toBe(true);
    await poll(() => page.getByTestId('map-invoice_number').textContent()).toBe('发票号');
    expect(await page.getByTestId('map-customer_code').textContent()).toBe('客户编码');
    expect(await page.getByTestId('map-amount').textContent()).toBe('金额');
    await env().screenshot(page, 'import-mapping');
    await page.getByTestId('import-validate').click();

    await poll(() => page.getByTestId('import-rejected').isVisible()).toBe(true);
    const errors = await tableRows(page, 'import-errors');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^3 \| issue_date \| 2024-02-30 \| .+/);
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
    await env().screenshot(page, 'import-rejected');

    // Upload the corrected file on the same step: it is validated straight away with the same mapping.
    await page
      .locator('input[type=file]')
      .setInputFiles(file([GOOD_ROW, 'C900,深圳华南电子有限公司,IMP-002,2024-02-29,2024-03-30,800.50,CNY']));
    await poll(() => page.getByTestId('import-valid').isVisible()).toBe(true);
    expect(await page.getByTestId('import-valid').textContent()).toContain('2 行全部通过校验');
    await page.getByTestId('import-confirm').click();

    await poll(() => page.getByTestId('import-numbers').isVisible()).toBe(true);
    const numbers = (await page.getByTestId('import-numbers').textContent()) ?? '';
    expect(numbers).toMatch(/总行数\s*2/);
    expect(numbers).toMatch(/新增\s*2/);
    await env().screenshot(page, 'import-result');

    await page.goto('/customers?q=C900');
    await poll(() => tableRows(page, 'customer-table')).toHaveLength(1);
    const [row] = await tableRows(page, 'customer-table');
    expect(row).toContain('深圳华南电子有限公司');
    // 1,200.00 + 800.50, all overdue (due in 2024).
    expect(row).toMatch(/CNY2,000\.50 \| CNY2,000\.50/);

    // The history lists the load; the dry runs (the rejected one and the validated one) are listed apart.
    await page.goto('/imports');
    await page.getByRole('tab', { name: '导入记录' }).click();
    await poll(async () => (await tableRows(page, 'import-history')).length).toBe(1);
    expect((await tableRows(page, 'import-history'))[0]).toContain('已导入');
    await page.getByTestId('import-history-filter').getByText('校验（未写入）').click();
    await poll(async () => (await tableRows(page, 'import-history')).length).toBe(2);
    const dryRuns = await tableRows(page, 'import-history');
    expect(dryRuns[0]).toContain('已校验');
    expect(dryRuns[1]).toContain('已拒绝');
  });

  it('tells how it read day-first dates on the result screen', async () => {
    const page = await env().open('/imports');
    await page.getByTestId('import-kind').getByText('发票/应收单').click();
    // 13/01/2024 can only be 13 January: the file's dates are day first.
    await page
      .locator('input[type=file]')
      .setInputFiles(file(['C910,广州珠江贸易有限公司,IMP-101,13/01/2024,12/02/2024,500.00,CNY']));
    await poll(() => page.getByTestId('map-issue_date').textContent()).toBe('开票日期');
    await page.getByTestId('import-validate').click();
    await poll(() => page.getByTestId('import-valid').isVisible()).toBe(true);
    await page.getByTestId('import-confirm').click();
    await poll(() => page.getByTestId('import-numbers').isVisible()).toBe(true);
    // The mapping step took the format the preview found, so the import read it from the mapping.
    expect(await page.getByTestId('import-date-format').textContent()).toBe(
      '日期按 D/M/YYYY 读取（字段对应中指定）',
    );
    await env().screenshot(page, 'import-result-dates');
  });

  it('imports customers from an Excel workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['客户编码', '客户名称', '统一社会信用代码', '地区', '客户分类', '账期']);
    sheet.addRow(['C950', '杭州西湖茶业有限公司', '91330100MA2B000001', '华东', '零售', 45]);
    sheet.addRow(['C951', '成都天府物流有限公司', '91510100MA6C000002', '西南', '物流', 60]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    const page = await env().open('/imports');
    await page.getByTestId('import-kind').getByText('客户', { exact: true }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: '客户档案.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await poll(() => page.getByTestId('map-customer_name').textContent()).toBe('客户名称');
    expect(await page.getByTestId('map-payment_terms_days').textContent()).toBe('账期');
    await page.getByTestId('import-validate').click();
    await poll(() => page.getByTestId('import-valid').isVisible()).toBe(true);
    await page.getByTestId('import-confirm').click();
    await poll(() => page.getByTestId('import-numbers').isVisible()).toBe(true);
    expect(await page.getByTestId('import-numbers').textContent()).toMatch(/新增\s*2/);

    await page.goto('/customers?q=天府');
    await poll(() => tableRows(page, 'customer-table')).toHaveLength(1);
    expect((await tableRows(page, 'customer-table'))[0]).toMatch(
      /C951 \| 成都天府物流有限公司.*91510100MA6C000002 \| 西南 \| 物流/,
    );
  });
});
