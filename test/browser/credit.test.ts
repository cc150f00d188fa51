// The case view shows late interest (违约金) under the entity's default terms: 万分之五 a day on INV-1001
// (CNY 10,000.00, 45 days overdue) is CNY 225.00, per invoice and in total, in Chinese and English.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { poll, useBrowserEnv } from './support';

describe('late interest on the case view', { timeout: 300_000 }, () => {
  const env = useBrowserEnv();

  it('shows the interest per invoice and in total', async () => {
    const { store, fixtures } = env();
    const db = store.db;
    await db
      .insertInto('credit_terms')
      .values({
        entity_id: fixtures.entityId,
        customer_id: null,
        valid_from: '2000-01-01',
        payment_terms_days: 30,
        currency: 'CNY',
        interest_kind: 'daily',
        interest_rate: '0.0005',
        credit_limit: null,
        interest_cap_percent: null,
        grade: null,
        note: null,
        created_by: null,
      })
      .execute();
    const caseId = (
      await sql<{ id: number }>`insert into collection_case (customer_id, entity_id, stage_since, opened_on)
        values (${fixtures.mingda}, ${fixtures.entityId}, ${fixtures.today}, ${fixtures.today}) returning id`.execute(
        db,
      )
    ).rows[0].id;

    const zh = await env().open(`/collections/cases/${caseId}`);
    await poll(() => zh.locator('body').textContent()).toContain('违约金');
    const zhText = (await zh.locator('body').textContent()) ?? '';
    // The total and INV-1001's cell; INV-1002 is not due and shows a dash.
    expect(zhText.split('225.00').length - 1).toBeGreaterThanOrEqual(2);
    await env().screenshot(zh, 'case-late-interest-zh');

    const en = await env().open(`/collections/cases/${caseId}`, { locale: 'en' });
    await poll(() => en.locator('body').textContent()).toContain('Late interest');
    expect(await en.locator('body').textContent()).toContain('225.00');
  });
});
