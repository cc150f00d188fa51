// The approval mechanism end to end through the API, on both stores: payment plans and write-offs become
// effective only on approval; the requester, a role without authority and another entity's manager cannot
// decide; two-step approvals need two different people; a rejected, withdrawn or expired request leaves
// nothing effective; and the rules are configurable per entity.
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/app/server';
import { addCustomer, addEntity, addInvoice } from '../collections/fixtures';
import { type ApiClient, apiClientFor } from '../support/http';
import { describeEachStore, testApp } from '../support/stores';

describeEachStore('approvals API', (store) => {
  let server: FastifyInstance;
  let collector: ApiClient;
  let lead: ApiClient;
  let leadB: ApiClient;
  let credit: ApiClient;
  let finance: ApiClient;
  let admin: ApiClient;
  let entityA: number;
  let caseA: number;
  let invoiceA: number;

  const installments = (total: number) => [
    { dueOn: '2099-01-10', amount: total / 2 },
    { dueOn: '2099-02-10', amount: total / 2 },
  ];
  const planStatus = async (id: number) =>
    (
      await store()
        .db.selectFrom('payment_plan')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;
  /** Whether the engine was asked to look at the case again (a plan that holds it does; a pending one not). */
  const engineTold = async () => {
    const db = store().db;
    const kase = await db
      .selectFrom('collection_case')
      .select('evaluated_on')
      .where('id', '=', caseA)
      .executeTakeFirstOrThrow();
    const dirty = await sql<{ n: number }>`select count(*)::int as n from collection_dirty`.execute(db);
    return kase.evaluated_on === null && dirty.rows[0].n > 0;
  };
  const propose = async (total: number) => {
    const response = await collector.post(`/api/collections/cases/${caseA}/plans`, {
      currency: 'CNY',
      installments: installments(total),
      note: '客户资金紧张，申请分期',
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number; status: string; approvalId: number | null };
  };

  beforeAll(async () => {
    const app = testApp(store());
    server = await buildServer({ ...app, config: { ...app.config, webDistDir: resolve('web/no-dist') } });
    const db = store().db;
    entityA = await addEntity(db, '甲公司');
    const entityB = await addEntity(db, '乙公司');
    collector = await apiClientFor(server, { username: 'ap_collector', roles: [{ role: 'collector' }] });
    lead = await apiClientFor(server, {
      username: 'ap_lead',
      roles: [{ role: 'collection_manager', entityId: entityA }],
    });
    leadB = await apiClientFor(server, {
      username: 'ap_lead_b',
      roles: [{ role: 'collection_manager', entityId: entityB }],
    });
    credit = await apiClientFor(server, { username: 'ap_credit', roles: [{ role: 'credit_manager' }] });
    finance = await apiClientFor(server, { username: 'ap_finance', roles: [{ role: 'finance' }] });
    admin = await apiClientFor(server, { username: 'ap_admin', roles: [{ role: 'admin' }] });
    const customer = await addCustomer(db, { name: '拖欠客户', collectorId: collector.userId });
    invoiceA = await addInvoice(db, {
      entityId: entityA,
      customerId: customer,
      dueDate: '2026-03-10',
      amount: 5_000_000_00,
    });
    const insertCase = async (entityId: number) =>
      (
        await sql<{ id: number }>`insert into collection_case (customer_id, entity_id, stage_since, opened_on)
          values (${customer}, ${entityId}, '2026-03-11', '2026-03-11') returning id`.execute(db)
      ).rows[0].id;
    caseA = await insertCase(entityA);
    await insertCase(entityB);
  });
  afterAll(() => server.close());

  describe('a collector’s payment plan', () => {
    let plan: { id: number; status: string; approvalId: number | null };

    it('waits for approval and holds nothing until then', async () => {
      await sql`update collection_case set evaluated_on = '2026-03-11' where id = ${caseA}`.execute(
        store().db,
      );
      await sql`delete from collection_dirty`.execute(store().db);
      plan = await propose(1_000_00);
      expect(await engineTold()).toBe(false);
      expect(plan.status).toBe('pending');
      expect(plan.approvalId).toEqual(expect.any(Number));
      expect(await planStatus(plan.id)).toBe('pending');
      expect((await collector.get('/api/approvals/count')).json()).toEqual({ toDecide: 0, mine: 1 });
      expect((await lead.get('/api/approvals/count')).json()).toEqual({ toDecide: 1, mine: 0 });
    });

    it('is not approved by the proposer, by a role without authority, nor seen from another entity', async () => {
      const url = `/api/approvals/${plan.approvalId}`;
      const self = await collector.post(`${url}/approve`, {});
      expect(self.statusCode).toBe(403);
      expect(self.json().error.messageCode).toBe('approvalSelf');
      const wrongRole = await finance.post(`${url}/approve`, {});
      expect(wrongRole.statusCode).toBe(403);
      expect(wrongRole.json().error.messageCode).toBe('approvalRole');
      expect((await leadB.get(url)).statusCode).toBe(404);
      expect((await leadB.post(`${url}/approve`, {})).statusCode).toBe(404);
      expect((await leadB.get('/api/approvals?scope=all')).json().items).toEqual([]);
      expect(await planStatus(plan.id)).toBe('pending');
    });

    it('becomes active when the team lead approves, with the decision recorded and audited', async () => {
      const inbox = (await lead.get('/api/approvals')).json();
      expect(inbox.items).toHaveLength(1);
      expect(inbox.items[0]).toMatchObject({
        id: plan.approvalId,
        kind: 'payment_plan',
        status: 'pending',
        amount: 1_000_00,
        currency: 'CNY',
        customerName: '拖欠客户',
        reason: '客户资金紧张，申请分期',
        steps: [['collection_manager', 'admin']],
        canDecide: true,
      });
      const approved = await lead.post(`/api/approvals/${plan.approvalId}/approve`, { comment: '同意' });
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json()).toMatchObject({
        status: 'approved',
        currentStep: null,
        decisions: [{ step: 1, decision: 'approved', deciderId: lead.userId, comment: '同意' }],
      });
      expect(await planStatus(plan.id)).toBe('active');
      expect(await engineTold()).toBe(true);
      const again = await lead.post(`/api/approvals/${plan.approvalId}/approve`, {});
      expect(again.statusCode).toBe(409);
      const audited = await sql<{ n: number }>`select count(*)::int as n from audit_log
        where table_name = 'approval_decision' and actor_user_id = ${lead.userId}`.execute(store().db);
      expect(audited.rows[0].n).toBe(1);
    });

    it('rejected: never active, and the active plan stays', async () => {
      const second = await propose(2_000_00);
      const bare = await lead.post(`/api/approvals/${second.approvalId}/reject`, {});
      expect(bare.statusCode).toBe(400);
      const rejected = await lead.post(`/api/approvals/${second.approvalId}/reject`, { comment: '金额不足' });
      expect(rejected.json()).toMatchObject({ status: 'rejected' });
      expect(await planStatus(second.id)).toBe('rejected');
      expect(await planStatus(plan.id)).toBe('active');
    });

    it('above the two-step threshold needs the team lead and then the credit manager', async () => {
      const big = await propose(300_000_00);
      const url = `/api/approvals/${big.approvalId}`;
      expect((await lead.get(url)).json().steps).toEqual([
        ['collection_manager', 'admin'],
        ['credit_manager', 'admin'],
      ]);
      expect((await credit.post(`${url}/approve`, {})).json().error.messageCode).toBe('approvalRole');
      const first = await lead.post(`${url}/approve`, {});
      expect(first.json()).toMatchObject({ status: 'pending', currentStep: 2 });
      expect(await planStatus(big.id)).toBe('pending');
      expect((await lead.post(`${url}/approve`, {})).json().error.messageCode).toBe('approvalTwice');
      const second = await credit.post(`${url}/approve`, {});
      expect(second.json()).toMatchObject({ status: 'approved' });
      expect(await planStatus(big.id)).toBe('active');
      expect(await planStatus(plan.id)).toBe('cancelled'); // replaced by the approved one
    });

    it('withdrawn by its proposer only; an expired one cannot be approved', async () => {
      const withdrawn = await propose(1_000_00);
      expect((await lead.post(`/api/approvals/${withdrawn.approvalId}/cancel`, {})).statusCode).toBe(403);
      const cancelled = await collector.post(`/api/approvals/${withdrawn.approvalId}/cancel`, {});
      expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
      expect(await planStatus(withdrawn.id)).toBe('rejected');

      const late = await propose(1_000_00);
      await sql`update approval_request set requested_on = '2026-01-01', expires_on = '2026-01-15'
                where id = ${late.approvalId}`.execute(store().db);
      expect((await lead.get(`/api/approvals/${late.approvalId}`)).json().status).toBe('expired');
      const refused = await lead.post(`/api/approvals/${late.approvalId}/approve`, {});
      expect(refused.statusCode).toBe(409);
      const stored = await store()
        .db.selectFrom('approval_request')
        .select('status')
        .where('id', '=', late.approvalId)
        .executeTakeFirstOrThrow();
      expect(stored.status).toBe('expired');
      expect(await planStatus(late.id)).toBe('rejected');
    });
  });

  describe('write-offs', () => {
    const openAmount = async () =>
      (
        await store()
          .db.selectFrom('invoice')
          .select('open_amount')
          .where('id', '=', invoiceA)
          .executeTakeFirstOrThrow()
      ).open_amount;

    it('within finance’s authority are made at once; beyond it, only when approved', async () => {
      const small = await finance.post('/api/write-offs', {
        invoiceId: invoiceA,
        amount: 10_000_00,
        writtenOffOn: '2026-06-30',
        reason: '小额尾差',
      });
      expect(small.statusCode, small.body).toBe(201);
      expect(await openAmount()).toBe(4_990_000_00);

      const large = await finance.post('/api/write-offs', {
        invoiceId: invoiceA,
        amount: 50_000_00,
        writtenOffOn: '2026-06-30',
        reason: '法院终本裁定',
      });
      expect(large.statusCode, large.body).toBe(202);
      const approval = large.json().approval;
      expect(approval).toMatchObject({
        kind: 'write_off',
        status: 'pending',
        amount: 50_000_00,
        steps: [['credit_manager', 'admin']],
      });
      expect(await openAmount()).toBe(4_990_000_00);
      expect((await lead.post(`/api/approvals/${approval.id}/approve`, {})).statusCode).toBe(403);
      const approved = await credit.post(`/api/approvals/${approval.id}/approve`, { comment: '证据充分' });
      expect(approved.json()).toMatchObject({ status: 'approved' });
      expect(await openAmount()).toBe(4_940_000_00);
      const made = await store()
        .db.selectFrom('write_off')
        .select(['amount', 'created_by'])
        .where('invoice_id', '=', invoiceA)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(made).toEqual({ amount: 50_000_00, created_by: finance.userId });
    });
  });

  describe('rules', () => {
    it('are configured per entity by an administrator and take effect for the next request', async () => {
      const rule = {
        authority: { collector: 5_000 },
        levels: [{ upTo: null, roles: ['collection_manager'] }],
        twoStepAbove: null,
        expiresAfterDays: 7,
      };
      expect(
        (await lead.put('/api/approvals/rules/payment_plan', { entityId: entityA, rule })).statusCode,
      ).toBe(403);
      const bad = await admin.put('/api/approvals/rules/payment_plan', {
        entityId: entityA,
        rule: { ...rule, levels: [{ upTo: 10, roles: ['nobody'] }] },
      });
      expect(bad.statusCode).toBe(400);
      const saved = await admin.put('/api/approvals/rules/payment_plan', { entityId: entityA, rule });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ source: 'entity', rule });
      const within = await propose(4_000_00);
      expect(within).toMatchObject({ status: 'active', approvalId: null });
      const rules = (await admin.get(`/api/approvals/rules?entityId=${entityA}`)).json();
      expect(rules.find((r: { kind: string }) => r.kind === 'write_off')).toMatchObject({
        source: 'default',
      });
    });
  });
});
