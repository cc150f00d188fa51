// The limitation-period page in the browser, in Chinese and English: each open invoice with its expiry (the
// National Day-shifted one), the event and evidence that set it, the alert band and the suggested action.
import { describe, expect, it } from 'vitest';
import { loadLegalFixture } from '../legal/fixture';
import { poll, tableRows, useBrowserEnv } from './support';

describe('limitation periods page', () => {
  const env = useBrowserEnv();

  it('lists the open invoices with expiry, evidence, band and action, in zh-CN and en', async () => {
    await loadLegalFixture(env().store.db);
    const page = await env().open('/legal/limitation?asOf=2026-06-30', { locale: 'zh-CN' });
    const lg = async () => (await tableRows(page, 'limitation-table')).filter((r) => r.startsWith('LG-'));
    await poll(lg).toHaveLength(3);
    const [l3, l1, l2] = await lg();
    expect(l3).toContain('2026-01-12');
    expect(l3).toContain('已届满');
    expect(l3).toContain('诉讼时效已届满');
    expect(l1).toContain('2026-10-08');
    expect(l1).toContain('2028-12-01');
    expect(l1).toContain('还款承诺 2025-12-01');
    expect(l1).toContain('弱（无证据）');
    expect(l1).toContain('180 天内');
    expect(l1).toContain('发送询证函');
    expect(l2).toContain('部分付款 2024-03-15 · LG-P1');
    await env().screenshot(page, 'legal-limitation-zh');

    const en = await env().open('/legal/limitation?asOf=2026-06-30', { locale: 'en' });
    const rows = async () => (await tableRows(en, 'limitation-table')).filter((r) => r.startsWith('LG-'));
    await poll(rows).toHaveLength(3);
    const [, enL1] = await rows();
    expect(enL1).toContain('Promise to pay 2025-12-01');
    expect(enL1).toContain('≤ 180 days');
    expect(enL1).toContain('Send a balance confirmation');
  });
});
