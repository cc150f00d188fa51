import { beforeAll, describe, expect, it } from 'vitest';
import { createCustomer } from '../../src/ledger/customers/create-customer';
import { getCustomer, getCustomerByCode } from '../../src/ledger/customers/get-customer';
import { listCustomers } from '../../src/ledger/customers/list-customers';
import { updateCustomer } from '../../src/ledger/customers/update-customer';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { describeEachStore } from '../support/stores';
import { collectorActor, entityActor, type Ledger, seedLedger, TODAY } from './customers.fixtures';

describeEachStore('customers', (store) => {
  let ledger: Ledger;
  beforeAll(async () => {
    ledger = await seedLedger(store().db);
  });
  const list = (input: Record<string, unknown> = {}, actor = SYSTEM_ACTOR) =>
    listCustomers(store().db, actor, { today: TODAY, ...input });

  describe('balances', () => {
    it('are per currency, from open invoices after partial allocations, with unapplied cash', async () => {
      const page = await list({ q: 'C001' });
      expect(page.items).toHaveLength(1);
      const c001 = page.items[0];
      expect(c001.balances).toEqual([
        { currency: 'CNY', openAmount: 120_000, overdueAmount: 70_000, openCount: 2, overdueCount: 1 },
        { currency: 'USD', openAmount: 20_000, overdueAmount: 20_000, openCount: 1, overdueCount: 1 },
      ]);
      // P-001 200.00 + CN-001 20.00 in CNY; the bounced P-002 is not cash.
      expect(c001.unapplied).toEqual([
        { currency: 'CNY', amount: 22_000 },
        { currency: 'USD', amount: 1_500 },
      ]);
      expect(c001.collector).toEqual({ id: ledger.users.li, displayName: '李催收' });
      expect(c001.salesperson).toBeNull();
    });

    it('count nothing overdue before the due date passes', async () => {
      const before = await list({ q: 'C002', today: '2026-03-20' });
      expect(before.items[0].balances).toEqual([
        { currency: 'CNY', openAmount: 30_000, overdueAmount: 0, openCount: 1, overdueCount: 0 },
      ]);
      const after = await list({ q: 'C002', today: '2026-03-21' });
      expect(after.items[0].balances[0]).toMatchObject({ overdueAmount: 30_000, overdueCount: 1 });
    });

    it('give the detail oldest overdue days and the last payment that was not reversed', async () => {
      const detail = await getCustomer(store().db, SYSTEM_ACTOR, { id: ledger.customers.c001, today: TODAY });
      expect(detail.oldestOverdueDays).toBe(43);
      expect(detail.lastPaymentDate).toBe('2026-03-01');
      expect(detail.parent).toBeNull();
      expect(detail.attributes).toEqual({});
      const c003 = await getCustomerByCode(store().db, SYSTEM_ACTOR, { code: 'C003', today: TODAY });
      expect(c003).toMatchObject({
        balances: [],
        unapplied: [],
        oldestOverdueDays: 0,
        lastPaymentDate: null,
      });
      expect(c003.salesperson).toEqual({ id: ledger.users.zhao, displayName: '赵业务' });
    });

    it('leave out invoices and payments of entities the actor cannot see', async () => {
      const page = await list({ q: 'C001' }, entityActor([ledger.entities.sz]));
      expect(page.items[0].balances.map((b) => b.currency)).toEqual(['CNY']);
      expect(page.items[0].unapplied).toEqual([{ currency: 'CNY', amount: 22_000 }]);
    });
  });

  describe('search and filters', () => {
    it('match a Chinese name substring, a code prefix in any case and a tax id', async () => {
      expect((await list({ q: '华为' })).items.map((c) => c.code)).toEqual(['C001']);
      expect((await list({ q: '宝钢贸易' })).items.map((c) => c.code)).toEqual(['C002']);
      expect((await list({ q: 'acme' })).items.map((c) => c.code)).toEqual(['C003']);
      expect((await list({ q: 'c00' })).items.map((c) => c.code)).toEqual(['C001', 'C002', 'C003']);
      expect((await list({ q: '91440300test00001x' })).items.map((c) => c.code)).toEqual(['C001']);
      expect((await list({ q: '有限公司' })).items.map((c) => c.code)).toEqual(['C001', 'C002']);
    });

    it('find two-character names through the bigram index, case-insensitively, and single characters too', async () => {
      expect((await list({ q: '钢贸' })).items.map((c) => c.code)).toEqual(['C002']);
      expect((await list({ q: 'tR' })).items.map((c) => c.code)).toEqual(['C003']);
      expect((await list({ q: '为技' })).items.map((c) => c.code)).toEqual(['C001']);
      expect((await list({ q: '贸为' })).items).toEqual([]);
      expect((await list({ q: '宝' })).items.map((c) => c.code)).toEqual(['C002']);
      expect((await list({ q: '司', sort: '-name' })).items.map((c) => c.code)).toEqual(['C001', 'C002']);
    });

    it('treat LIKE wildcards in the search literally', async () => {
      expect((await list({ q: '%' })).items).toEqual([]);
      expect((await list({ q: 'C_0' })).items).toEqual([]);
    });

    it('filter by region, country, collector, salesperson and overdue', async () => {
      const codes = async (input: Record<string, unknown>) => (await list(input)).items.map((c) => c.code);
      expect(await codes({ region: '华南' })).toEqual(['C001', 'C003']);
      expect(await codes({ country: 'hk' })).toEqual(['C003']);
      expect(await codes({ collectorId: ledger.users.wang })).toEqual(['C002']);
      expect(await codes({ salespersonId: ledger.users.zhao })).toEqual(['C003']);
      expect(await codes({ overdue: true })).toEqual(['C001']);
      expect(await codes({ overdue: true, today: '2026-03-21' })).toEqual(['C001', 'C002']);
    });

    it('sort by name either way with the id as tie-breaker', async () => {
      const asc = (await list({ sort: 'name' })).items.map((c) => c.name);
      const desc = (await list({ sort: '-name' })).items.map((c) => c.name);
      expect(asc).toEqual([...asc].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(desc).toEqual([...asc].reverse());
    });
  });

  describe('scoping', () => {
    it('shows a collector only the customers assigned to them: list, search, detail', async () => {
      const li = collectorActor(ledger.users.li);
      expect((await list({}, li)).items.map((c) => c.code)).toEqual(['C001']);
      expect((await list({ q: '宝钢' }, li)).items).toEqual([]);
      expect((await list({ q: 'C00' }, li)).items.map((c) => c.code)).toEqual(['C001']);
      await expect(
        getCustomer(store().db, li, { id: ledger.customers.c002, today: TODAY }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(getCustomerByCode(store().db, li, { code: 'C003', today: TODAY })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      const own = await getCustomer(store().db, li, { id: ledger.customers.c001, today: TODAY });
      expect(own.code).toBe('C001');
    });

    it('sorts and pages a team scope (collectors Li and Wang) like any list', async () => {
      const team = {
        ...collectorActor(ledger.users.li),
        customerScope: { collectorUserIds: [ledger.users.li, ledger.users.wang], salespersonUserIds: [] },
      };
      const first = await list({ sort: '-name', limit: 1 }, team);
      expect(first.items.map((c) => c.code)).toEqual(['C001']);
      const second = await list({ sort: '-name', limit: 1, cursor: first.nextCursor }, team);
      expect(second.items.map((c) => c.code)).toEqual(['C002']);
      expect(second.nextCursor).toBeNull();
      expect((await list({ sort: 'name' }, team)).items.map((c) => c.code)).toEqual(['C002', 'C001']);
      const sales = {
        ...team,
        customerScope: { collectorUserIds: [], salespersonUserIds: [ledger.users.zhao] },
      };
      expect((await list({}, sales)).items.map((c) => c.code)).toEqual(['C003']);
    });

    it('does not let a collector change a customer of someone else', async () => {
      const wang = collectorActor(ledger.users.wang);
      await expect(
        updateCustomer(store().db, wang, {
          id: ledger.customers.c001,
          changes: { region: 'x' },
          today: TODAY,
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('create and update', () => {
    it('creates with defaults and rejects a duplicate code as a conflict', async () => {
      const created = await createCustomer(store().db, SYSTEM_ACTOR, {
        customer: { code: 'N001', name: '  新客户  ', taxId: 'abc123', paymentTermsDays: 60 },
        today: TODAY,
      });
      expect(created).toMatchObject({
        code: 'N001',
        name: '新客户',
        taxId: 'ABC123',
        country: 'CN',
        timeZone: 'Asia/Shanghai',
        language: 'zh-CN',
        paymentTermsDays: 60,
        balances: [],
        contacts: [],
      });
      await expect(
        createCustomer(store().db, SYSTEM_ACTOR, { customer: { code: 'N001', name: 'again' }, today: TODAY }),
      ).rejects.toMatchObject({ code: 'CONFLICT', message: 'Customer code N001 already exists' });
    });

    it('names every bad field', async () => {
      const error = await createCustomer(store().db, SYSTEM_ACTOR, {
        customer: {
          code: '',
          name: 'x',
          timeZone: 'Mars/Base',
          country: 'China',
          paymentTermsDays: -1,
          bogus: 1,
        },
        today: TODAY,
      } as never).catch((e) => e);
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.details.problems.map((p: { field: string }) => p.field).sort()).toEqual(
        ['bogus', 'code', 'country', 'paymentTermsDays', 'timeZone'].sort(),
      );
    });

    it('checks the parent and assigned staff, and refuses a parent loop', async () => {
      const bad = await updateCustomer(store().db, SYSTEM_ACTOR, {
        id: ledger.customers.c002,
        changes: { parentId: 999_999, collectorId: 999_999 },
        today: TODAY,
      }).catch((e) => e);
      expect(bad.details.problems.map((p: { field: string }) => p.field)).toEqual([
        'parentId',
        'collectorId',
      ]);
      const child = await updateCustomer(store().db, SYSTEM_ACTOR, {
        id: ledger.customers.c002,
        changes: { parentId: ledger.customers.c001 },
        today: TODAY,
      });
      expect(child.parent).toEqual({ id: ledger.customers.c001, code: 'C001', name: '深圳华为技术有限公司' });
      const loop = await updateCustomer(store().db, SYSTEM_ACTOR, {
        id: ledger.customers.c001,
        changes: { parentId: ledger.customers.c002 },
        today: TODAY,
      }).catch((e) => e);
      expect(loop.details.problems[0]).toMatchObject({ field: 'parentId' });
      await updateCustomer(store().db, SYSTEM_ACTOR, {
        id: ledger.customers.c002,
        changes: { parentId: null },
        today: TODAY,
      });
    });

    it('updates only the given fields and refuses taking another code', async () => {
      const updated = await updateCustomer(store().db, SYSTEM_ACTOR, {
        id: ledger.customers.c003,
        changes: { segment: 'export', attributes: { profile: 'late' }, salespersonId: null },
        today: TODAY,
      });
      expect(updated).toMatchObject({
        code: 'C003',
        name: 'Acme Trading Ltd',
        segment: 'export',
        attributes: { profile: 'late' },
        salesperson: null,
      });
      await expect(
        updateCustomer(store().db, SYSTEM_ACTOR, {
          id: ledger.customers.c003,
          changes: { code: 'C001' },
          today: TODAY,
        }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      await updateCustomer(store().db, SYSTEM_ACTOR, {
        id: ledger.customers.c003,
        changes: { salespersonId: ledger.users.zhao },
        today: TODAY,
      });
    });
  });
});
