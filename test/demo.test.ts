// The demo data set on both stores: deterministic (same seed → same table checksums, on PGlite and on
// PostgreSQL alike), realistic invariants, refusal on a non-empty store, and the start hook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../src/demo/load-demo';
import { demoStartHookFor } from '../src/demo/start-hook';
import { isValidUscc } from '../src/demo/uscc';
import { SYSTEM_ACTOR } from '../src/platform/auth/actor';
import type { Store } from '../src/platform/db/store';
import { createTestStore, describeEachStore, type TestStore, testApp } from './support/stores';

const SIZE = { customers: 50, invoices: 2000, seed: 7, asOf: '2025-06-30', months: 24 };
const CHECKED = [
  'customer',
  'contact',
  'sales_order',
  'invoice',
  'credit_note',
  'payment',
  'write_off',
  'allocation',
  'exchange_rate',
];

/** md5 per table over every row in id order, all columns but updated_at (set to now() by triggers). */
async function checksums(store: Store): Promise<Record<string, string>> {
  return store.withConnection(async ({ raw }) => {
    await raw.exec("begin; set local time zone 'UTC'; set local extra_float_digits = 0");
    const result: Record<string, string> = {};
    for (const table of CHECKED) {
      const { rows: cols } = await raw.query<{ c: string }>(
        `select column_name as c from information_schema.columns
          where table_schema = 'public' and table_name = $1 and column_name <> 'updated_at' order by ordinal_position`,
        [table],
      );
      const order = table === 'exchange_rate' ? 'from_currency, to_currency, rate_date' : 'id';
      const { rows } = await raw.query<{ md5: string }>(
        `select md5(coalesce(string_agg(${cols.map((c) => `coalesce(t.${c.c}::text, '~')`).join(` || '|' || `)}, E'\\n' order by ${order}), '')) as md5 from ${table} t`,
      );
      result[table] = `${rows[0].md5}`;
    }
    await raw.exec('commit');
    return result;
  });
}

async function one<T>(store: Store, sql: string, params: unknown[] = []): Promise<T> {
  return store.withConnection(async ({ raw }) => (await raw.query<T>(sql, params)).rows[0]);
}

const checksumsByKind: Record<string, Record<string, string>> = {};

describeEachStore('demo data set', (ctx, kind) => {
  let summary: Awaited<ReturnType<typeof loadDemo>>;
  beforeAll(async () => {
    summary = await loadDemo(ctx(), SYSTEM_ACTOR, SIZE);
  });

  it('loads the requested sizes', async () => {
    expect(summary.rows.customer).toBe(50);
    expect(summary.rows.invoice).toBe(2000);
    const counts = await one<{ c: number; i: number; u: number }>(
      ctx(),
      `select (select count(*)::int from customer) c, (select count(*)::int from invoice) i,
              (select count(*)::int from app_user where username like 'collector%' or username like 'sales%') u`,
    );
    expect(counts).toEqual({ c: 50, i: 2000, u: 5 });
  });

  it('is deterministic: a second store loaded with the same seed has the same checksums', async () => {
    const second = await createTestStore(kind);
    try {
      await loadDemo(second.store, SYSTEM_ACTOR, SIZE);
      const a = await checksums(ctx());
      expect(await checksums(second.store)).toEqual(a);
      checksumsByKind[kind] = a;
      // And the same bytes on either store.
      const other = checksumsByKind[kind === 'pglite' ? 'postgres' : 'pglite'];
      if (other) expect(a).toEqual(other);
    } finally {
      // Kysely ends a PostgreSQL pool only once `store.db` has been used; this store was only used through
      // withConnection, and its idle connection would be killed by the forced drop with nobody listening.
      await second.store.db.selectFrom('customer').select('id').limit(1).execute();
      await second.dispose();
    }
  });

  it("keeps every invoice's open amount = amount − active allocations, and payments' likewise", async () => {
    const bad = await one<{ invoices: number; payments: number; early: number }>(
      ctx(),
      `select
         (select count(*)::int from invoice i where i.open_amount <> i.amount - coalesce((select sum(a.amount)
            from allocation a where a.invoice_id = i.id and a.reversed_on is null), 0)) invoices,
         (select count(*)::int from payment p where p.unapplied_amount <> p.amount - coalesce((select sum(a.amount)
            from allocation a where a.payment_id = p.id and a.reversed_on is null), 0)) payments,
         (select count(*)::int from allocation a join payment p on p.id = a.payment_id
           where a.effective_on < p.received_date) early`,
    );
    expect(bad).toEqual({ invoices: 0, payments: 0, early: 0 });
  });

  it('never allocates an invoice or a payment beyond its amount on any past date', async () => {
    // What is in effect changes only on effective and reversal dates, so the sums peak on an effective date.
    const over = (doc: string, column: string) => `(
      select count(*)::int from (select distinct a.${column} as id, a.effective_on as d from allocation a
                                  where a.${column} is not null) x join ${doc} t on t.id = x.id
       where t.amount < (select sum(a.amount) from allocation a where a.${column} = x.id and a.effective_on <= x.d
                           and (a.reversed_on is null or a.reversed_on > x.d)))`;
    const bad = await one<{ invoices: number; payments: number }>(
      ctx(),
      `select ${over('invoice', 'invoice_id')} invoices, ${over('payment', 'payment_id')} payments`,
    );
    expect(bad).toEqual({ invoices: 0, payments: 0 });
  });

  it('has every behaviour profile, with its parameters', async () => {
    const rows = await ctx()
      .db.selectFrom('customer')
      .select((eb) =>
        eb
          .ref('attributes', '->>')
          .key('demoProfile' as never)
          .as('p'),
      )
      .execute();
    const profiles = new Set(rows.map((r) => (JSON.parse(String(r.p)) as { profile: string }).profile));
    expect([...profiles].sort()).toEqual([
      'deadbeat',
      'deteriorating',
      'disputing',
      'prompt',
      'seasonal',
      'slow',
    ]);
    const deadbeat = await one<{ stop: string }>(
      ctx(),
      `select attributes->'demoProfile'->>'stoppedPayingOn' stop from customer
        where attributes->'demoProfile'->>'profile' = 'deadbeat' limit 1`,
    );
    expect(deadbeat.stop).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('has Chinese company names with valid 统一社会信用代码 and Chinese contacts with mobiles', async () => {
    const cn = await ctx()
      .db.selectFrom('customer')
      .select(['name', 'tax_id'])
      .where('country', '=', 'CN')
      .execute();
    expect(cn.length).toBeGreaterThan(35);
    for (const c of cn) {
      expect(c.name).toMatch(/^[\u4e00-\u9fff]{2,}.*公司$/);
      expect(isValidUscc(c.tax_id!)).toBe(true);
    }
    const contacts = await one<{
      n: number;
      chinese: number;
      mobiles: number;
      dnc: number;
      guarantors: number;
    }>(
      ctx(),
      `select count(*)::int n, count(*) filter (where k.name ~ '^[一-龥]{2,4}$')::int chinese,
              count(*) filter (where k.mobile ~ '^1[3-9][0-9]{9}$')::int mobiles,
              count(*) filter (where k.do_not_contact)::int dnc, count(*) filter (where k.role = 'guarantor')::int guarantors
         from contact k join customer c on c.id = k.customer_id where c.country = 'CN'`,
    );
    expect(contacts.chinese).toBe(contacts.n);
    expect(contacts.mobiles).toBe(contacts.n);
    expect(contacts.guarantors).toBeGreaterThan(0);
  });

  it('has overdue invoices at many ages, invoices due in the next days, and disputed ones', async () => {
    const r = await one<Record<string, number>>(
      ctx(),
      `select count(*) filter (where open_amount > 0 and due_date < $1::date)::int overdue,
              count(*) filter (where open_amount > 0 and due_date < $1::date - 180)::int overdue180,
              count(*) filter (where open_amount > 0 and due_date between $1::date and $1::date + 7)::int due_soon,
              count(*) filter (where open_amount > 0 and due_date >= $1::date)::int not_due,
              count(*) filter (where open_amount = 0)::int paid,
              count(*) filter (where disputed)::int disputed,
              count(*) filter (where allocated_amount > 0 and open_amount > 0)::int partial
         from invoice`,
      [SIZE.asOf],
    );
    for (const key of ['overdue', 'overdue180', 'due_soon', 'not_due', 'paid', 'disputed', 'partial']) {
      expect(r[key], key).toBeGreaterThan(0);
    }
    expect(r.paid).toBeGreaterThan(r.overdue); // most history is paid
  });

  it('has payments by remittance and FIFO, acceptance bills, bounced payments, credit notes and orders', async () => {
    const r = await one<Record<string, number>>(
      ctx(),
      `select (select count(*)::int from allocation where method = 'reference' and payment_id is not null) reference,
              (select count(*)::int from allocation where method = 'fifo') fifo,
              (select count(*)::int from payment where method = 'acceptance_bill') bills,
              (select count(*)::int from payment where reversed_on is not null) bounced,
              (select count(*)::int from allocation where reversed_on is not null) reversed,
              (select count(*)::int from credit_note) credit_notes,
              (select count(*)::int from payment where unapplied_amount > 0 and reversed_on is null) unapplied,
              (select count(*)::int from sales_order where status = 'open') open_orders,
              (select count(*)::int from sales_order where status = 'shipped') shipped,
              (select count(*)::int from invoice where currency in ('USD', 'EUR')) foreign_invoices`,
    );
    for (const [key, value] of Object.entries(r)) expect(value, key).toBeGreaterThan(0);
  });

  it('has exchange rates for every month with foreign-currency invoices, and staff assigned', async () => {
    const missing = await one<{ n: number }>(
      ctx(),
      `select count(*)::int n from (select distinct currency, date_trunc('month', issue_date)::date m
          from invoice where currency <> 'CNY') x
        where not exists (select 1 from exchange_rate r where r.from_currency = x.currency
                            and r.to_currency = 'CNY' and r.rate_date = x.m)`,
    );
    expect(missing.n).toBe(0);
    const assigned = await one<{ s: number; c: number }>(
      ctx(),
      'select count(salesperson_id)::int s, count(collector_id)::int c from customer',
    );
    expect(assigned.s).toBe(50);
    expect(assigned.c).toBeGreaterThan(40);
  });

  it('refuses a store that already has customers and changes nothing', async () => {
    await expect(loadDemo(ctx(), SYSTEM_ACTOR, { ...SIZE, seed: 8 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const n = await one<{ n: number }>(ctx(), 'select count(*)::int n from invoice');
    expect(n.n).toBe(2000);
  });

  it('start hook: does nothing on a store with customers', async () => {
    const printed: string[] = [];
    await demoStartHookFor({ customers: 5, invoices: 50, seed: 1, months: 12 }, (t) => printed.push(t))(
      testApp(ctx()),
      { demoIfEmpty: true },
    );
    expect(printed).toEqual([]);
    expect((await one<{ n: number }>(ctx(), 'select count(*)::int n from customer')).n).toBe(50);
  });
});

describe('demo start hook on an empty store [pglite]', () => {
  let empty: TestStore;
  beforeAll(async () => {
    empty = await createTestStore('pglite');
  });
  afterAll(async () => {
    await empty?.dispose();
  });

  it('loads only when asked to (demoIfEmpty) and prints what it loaded', async () => {
    const printed: string[] = [];
    const hook = demoStartHookFor({ customers: 8, invoices: 120, seed: 3, months: 12 }, (t) =>
      printed.push(t),
    );
    await hook(testApp(empty.store), { demoIfEmpty: false });
    expect((await one<{ n: number }>(empty.store, 'select count(*)::int n from customer')).n).toBe(0);
    await hook(testApp(empty.store), { demoIfEmpty: true });
    expect((await one<{ n: number }>(empty.store, 'select count(*)::int n from invoice')).n).toBe(120);
    expect(printed.join('')).toContain('8 customers');
    expect(printed.join('')).toContain('120 invoices');
  });
});
