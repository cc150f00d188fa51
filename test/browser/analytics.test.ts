// The analytics dashboard in the browser: the totals shown are the API's, a click on an aging bar drills
// down to that bucket's invoices, and the aging report exports to Excel.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../analytics/fixture';
import { poll, tableRows, useBrowserEnv } from './support';

const grouped = (minor: number) => {
  const [whole, fraction] = (minor / 100).toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
};

describe('analytics', () => {
  const env = useBrowserEnv();

  it('shows the API totals, drills down from an aging bar and exports Excel', async () => {
    await loadFixture(env().store.db, 'BR');
    const page = await env().open('/analytics/dashboard');
    const response = await page.request.get('/api/reports/dashboard');
    expect(response.ok()).toBe(true);
    const dashboard = await response.json();
    expect(dashboard.reportCurrency).toBe('CNY');
    await poll(() => page.getByTestId('total-ar').textContent()).toContain(grouped(dashboard.totals.ar));
    await poll(() => page.getByTestId('total-overdue').textContent()).toContain(
      grouped(dashboard.totals.overdue),
    );
    await env().screenshot(page, 'analytics-dashboard');

    // Click the tallest bar of the aging chart, just above the axis (grid: left 70, right 16, bottom 40).
    const aging: { amount: number }[] = dashboard.aging;
    const k = aging.reduce((best, b, i) => ((b.amount ?? 0) > (aging[best].amount ?? 0) ? i : best), 0);
    const canvas = page.getByTestId('aging-chart').locator('canvas').first();
    await canvas.waitFor();
    const box = (await canvas.boundingBox())!;
    const x = 70 + ((box.width - 86) * (k + 0.5)) / aging.length;
    await canvas.click({ position: { x, y: box.height - 44 } });
    await page.waitForURL(/\/analytics\/aging/);
    const report = await (await page.request.get('/api/reports/aging')).json();
    expect(report.totals.amounts[k]).toBe(aging[k].amount);
    await poll(() => tableRows(page, 'drill-table')).toHaveLength(Math.min(report.totals.counts[k], 100));
    await env().screenshot(page, 'analytics-drill');
    await page.keyboard.press('Escape');

    // Export the aging report to Excel, in the screen's language: the total row holds the dashboard's total.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('aging-export').click(),
    ]);
    const file = await download.path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = sheet.getRow(1).values as unknown[];
    expect(header).toEqual(expect.arrayContaining(['分组', '编码', '未到期', '发票数']));
    const totalColumn = header.findIndex((v) => String(v).startsWith('合计（'));
    const totalRow = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === '合计')!;
    expect(Math.round(Number(totalRow.getCell(totalColumn).value) * 100)).toBe(dashboard.totals.ar);
  });
});
