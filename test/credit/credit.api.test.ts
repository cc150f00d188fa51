// Contract terms and late interest through the API, on both stores: terms are effective-dated (a change
// does not rewrite invoices issued before it), entity defaults apply to customers without their own terms,
// partial payments lower the base from their effective date, writes need credit:write and are audited, and
// a collector sees only the interest of assigned customers.
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/app/server';
import { addCustomer, addEntity, addInvoice } from '../collections/fixtures';
import { type ApiClient, apiClientFor } from '../support/http';
import { describeEachStore, testApp } from '../support/stores';

describeEachStore('credit terms and interest API', (store) => {
  let server: FastifyInstance;
  let credit: ApiClient;
  let finance: ApiClient;
  let collector: ApiClient;
  let otherCollector: ApiClient;
  let entity: number;
  let customer: number;
  let defaulted: number;

  const termsBody = (over: Record<string, unknown> = {}) => ({
    validFrom: '2025-01-01',
    paymentTermsDays: 30,
    creditLimit: 50_000_000,
    currency: 'CNY',
    interestKind: 'daily',
    interestRate: '0.0005',
    ...over,
  });

  beforeAll(async () => {
    const app = testApp(store());
    server = await buildServer({ ...app, config: { ...app.config, webDistDir: resolve('web/no-dist') } });
    const db = store().db;
    entity = await addEntity(db, '甲公司');
    credit = await apiClientFor(server, { username: 'cr_credit', roles: [{ role: 'credit_manager' }] });
    finance = await apiClientFor(server, { username: 'cr_finance', roles: [{ role: 'finance' }] });
    collector = await apiClientFor(server, { username: 'cr_collector', roles: [{ role: 'collector' }] });
    otherCollector = await apiClientFor(server, { username: 'cr_other', roles: [{ role: 'collector' }] });
    customer = await addCustomer(db, { name: '拖欠客户', collectorId: collector.userId });
    defaulted = await addCustomer(db, { name: '默认条款客户', collectorId: collector.userId });
  });

  it('sets terms with credit:write only, effective-dated and audited', async () => {
    const denied = await finance.put(`/api/credit/customers/${customer}/terms`, {
      entityId: entity,
      ...termsBody(),
    });
    expect(denied.statusCode).toBe(403);
    const set = await credit.put(`/api/credit/customers/${customer}/terms`, {
      entityId: entity,
      ...termsBody(),
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ interestRate: '0.0005', interestKind: 'daily', customerId: customer });
    // From 1 July the rate is lower: invoices issued before keep 万分之五.
    const later = await credit.put(`/api/credit/customers/${customer}/terms`, {
      entityId: entity,
      ...termsBody({ validFrom: '2025-07-01', interestRate: '0.0003', graceDays: 5 }),
    });
    expect(later.statusCode, later.body).toBe(200);
    const view = await credit.get(`/api/credit/customers/${customer}/terms?asOf=2025-03-01`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().history).toHaveLength(2);
    expect(view.json().inForce).toEqual([
      expect.objectContaining({
        entityId: entity,
        source: 'customer',
        terms: expect.objectContaining({ interestRate: '0.0005' }),
      }),
    ]);
    const audited = await store()
      .db.selectFrom('audit_log')
      .select(['op', 'actor_user_id as actor'])
      .where('table_name', '=', 'credit_terms')
      .execute();
    expect(audited.length).toBeGreaterThanOrEqual(2);
    expect(audited.every((row) => row.actor === credit.userId)).toBe(true);
  });

  it('refuses implausible terms with a coded message', async () => {
    const bad = await credit.put(`/api/credit/customers/${customer}/terms`, {
      entityId: entity,
      ...termsBody({ interestRate: '0.5' }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.messageCode).toBe('creditTermsInvalid');
  });

  it('computes interest per invoice under the terms of its issue date, with partial payments', async () => {
    const db = store().db;
    // 100,000.00 issued 2025-01-01, due 2025-01-31; 40,000.00 paid effective 2025-02-11.
    const invoice = await addInvoice(db, {
      entityId: entity,
      customerId: customer,
      issueDate: '2025-01-01',
      dueDate: '2025-01-31',
      amount: 10_000_000,
    });
    const payment = (
      await sql<{
        id: number;
      }>`insert into payment (entity_id, customer_id, reference, received_date, currency, amount)
        values (${entity}, ${customer}, 'P-1', '2025-02-11', 'CNY', 4000000) returning id`.execute(db)
    ).rows[0].id;
    await sql`insert into allocation (invoice_id, payment_id, amount, effective_on, method)
      values (${invoice}, ${payment}, 4000000, '2025-02-11', 'manual')`.execute(db);
    // Issued after the change: 万分之三 with 5 grace days.
    await addInvoice(db, {
      entityId: entity,
      customerId: customer,
      issueDate: '2025-07-01',
      dueDate: '2025-07-31',
      amount: 10_000_000,
    });
    const response = await collector.get(`/api/credit/customers/${customer}/interest?asOf=2025-08-10`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const first = body.invoices.find((row: { invoiceId: number }) => row.invoiceId === invoice);
    // 10 days on 100,000 + 181 days (11 Feb … 10 Aug) on 60,000 at 0.0005.
    expect(first).toMatchObject({
      interest: 50_000 + 543_000,
      openAmount: 6_000_000,
      interestRate: '0.0005',
    });
    const second = body.invoices.find((row: { invoiceId: number }) => row.invoiceId !== invoice);
    // Accrues from 6 Aug (due 31 Jul + 1 + 5 grace): 5 days × 100,000 × 0.0003 = 150.00.
    expect(second).toMatchObject({
      accruesFrom: '2025-08-06',
      days: 5,
      interest: 15_000,
      interestRate: '0.0003',
    });
    expect(body.totals).toEqual([{ currency: 'CNY', interest: 593_000 + 15_000 }]);
  });

  it('uses the entity default for a customer without own terms', async () => {
    const denied = await finance.put(`/api/credit/entities/${entity}/terms`, termsBody());
    expect(denied.statusCode).toBe(403);
    const set = await credit.put(
      `/api/credit/entities/${entity}/terms`,
      termsBody({ interestKind: 'annual', interestRate: '0.12', dayCountBasis: 360 }),
    );
    expect(set.statusCode, set.body).toBe(200);
    const defaults = await credit.get(`/api/credit/entities/${entity}/terms?asOf=2025-06-01`);
    expect(defaults.json().inForce).toMatchObject({ interestKind: 'annual', dayCountBasis: 360 });
    await addInvoice(store().db, {
      entityId: entity,
      customerId: defaulted,
      issueDate: '2025-01-01',
      dueDate: '2025-01-31',
      amount: 3_600_000,
    });
    const interest = await credit.get(`/api/credit/customers/${defaulted}/interest?asOf=2025-03-02`);
    expect(interest.json().invoices).toEqual([
      expect.objectContaining({ termsSource: 'entity', days: 30, interest: 36_000 }),
    ]);
  });

  it('shows the interest on the case view', async () => {
    // today's date: the invoices of this customer are long overdue, so interest is positive.
    const caseId = (
      await sql<{ id: number }>`insert into collection_case (customer_id, entity_id, stage_since, opened_on)
        values (${customer}, ${entity}, '2025-02-01', '2025-02-01') returning id`.execute(store().db)
    ).rows[0].id;
    const view = await collector.get(`/api/collections/cases/${caseId}`);
    expect(view.statusCode, view.body).toBe(200);
    const direct = await collector.get(`/api/credit/customers/${customer}/interest?entityId=${entity}`);
    const late = view.json().lateInterest;
    expect(late.totals).toEqual(direct.json().totals);
    expect(late.totals[0].interest).toBeGreaterThan(0);
    expect(late.invoices).toHaveLength(2);
  });

  it('refuses a day that does not exist', async () => {
    const response = await credit.get(`/api/credit/customers/${customer}/interest?asOf=2025-02-30`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.messageCode).toBe('dateRequired');
  });

  it('scopes: another collector does not find the customer', async () => {
    const response = await otherCollector.get(`/api/credit/customers/${customer}/interest?asOf=2025-08-10`);
    expect(response.statusCode).toBe(404);
    const terms = await collector.get(`/api/credit/customers/${customer}/terms`);
    expect(terms.statusCode).toBe(403);
  });

  it("scopes: a credit manager of another entity sees none of this entity's terms or invoices", async () => {
    const other = await addEntity(store().db, '乙公司');
    const manager = await apiClientFor(server, {
      username: 'cr_credit_b',
      roles: [{ role: 'credit_manager', entityId: other }],
    });
    const interest = await manager.get(`/api/credit/customers/${customer}/interest?asOf=2025-08-10`);
    expect(interest.statusCode, interest.body).toBe(200);
    expect(interest.json()).toMatchObject({ invoices: [], totals: [] });
    const terms = await manager.get(`/api/credit/customers/${customer}/terms`);
    expect(terms.json()).toMatchObject({ inForce: [], history: [] });
    expect((await manager.get(`/api/credit/entities/${entity}/terms`)).statusCode).toBe(404);
    const write = await manager.put(`/api/credit/customers/${customer}/terms`, {
      entityId: entity,
      ...termsBody(),
    });
    expect(write.statusCode).toBe(404);
  });
});
