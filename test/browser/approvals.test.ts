// The approvals inbox: a payment plan proposed by a collector waits for approval; the collector sees it
// among their own requests and cannot approve it; the team lead sees the badge, the subject and approves it
// in the inbox, after which the plan is active. The screen speaks Chinese and English.

import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/auth/create-user';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { poll, useBrowserEnv } from './support';

const COLLECTOR = { username: 'appr.collector', password: 'Collector-Approve-42' };
const LEAD = { username: 'appr.lead', password: 'Lead-Approve-42' };

async function signIn(page: Page, user: { username: string; password: string }) {
  expect((await page.request.post('/api/auth/login', { data: user })).ok()).toBe(true);
}

async function csrf(page: Page): Promise<string> {
  return (await page.context().cookies()).find((c) => c.name === 'hk_csrf')?.value ?? '';
}

describe('approvals inbox', { timeout: 300_000 }, () => {
  const env = useBrowserEnv();

  it('a collector’s plan is approved by the team lead in the inbox, not by the collector', async () => {
    const { store, fixtures } = env();
    const db = store.db;
    const collector = await createUser(db, SYSTEM_ACTOR, {
      ...COLLECTOR,
      displayName: '王催收',
      roles: [{ role: 'collector' }],
    });
    await createUser(db, SYSTEM_ACTOR, {
      ...LEAD,
      displayName: '李主管',
      roles: [{ role: 'collection_manager' }],
    });
    await db
      .updateTable('customer')
      .set({ collector_id: collector.id })
      .where('id', '=', fixtures.mingda)
      .execute();
    const caseId = (
      await sql<{ id: number }>`insert into collection_case (customer_id, entity_id, stage_since, opened_on)
        values (${fixtures.mingda}, ${fixtures.entityId}, '2026-01-01', '2026-01-01') returning id`.execute(
        db,
      )
    ).rows[0].id;

    const mine = await env().open('/login', { signedIn: false });
    await signIn(mine, COLLECTOR);
    const proposed = await mine.request.post(`/api/collections/cases/${caseId}/plans`, {
      headers: { 'x-csrf-token': await csrf(mine) },
      data: {
        currency: 'CNY',
        installments: [
          { dueOn: '2099-01-10', amount: 400_000 },
          { dueOn: '2099-02-10', amount: 400_000 },
        ],
        note: '客户申请分两期',
      },
    });
    expect(proposed.status()).toBe(201);
    const plan = await proposed.json();
    expect(plan.status).toBe('pending');

    await mine.goto('/approvals');
    await poll(() => mine.getByTestId('approvals-table').textContent()).toContain('没有待您审批的申请');
    await mine.getByRole('tab', { name: '我的申请' }).click();
    await poll(() => mine.getByTestId('approvals-table').textContent()).toContain('上海明达');
    expect(await mine.getByTestId(`cancel-${plan.approvalId}`).count()).toBe(1);
    expect(await mine.getByTestId(`approve-${plan.approvalId}`).count()).toBe(0);
    await env().screenshot(mine, 'approvals-collector');

    const lead = await env().open('/login', { signedIn: false });
    await signIn(lead, LEAD);
    await lead.goto('/approvals');
    await poll(() => lead.getByTestId('approvals-badge').textContent()).toContain('1');
    const table = lead.getByTestId('approvals-table');
    await poll(() => table.textContent()).toContain('分期还款计划');
    const text = await table.textContent();
    expect(text).toContain('上海明达');
    expect(text).toContain('8,000.00');
    expect(text).toContain('王催收');
    await env().screenshot(lead, 'approvals-lead');
    await lead.getByTestId(`approve-${plan.approvalId}`).click();
    await lead.getByTestId('approval-comment').fill('同意分期');
    await lead
      .getByRole('button', { name: '确 定' })
      .or(lead.getByRole('button', { name: '确定' }))
      .click();
    await poll(() => table.textContent()).toContain('没有待您审批的申请');
    await poll(async () => (await lead.getByTestId('approvals-badge').textContent()) ?? '').not.toContain(
      '1',
    );
    const stored = await db
      .selectFrom('payment_plan')
      .select('status')
      .where('id', '=', plan.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('active');

    await lead.getByRole('tab', { name: '全部' }).click();
    await poll(() => table.textContent()).toContain('已批准');

    const english = await env().open('/login', { signedIn: false, locale: 'en' });
    await signIn(english, LEAD);
    await english.goto('/approvals');
    await english.getByRole('tab', { name: 'All' }).click();
    await poll(() => english.getByTestId('approvals-table').textContent()).toContain('Payment plan');
    expect(await english.getByTestId('approvals-table').textContent()).toContain('Approved');
  });
});
