import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/app/server';
import { STANDARD } from '../../src/collections/strategy/default-strategies';
import { ensureDefaultStrategies } from '../../src/collections/strategy/strategy-queries';
import { JOB_HANDLERS } from '../../src/jobs/handlers';
import { runOneJob } from '../../src/jobs/runner';
import { type ApiClient, apiClient } from '../support/http';
import { describeEachStore, testApp } from '../support/stores';
import { addCustomer, addEntity, addInvoice, addUser } from './fixtures';

describeEachStore('collections API', (store) => {
  let server: FastifyInstance;
  let api: ApiClient;
  let customerId: number;
  let caseId: number;
  let entityId: number;
  beforeAll(async () => {
    // testApp's relative webDistDir breaks @fastify/static once web/dist is built; the API needs no web app.
    const app = testApp(store());
    server = await buildServer({
      ...app,
      config: { ...app.config, webDistDir: resolve('web/no-dist-in-api-tests') },
    });
    api = await apiClient(server, 'admin');
    const db = store().db;
    entityId = await addEntity(db, 'Acme Trading Ltd');
    const collectorId = await addUser(db);
    customerId = await addCustomer(db, { name: 'Northwind GmbH', language: 'en', collectorId });
    await addInvoice(db, {
      entityId,
      customerId,
      dueDate: '2026-03-10',
      amount: 1_234_500,
      number: 'INV-001',
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('lists the shipped strategies, inactive, and turns one on', async () => {
    const list = await api.get('/api/collections/strategies');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Array<{ id: number; name: string; active: boolean; version: number }>;
    expect(items.map((s) => s.name).sort()).toEqual(['high-risk', 'key-account', 'standard', 'standard-en']);
    expect(items.every((s) => !s.active && s.version === 1)).toBe(true);
    const en = items.find((s) => s.name === 'standard-en')!;
    const on = await api.post(`/api/collections/strategies/${en.id}/activate`);
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({ name: 'standard-en', active: true });
  });

  it('runs the engine, opens a case and queues an English message', async () => {
    const run = await api.post('/api/collections/engine/run', { asOf: '2026-03-11' });
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({
      kind: 'full',
      casesOpened: 1,
      casesEvaluated: 1,
      stepsFired: 3, // the notice, and the two reminders of the days before the case opened, skipped
      messages: 1,
    });
    const cases = await api.get('/api/collections/cases?sort=-amount');
    expect(cases.statusCode).toBe(200);
    const [kase] = cases.json().items;
    caseId = kase.id;
    expect(kase).toMatchObject({
      customer: { name: 'Northwind GmbH' },
      stage: 'early',
      status: 'active',
      strategy: { name: 'standard-en', version: 1 },
      totals: [{ currency: 'CNY', open: 1_234_500, overdue: 1_234_500, dueSoon: 0, disputed: 0 }],
      nextActionOn: '2026-03-12',
      nextStepKey: 'first-call-2',
    });
    const detail = await api.get(`/api/collections/cases/${caseId}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json();
    expect(body.messages).toHaveLength(1);
    expect(body.messages[0]).toMatchObject({
      channel: 'email',
      templateKey: 'overdue_notice',
      locale: 'en',
      subject: 'Overdue invoices: Northwind GmbH',
    });
    expect(body.messages[0].body).toContain('INV-001');
    expect(body.messages[0].body).toContain('12,345.00');
    const firings = body.firings as Array<{ stepKey: string; outcome: string; detail: string | null }>;
    expect(firings.filter((f) => f.outcome !== 'skipped').map((f) => f.stepKey)).toEqual(['overdue-1']);
    const skipped = firings.filter((f) => f.outcome === 'skipped');
    expect(skipped.map((f) => f.stepKey).sort()).toEqual(['remind-1', 'remind-7']);
    expect(skipped[0].detail).toMatch(
      /^caught up: due on 2026-03-0\d; the case was in early when the strategy/,
    );
    expect(body.invoices).toHaveLength(1);
  });

  it('records a promise and pauses a case', async () => {
    const promise = await api.post(`/api/collections/cases/${caseId}/promises`, {
      amount: 1_234_500,
      currency: 'CNY',
      dueOn: '2099-01-10',
    });
    expect(promise.json()).toMatchObject({ status: 'open' });
    expect(promise.statusCode).toBe(201);
    expect(promise.json()).toMatchObject({ status: 'open', amount: 1_234_500 });
    const bad = await api.post(`/api/collections/cases/${caseId}/promises`, {
      amount: 5,
      currency: 'XXX',
      dueOn: '2000-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.problems.map((p: { field: string }) => p.field)).toEqual(['currency', 'dueOn']);
    const paused = await api.patch(`/api/collections/cases/${caseId}`, {
      manualStatus: 'paused',
      pausedUntil: '2099-12-31',
    });
    expect(paused.statusCode).toBe(200);
    expect(paused.json()).toMatchObject({
      manualStatus: 'paused',
      pausedUntil: '2099-12-31',
      evaluatedOn: null,
    });
  });

  it('holds back the queued messages of a case paused, promised, planned or handed to legal, at once', async () => {
    const db = store().db;
    await ensureDefaultStrategies(db); // run alone (-t), the first test has not made them
    await db
      .updateTable('strategy')
      .set({ active: true })
      .where('name', '=', 'standard-en')
      .where('version', '=', 1)
      .execute();
    const customers: number[] = [];
    for (const name of ['Promised Co', 'Planned Co', 'Paused Co', 'Lawyered Co', 'Untouched Co']) {
      const id = await addCustomer(db, { name, language: 'en' });
      await addInvoice(db, { entityId, customerId: id, dueDate: '2026-03-10', amount: 100_000 });
      customers.push(id);
    }
    const run = await api.post('/api/collections/engine/run', { asOf: '2026-03-11', customerIds: customers });
    expect(run.json()).toMatchObject({ casesOpened: 5, messages: 5 });
    const cases = await db
      .selectFrom('collection_case')
      .select(['id', 'customer_id'])
      .where('customer_id', 'in', customers)
      .execute();
    const [promised, planned, paused, lawyered, untouched] = customers.map(
      (c) => cases.find((k) => k.customer_id === c)!.id,
    );
    const ok = (r: { statusCode: number }) => expect(r.statusCode).toBeLessThan(300);
    ok(
      await api.post(`/api/collections/cases/${promised}/promises`, {
        amount: 100_000,
        currency: 'CNY',
        dueOn: '2099-01-10',
      }),
    );
    ok(
      await api.post(`/api/collections/cases/${planned}/plans`, {
        currency: 'CNY',
        installments: [
          { dueOn: '2099-01-10', amount: 50_000 },
          { dueOn: '2099-02-10', amount: 50_000 },
        ],
      }),
    );
    ok(await api.patch(`/api/collections/cases/${paused}`, { manualStatus: 'paused' }));
    ok(await api.patch(`/api/collections/cases/${lawyered}`, { manualStatus: 'legal' }));
    // No engine run in between: each use case cancelled its case's queued message in its own transaction.
    const statusOf = async (caseId: number) => {
      const list = await api.get(`/api/collections/outbox?caseId=${caseId}`);
      return list
        .json()
        .items.map((m: { status: string; error: string | null }) => `${m.status}: ${m.error}`);
    };
    expect(await statusOf(promised)).toEqual([
      'cancelled: cancelled before sending: a promise to pay holds the case',
    ]);
    expect(await statusOf(planned)).toEqual([
      'cancelled: cancelled before sending: a payment plan holds the case',
    ]);
    expect(await statusOf(paused)).toEqual(['cancelled: cancelled before sending: the case is paused']);
    expect(await statusOf(lawyered)).toEqual([
      'cancelled: cancelled before sending: the case was handed to legal',
    ]);
    expect(await statusOf(untouched)).toEqual(['queued: null']);
    // The case view shows the reason with the message.
    const detail = await api.get(`/api/collections/cases/${paused}`);
    expect(detail.json().messages[0]).toMatchObject({
      status: 'cancelled',
      error: 'cancelled before sending: the case is paused',
    });
  });

  it('previews a strategy for a customer with the rendered texts', async () => {
    const db = store().db;
    const other = await addCustomer(db, { name: 'Contoso Ltd', language: 'en' });
    await addInvoice(db, { entityId, customerId: other, dueDate: '2026-03-10', amount: 99_900 });
    const preview = await api.post('/api/collections/strategies/preview', {
      strategy: STANDARD,
      customerId: other,
      from: '2026-03-01',
      days: 12,
    });
    expect(preview.statusCode).toBe(200);
    const items = preview.json().items as Array<{
      date: string;
      stepKey: string;
      message: { subject: string; locale: string } | null;
    }>;
    expect(items.map((i) => `${i.date} ${i.stepKey}`)).toEqual([
      '2026-03-03 remind-7',
      '2026-03-09 remind-sms-1',
      '2026-03-11 overdue-1',
      '2026-03-12 first-call-2',
    ]);
    // The paused case of the first customer: nothing would be sent while the pause lasts.
    const paused = await api.post('/api/collections/strategies/preview', {
      strategy: STANDARD,
      customerId,
      from: '2026-03-12',
      days: 30,
    });
    expect(paused.json().items).toEqual([]);
    expect(items[0].message).toMatchObject({
      locale: 'en',
      subject: 'Payment reminder: invoices from Acme Trading Ltd due soon',
    });
  });

  it('saves a new version, refuses an inconsistent one, and edits rules', async () => {
    const edited = { ...STANDARD, label: '标准策略（修订）' };
    const saved = await api.post('/api/collections/strategies', { definition: edited });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({
      name: 'standard',
      version: 2,
      active: false,
      label: '标准策略（修订）',
    });
    const broken = { ...STANDARD, steps: [{ ...STANDARD.steps[0], channel: 'sms' }] };
    const refused = await api.post('/api/collections/strategies', { definition: broken });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.problems[0]).toMatchObject({ field: '/steps/0/channel' });
    const rules = await api.inject({
      method: 'PUT',
      url: '/api/collections/strategy-rules',
      payload: {
        items: [
          {
            priority: 1,
            strategyName: 'standard',
            segment: null,
            grade: null,
            language: null,
            minAmount: null,
            maxAmount: null,
            amountCurrency: 'CNY',
          },
        ],
      },
    });
    expect(rules.statusCode).toBe(200);
    expect(rules.json().items).toHaveLength(1);
    const templates = await api.get('/api/collections/templates');
    expect(
      templates.json().items.find((t: { key: string }) => t.key === 'final_demand').texts['zh-CN'].subject,
    ).toBe('催款函');
  });

  it('runs a simulation as a job and stores the comparison', { timeout: 240_000 }, async () => {
    const created = await api.post('/api/collections/simulations', {
      from: '2026-03-05',
      days: 4,
      strategies: ['none', 'standard-en'],
    });
    expect(created.statusCode).toBe(202);
    const id = created.json().id;
    const app = testApp(store());
    const summary = { done: 0, failed: 0 };
    while (await runOneJob(app, { handlers: JOB_HANDLERS }, summary)) {
      // also runs the incremental cycles queued by the ledger triggers
    }
    expect(summary.failed).toBe(0);
    const done = await api.get(`/api/collections/simulations/${id}`);
    expect(done.json()).toMatchObject({ status: 'done' });
    const result = done.json().result;
    expect(result.strategies.map((s: { name: string }) => s.name)).toEqual(['none', 'standard-en']);
    expect(result.strategies[0].messages.total).toBe(0);
    expect(result.strategies[1].daily).toHaveLength(4);
  });
});
