// Entity scope on writes: a user granted one selling entity (ENT-A) must not read or change another
// entity's (ENT-B's) ledger or collection work, even for a customer it may see (customers are shared by the
// entities). Before, write-offs, manual allocations and their reversal, task updates and the strategy
// preview checked the customer scope only. Strategies and strategy rules are company-wide, so changing them
// is a right of grants for all entities only.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { STANDARD } from '../../src/collections/strategy/default-strategies';
import { type ApiClient, apiClient, apiClientFor } from '../support/http';
import { describeEachStore } from '../support/stores';
import { authTestServer } from './helpers';

interface Fixture {
  customer: number;
  invoiceA: number;
  invoiceB: number;
  paymentB: number;
  allocationB: number;
  caseB: number;
  taskB: number;
  entityB: number;
}

describeEachStore('entity scope on writes', (store) => {
  let server: FastifyInstance;
  let finance: ApiClient;
  let entityAdmin: ApiClient;
  let collector: ApiClient;
  let manager: ApiClient;
  let admin: ApiClient;
  const f = {} as Fixture;

  /** What entity B's ledger and collection work look like: must not move whatever A's users send. */
  const snapshotB = async () => {
    const db = store().db;
    const { rows } = await sql<Record<string, unknown>>`
      select
        (select json_agg(json_build_object('id', id, 'open', open_amount) order by id) from invoice
          where entity_id = ${f.entityB}) as invoices,
        (select json_agg(json_build_object('id', id, 'unapplied', unapplied_amount) order by id) from payment
          where entity_id = ${f.entityB}) as payments,
        (select json_agg(json_build_object('id', a.id, 'rev', a.reversed_on) order by a.id) from allocation a
          join invoice i on i.id = a.invoice_id where i.entity_id = ${f.entityB}) as allocations,
        (select count(*)::int from write_off) as write_offs,
        (select json_agg(json_build_object('id', id, 'status', status) order by id) from task
          where entity_id = ${f.entityB}) as tasks`.execute(db);
    return rows[0];
  };

  beforeAll(async () => {
    server = await authTestServer(store());
    const db = store().db;
    const entity = async (code: string) =>
      (
        await sql<{ id: number }>`insert into entity (code, name, base_currency)
          values (${code}, ${`${code} 有限公司`}, 'CNY') returning id`.execute(db)
      ).rows[0].id;
    const entityA = await entity('ENT-A');
    f.entityB = await entity('ENT-B');
    const restricted = (role: string) =>
      apiClientFor(server, {
        username: `${role}.ent-a`,
        roles: [{ role: role as never, entityCode: 'ENT-A' }],
      });
    finance = await restricted('finance');
    entityAdmin = await restricted('admin');
    collector = await restricted('collector');
    manager = await restricted('collection_manager');
    admin = await apiClient(server, 'admin');
    // One customer buying from both entities, assigned to A's collector: visible to every user above.
    f.customer = (
      await sql<{ id: number }>`insert into customer (code, name, collector_id)
        values ('C-SHARED', '上海共用客户', ${collector.userId}) returning id`.execute(db)
    ).rows[0].id;
    const invoice = async (entityId: number, number: string, amount: number) =>
      (
        await sql<{ id: number }>`insert into invoice
          (entity_id, customer_id, number, issue_date, due_date, currency, amount)
          values (${entityId}, ${f.customer}, ${number}, '2025-01-06', '2025-02-05', 'CNY', ${amount})
          returning id`.execute(db)
      ).rows[0].id;
    f.invoiceA = await invoice(entityA, 'INV-A-1', 50_000);
    f.invoiceB = await invoice(f.entityB, 'INV-B-SECRET', 100_000);
    const paidB = await invoice(f.entityB, 'INV-B-PAID', 10_000);
    f.paymentB = (
      await sql<{
        id: number;
      }>`insert into payment (entity_id, customer_id, reference, received_date, currency, amount)
        values (${f.entityB}, ${f.customer}, 'PAY-B-SECRET', '2025-03-01', 'CNY', 60000) returning id`.execute(
        db,
      )
    ).rows[0].id;
    f.allocationB = (
      await sql<{ id: number }>`insert into allocation (invoice_id, payment_id, amount, effective_on, method)
        values (${paidB}, ${f.paymentB}, 10000, '2025-03-01', 'manual') returning id`.execute(db)
    ).rows[0].id;
    f.caseB = (
      await sql<{
        id: number;
      }>`insert into collection_case (customer_id, entity_id, stage_since, opened_on, collector_id)
        values (${f.customer}, ${f.entityB}, '2025-02-06', '2025-02-06', ${collector.userId}) returning id`.execute(
        db,
      )
    ).rows[0].id;
    f.taskB = (
      await sql<{
        id: number;
      }>`insert into task (case_id, customer_id, entity_id, type, title, due_on, assignee_id)
        values (${f.caseB}, ${f.customer}, ${f.entityB}, 'call', 'Call about INV-B-SECRET', '2025-02-10',
          ${collector.userId}) returning id`.execute(db)
    ).rows[0].id;
  });
  afterAll(() => server.close());

  it('refuses write-offs, allocations and their reversal in another entity', async () => {
    const before = await snapshotB();
    for (const client of [finance, entityAdmin]) {
      const writeOff = await client.post('/api/write-offs', {
        invoiceId: f.invoiceB,
        amount: 1_000,
        writtenOffOn: '2025-06-01',
        reason: '跨主体核销',
      });
      expect(writeOff.statusCode).toBe(404);
      const allocation = await client.post('/api/allocations', {
        invoiceId: f.invoiceB,
        paymentId: f.paymentB,
        amount: 1_000,
      });
      expect(allocation.statusCode).toBe(404);
      const reversal = await client.post(`/api/allocations/${f.allocationB}/reverse`, {});
      expect(reversal.statusCode).toBe(404);
      expect(`${writeOff.body}${allocation.body}${reversal.body}`).not.toContain('SECRET');
    }
    expect(await snapshotB()).toEqual(before);
    // The same writes in the entity granted go through.
    const own = await finance.post('/api/write-offs', {
      invoiceId: f.invoiceA,
      amount: 1_000,
      writtenOffOn: '2025-06-01',
      reason: '本主体核销',
    });
    expect(own.statusCode).toBe(201);
  });

  it('refuses to complete another entity’s task', async () => {
    const before = await snapshotB();
    for (const client of [collector, manager]) {
      const response = await client.patch(`/api/collections/tasks/${f.taskB}`, { status: 'done' });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('SECRET');
    }
    expect(await snapshotB()).toEqual(before);
    // An administrator of all entities may.
    expect((await admin.patch(`/api/collections/tasks/${f.taskB}`, { status: 'open' })).statusCode).toBe(200);
  });

  it('previews a strategy only over the own entity’s invoices', async () => {
    const body = { strategy: STANDARD, customerId: f.customer, from: '2025-01-20', days: 60 };
    for (const client of [collector, manager]) {
      const all = await client.post('/api/collections/strategies/preview', body);
      expect(all.statusCode).toBe(200);
      const entities = new Set(all.json().items.map((i: { entityId: number }) => i.entityId));
      expect(entities.has(f.entityB)).toBe(false);
      expect(entities.size).toBe(1);
      expect(all.body).not.toContain('INV-B');
      const onlyB = await client.post('/api/collections/strategies/preview', {
        ...body,
        entityId: f.entityB,
      });
      expect([404, 200]).toContain(onlyB.statusCode);
      expect(onlyB.body).not.toContain('INV-B');
      if (onlyB.statusCode === 200) expect(onlyB.json().items).toEqual([]);
    }
    const everything = await admin.post('/api/collections/strategies/preview', body);
    expect(everything.body).toContain('INV-B');
  });

  it('makes strategies and strategy rules a right of grants for all entities', async () => {
    for (const client of [manager, entityAdmin]) {
      const saved = await client.post('/api/collections/strategies', {
        definition: { ...STANDARD, label: '只属一个主体的修改' },
      });
      expect(saved.statusCode).toBe(403);
      expect((await client.put('/api/collections/strategy-rules', { rules: [] })).statusCode).toBe(403);
      const override = await client.put(`/api/collections/customers/${f.customer}/strategy`, {
        strategyName: 'strict',
      });
      expect(override.statusCode).toBe(403);
    }
    const me = (await manager.get('/api/auth/me')).json();
    expect(me.rights).toContain('collections:write');
    expect(me.rights).not.toContain('strategies:write');
  });
});
