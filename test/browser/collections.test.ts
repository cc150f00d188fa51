// Collections in the browser: the case list and a case's queued message, the strategy editor's preview of
// what a customer would receive and an amount trigger saved in minor units, the simulator's comparison of
// two strategies, and a call task the engine cancelled because its invoice was paid.
import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';

// The collections rights are new (collections:read, collections:write, strategies:write); until the role
// table lists them, /api/auth/me cannot report them and the app would show 403. A no-op once it does.
vi.mock('../../src/auth/roles', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/auth/roles')>();
  const rights = new Set<string>([
    ...original.RIGHTS,
    'collections:read',
    'collections:write',
    'strategies:write',
  ]);
  return { ...original, RIGHTS: [...rights] };
});

import { createUser } from '../../src/auth/create-user';
import { runEngine } from '../../src/collections/engine/run-engine';
import { ensureDefaultStrategies } from '../../src/collections/strategy/strategy-queries';
import { JOB_HANDLERS } from '../../src/jobs/handlers';
import { runOneJob } from '../../src/jobs/runner';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { addDays, todayIn } from '../../src/shared/dates';
import { activate, addCustomer, addEntity, addInvoice, pay } from '../collections/fixtures';
import { testApp } from '../support/stores';
import { poll, tableRows, useBrowserEnv } from './support';

const MANAGER = { username: 'collections.admin', password: 'Collections-Test-42' };

describe('collections', () => {
  const env = useBrowserEnv();
  const today = todayIn('Asia/Shanghai');

  async function openAsManager(path: string): Promise<Page> {
    const page = await env().open('/login', { signedIn: false, locale: 'zh-CN' });
    const login = await page.request.post('/api/auth/login', { data: MANAGER });
    expect(login.ok()).toBe(true);
    await page.goto(path);
    return page;
  }

  it('lists cases, shows a queued message, previews and simulates strategies', {
    timeout: 300_000,
  }, async () => {
    const db = env().store.db;
    // Collections rights are new: sign in as an administrator until the role table grants them.
    await createUser(db, SYSTEM_ACTOR, {
      username: MANAGER.username,
      displayName: '催收主管',
      password: MANAGER.password,
      roles: [{ role: 'admin' }],
    });
    await ensureDefaultStrategies(db);
    await activate(db, 'standard');
    const entityId = await addEntity(db, '华东制造有限公司');
    const customerId = await addCustomer(db, { name: '苏州精工机械有限公司' });
    await addInvoice(db, {
      entityId,
      customerId,
      dueDate: addDays(today, -1),
      amount: 4_567_800,
      number: 'FP-2026-0001',
    });
    await runEngine(db, { asOf: today, kind: 'full' });

    const page = await openAsManager('/collections/cases');
    // The harness's own fixture customers have overdue invoices too: find ours.
    await poll(() => tableRows(page, 'case-table')).toContainEqual(
      expect.stringContaining('苏州精工机械有限公司'),
    );
    const row = (await tableRows(page, 'case-table')).find((r) => r.includes('苏州精工机械有限公司'))!;
    expect(row).toContain('了解+纠正');
    expect(row).toContain('45,678.00');
    await env().screenshot(page, 'collections-cases');
    await page.getByText('苏州精工机械有限公司').first().click();
    await page.waitForURL(/\/collections\/cases\/\d+/);
    await page.getByRole('tab', { name: /消息/ }).click();
    await poll(() => page.locator('pre').first().textContent()).toContain('FP-2026-0001');
    await expect.poll(() => page.getByText('逾期账款通知：苏州精工机械有限公司').count()).toBeGreaterThan(0);
    await env().screenshot(page, 'collections-case');

    // The strategy editor previews the edited strategy for this customer.
    const strategies = await page.request.get('/api/collections/strategies');
    const standard = (await strategies.json()).items.find(
      (s: { name: string; active: boolean }) => s.name === 'standard' && s.active,
    );
    await page.goto(`/collections/strategies/${standard.id}`);
    await poll(async () => (await tableRows(page, 'step-table')).length).toBe(22);
    await page.locator('#preview-customer').fill('苏州精工');
    await page.locator('.ant-select-item-option', { hasText: '苏州精工机械有限公司' }).click();
    await page.getByTestId('run-preview').click();
    await poll(() => page.getByTestId('preview-timeline').textContent()).toContain('第一个催收电话');
    await env().screenshot(page, 'collections-strategy-preview');

    // An amount trigger typed in major units is saved as minor units in a new version.
    const firstStep = page.getByTestId('step-table').locator('tbody tr.ant-table-row').first();
    await firstStep.locator('.ant-select').nth(1).click();
    await page.locator('.ant-select-item-option', { hasText: '欠款金额达到' }).click();
    const amount = firstStep.getByLabel('金额（不低于）');
    await poll(() => amount.inputValue()).toBe('50000.00');
    await amount.fill('40,000.50');
    await page.getByTestId('save-version').click();
    await poll(async () => {
      const all = (await (await page.request.get('/api/collections/strategies')).json()).items;
      return all.filter((s: { name: string }) => s.name === 'standard').length;
    }).toBe(2);
    const versions = (await (await page.request.get('/api/collections/strategies')).json()).items;
    const saved = versions.find(
      (s: { name: string; version: number }) => s.name === 'standard' && s.version === 2,
    );
    const detail = await (await page.request.get(`/api/collections/strategies/${saved.id}`)).json();
    expect(detail.steps[0].trigger).toEqual({ type: 'amountAbove', currency: 'CNY', amount: 4_000_050 });

    // The simulator compares "no collection" with the standard strategy.
    await page.goto('/collections/simulator');
    await page.getByTestId('start-simulation').click();
    const app = testApp(env().store);
    const summary = { done: 0, failed: 0 };
    await poll(async () => {
      await runOneJob(app, { handlers: JOB_HANDLERS }, summary);
      return (await page.request.get('/api/collections/simulations')).json().then((b) => b.items[0]?.status);
    }).toBe('done');
    expect(summary.failed).toBe(0);
    await poll(async () => (await tableRows(page, 'sim-table')).length).toBe(2);
    const rows = await tableRows(page, 'sim-table');
    expect(rows[0]).toContain('不催收');
    expect(rows[1]).toContain('标准策略');
    await env().screenshot(page, 'collections-simulator');

    // A call task whose invoice is then paid is cancelled by the engine, and the case says why.
    const caller = await addCustomer(db, { name: '无锡新材料有限公司' });
    const paidLater = await addInvoice(db, {
      entityId,
      customerId: caller,
      dueDate: addDays(today, -2),
      amount: 1_200_000,
      number: 'FP-2026-0002',
    });
    await addInvoice(db, { entityId, customerId: caller, dueDate: addDays(today, 5), amount: 300_000 });
    await runEngine(db, { asOf: today, kind: 'customer', customerIds: [caller] });
    const callTask = await db
      .selectFrom('task')
      .select(['id', 'case_id'])
      .where('customer_id', '=', caller)
      .where('type', '=', 'call')
      .executeTakeFirstOrThrow();
    await pay(db, { entityId, customerId: caller, invoiceId: paidLater, amount: 1_200_000, date: today });
    await runEngine(db, { asOf: today, kind: 'incremental' });
    await page.goto(`/collections/cases/${callTask.case_id}`);
    await page.getByRole('tab', { name: /任务/ }).click();
    await poll(() => page.getByTestId('task-cancel-reason').first().textContent()).toContain(
      '所涉发票已付清',
    );
  });
});
