// How the analytics pages show their figures: DSO in days with one decimal, the dashboard's provision dated
// and equal to the provisions page on that date, provision rates as percentages, and the period CEI with
// its formula and, when AR grew, the note beside the average of the monthly figures.
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../analytics/fixture';
import { poll, useBrowserEnv } from './support';

const grouped = (minor: number) => {
  const [whole, fraction] = (Math.abs(minor) / 100).toFixed(2).split('.');
  return `${minor < 0 ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
};

describe('analytics figures', () => {
  const env = useBrowserEnv();

  it('shows days with a unit, the dated provision of the provisions page, rates and CEI as percentages', async () => {
    await loadFixture(env().store.db, 'FG');
    const page = await env().open('/analytics/dashboard', { locale: 'zh-CN' });
    const dashboard = await (await page.request.get('/api/reports/dashboard')).json();
    const last = dashboard.trend.at(-1);
    await poll(() => page.getByTestId('dashboard-dso').textContent()).toContain(
      last.dso === null ? '—' : `${last.dso.toFixed(1)} 天`,
    );
    // The provision card names its date and shows the provisions page's booked total on that date.
    const provisions = await (await page.request.get('/api/reports/provisions')).json();
    expect(dashboard.provision.asOf).toBe(provisions.asOf);
    expect(dashboard.provision.total).toBe(provisions.booked.total);
    await poll(() => page.getByText(`截至 ${provisions.asOf}`).count()).toBeGreaterThan(0);
    await poll(() => page.getByTestId('dashboard-provision-total').textContent()).toBe(
      grouped(provisions.booked.total),
    );
    await env().screenshot(page, 'analytics-dashboard-figures');

    await page.goto(`/analytics/provisions?asOf=${provisions.asOf}`);
    await poll(() => page.getByTestId('provision-booked-total').textContent()).toContain(
      grouped(provisions.booked.total),
    );
    // The aging method's first rate "0.05" is shown as 5.00%, never as 0.0500.
    await poll(() => page.getByText('5.00%').count()).toBeGreaterThan(0);
    expect(await page.getByText('0.0500').count()).toBe(0);

    // January to March 2026: AR grew (I3's reversed payment, I5 issued) — CEI with formula and note.
    const report = await (await page.request.get('/api/reports/dso?from=2026-01-01&to=2026-03-31')).json();
    await page.goto('/analytics/performance?from=2026-01-01&to=2026-03-31');
    await poll(() => page.getByTestId('period-cei').textContent()).toBe(
      report.period.cei === null ? '—' : `${report.period.cei.toFixed(1)}%`,
    );
    await poll(() => page.getByTestId('cei-monthly-average').textContent()).toBe(
      report.ceiSummary.monthlyAverage === null ? '—' : `${report.ceiSummary.monthlyAverage.toFixed(1)}%`,
    );
    await poll(() => page.getByTestId('cei-formula').textContent()).toContain('赊销额 / N');
    expect(await page.getByTestId('cei-note').count()).toBe(report.ceiSummary.note ? 1 : 0);
    await env().screenshot(page, 'analytics-performance-figures');
  });
});
