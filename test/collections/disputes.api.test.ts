// Structured disputes through the API on both stores: a collector raises one on part of an invoice with a
// reason code, an owner and a due date; it is put in review and resolved with a resolution code; amounts
// beyond the invoice, a role without the right and another entity's users are refused. The first open
// dispute marks the invoice disputed (the engine's input: not dunned), resolving the last clears it.
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/app/server';
import { type ApiClient, apiClientFor } from '../support/http';
import { describeEachStore, testApp } from '../support/stores';
import { addCustomer, addEntity, addInvoice } from './fixtures';

describeEachStore('disputes API', (store) => {
  let server: FastifyInstance;
  let collector: ApiClient;
  let sales: ApiClient;
  let otherLead: ApiClient;
  let invoice: number;

  beforeAll(async () => {
    const app = testApp(store());
    server = await buildServer({ ...app, config: { ...app.config, webDistDir: resolve('web/no-dist') } });
    const db = store().db;
    const entity = await addEntity(db, '甲公司');
    const other = await addEntity(db, '乙公司');
    collector = await apiClientFor(server, { username: 'dp_collector', roles: [{ role: 'collector' }] });
    sales = await apiClientFor(server, { username: 'dp_sales', roles: [{ role: 'salesperson' }] });
    otherLead = await apiClientFor(server, {
      username: 'dp_lead_b',
      roles: [{ role: 'collection_manager', entityId: other }],
    });
    const customer = await addCustomer(db, { name: '异议客户', collectorId: collector.userId });
    await db
      .updateTable('customer')
      .set({ salesperson_id: sales.userId })
      .where('id', '=', customer)
      .execute();
    invoice = await addInvoice(db, {
      entityId: entity,
      customerId: customer,
      dueDate: '2026-03-10',
      amount: 10_000_00,
    });
  });
  afterAll(() => server.close());
  const disputed = async () =>
    (
      await store()
        .db.selectFrom('invoice')
        .select('disputed')
        .where('id', '=', invoice)
        .executeTakeFirstOrThrow()
    ).disputed;

  it('is raised by a collector on part of an invoice, reviewed and resolved, and audited', async () => {
    const raised = await collector.post('/api/collections/disputes', {
      invoiceId: invoice,
      amount: 3_000_00,
      reasonCode: 'quality',
      note: '第二批货有划痕',
      ownerDepartment: '质量部',
      dueOn: '2099-01-31',
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const dispute = raised.json();
    expect(dispute).toMatchObject({
      invoiceId: invoice,
      amount: 3_000_00,
      currency: 'CNY',
      reasonCode: 'quality',
      ownerDepartment: '质量部',
      status: 'open',
      resolutionCode: null,
      ageDays: 0,
      overdue: false,
    });
    expect(await disputed()).toBe(true);
    const beyond = await collector.post('/api/collections/disputes', {
      invoiceId: invoice,
      amount: 7_000_01,
      reasonCode: 'price',
    });
    expect(beyond.statusCode).toBe(400);
    expect(
      (await sales.post('/api/collections/disputes', { invoiceId: invoice, reasonCode: 'other' })).statusCode,
    ).toBe(403);
    expect((await sales.get(`/api/collections/disputes?invoiceId=${invoice}`)).json()).toHaveLength(1);
    expect((await otherLead.get(`/api/collections/disputes/${dispute.id}`)).statusCode).toBe(404);
    expect(
      (await otherLead.patch(`/api/collections/disputes/${dispute.id}`, { status: 'in_review' })).statusCode,
    ).toBe(404);
    expect((await otherLead.get(`/api/collections/disputes?invoiceId=${invoice}`)).json()).toEqual([]);

    const review = await collector.patch(`/api/collections/disputes/${dispute.id}`, { status: 'in_review' });
    expect(review.json()).toMatchObject({ status: 'in_review' });
    const noNote = await collector.patch(`/api/collections/disputes/${dispute.id}`, {
      resolutionCode: 'credit_note',
    });
    expect(noNote.statusCode).toBe(400);
    const resolved = await collector.patch(`/api/collections/disputes/${dispute.id}`, {
      resolutionCode: 'rejected',
      resolutionNote: '照片显示出厂完好',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({
      status: 'resolved',
      resolutionCode: 'rejected',
      resolvedOn: expect.any(String),
    });
    expect(await disputed()).toBe(false);
    expect(
      (await collector.patch(`/api/collections/disputes/${dispute.id}`, { status: 'open' })).statusCode,
    ).toBe(409);
    expect((await collector.get(`/api/collections/disputes?invoiceId=${invoice}&open=true`)).json()).toEqual(
      [],
    );

    // The whole amount may be disputed again once the earlier dispute is resolved.
    const again = await collector.post('/api/collections/disputes', {
      invoiceId: invoice,
      reasonCode: 'already_paid',
    });
    expect(again.json()).toMatchObject({ amount: 10_000_00, reasonCode: 'already_paid' });

    expect(await disputed()).toBe(true);
    const audited = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where table_name = 'invoice_dispute' and actor_user_id = ${collector.userId}`.execute(store().db);
    expect(audited.rows[0].n).toBe(4); // raised, in review, resolved, raised again
  });
});
