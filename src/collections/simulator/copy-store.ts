// The simulator never touches the real data: it reads a snapshot of the ledger as of the start date from the
// store (read-only queries) and loads it into a private PGlite database of its own, migrated like any store,
// where the real engine then runs day by day. This works the same whether the real store is PGlite or
// PostgreSQL, and dropping the copy is deleting a temporary directory. Invoices are copied with their open
// amount as of the start date, with the collection work under way then (cases, fired steps, promises,
// plans); a large ledger is sampled by customer (deterministically).
//
// Creating a PGlite database (initdb) takes seconds, so copies are made by copying directories: a migrated
// empty template (cached in the temp directory per set of migrations), a base loaded with the snapshot,
// and one copy of the base per simulated strategy.
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { migrate, readMigrations } from '../../platform/db/migrate';
import type { Db } from '../../platform/db/store';
import { openStore, type Store } from '../../platform/db/store';
import { addDays } from '../../shared/dates';

type Row = Record<string, unknown>;

export interface LedgerSnapshot {
  from: string;
  to: string;
  sampled: boolean;
  customerCount: number;
  tables: Record<string, { columns: string[]; rows: Row[] }>;
  /** Per customer: quartiles of historical days late and the share left unpaid, for fitted behaviour. */
  history: Map<number, { p25: number; p75: number; unpaidShare: number }>;
  /** Credit sales per currency in the 90 days up to the end date (DSO denominator). */
  sales90: Array<{ currency: string; amount: number }>;
}

async function rows(db: Db, query: ReturnType<typeof sql>): Promise<Row[]> {
  return (await query.execute(db)).rows as Row[];
}

export async function readSnapshot(
  db: Db,
  from: string,
  days: number,
  maxCustomers: number,
): Promise<LedgerSnapshot> {
  const to = addDays(from, days - 1);
  const total = Number((await rows(db, sql`select count(*)::int as n from customer`))[0].n);
  const sampled = total > maxCustomers;
  const pick = sampled ? sql`mod(abs(hashint8(c.id)), ${total}) < ${maxCustomers}` : sql`true`;
  const customers = await rows(
    db,
    sql`select c.id, c.code, c.name, c.language, c.segment, c.country, c.time_zone, c.collector_id, c.attributes
        from customer c where ${pick} order by c.id`,
  );
  const ids = customers.map((c) => Number(c.id));
  const invoices = await rows(
    db,
    sql`select * from (
          select i.id, i.entity_id, i.customer_id, i.number, i.issue_date, i.due_date, i.currency, i.disputed,
                 i.amount - coalesce((select sum(a.amount) from allocation a where a.invoice_id = i.id
                   and a.effective_on <= ${from}::date and (a.reversed_on is null or a.reversed_on > ${from}::date)), 0) as amount
          from invoice i where i.customer_id = any(${ids}::bigint[]) and i.issue_date <= ${to}::date) x
        where amount > 0 order by id`,
  );
  const history = await rows(
    db,
    sql`with paid as (
          select i.customer_id, max(a.effective_on) - i.due_date as late
          from invoice i join allocation a on a.invoice_id = i.id and a.reversed_on is null
          where i.customer_id = any(${ids}::bigint[]) and i.due_date between ${addDays(from, -365)}::date and ${from}::date
          group by i.id having sum(a.amount) >= i.amount and max(a.effective_on) <= ${from}::date)
        select customer_id, percentile_cont(0.25) within group (order by late) as p25,
               percentile_cont(0.75) within group (order by late) as p75, count(*)::int as n
        from paid group by customer_id`,
  );
  const sales = await rows(
    db,
    sql`select currency, sum(amount)::bigint as amount from invoice
        where customer_id = any(${ids}::bigint[]) and issue_date > ${addDays(to, -90)}::date and issue_date <= ${to}::date
        group by currency order by currency`,
  );
  const table = (columns: string[], data: Row[]) => ({ columns, rows: data });
  return {
    from,
    to,
    sampled,
    customerCount: customers.length,
    tables: {
      entity: table(
        ['id', 'code', 'name', 'base_currency', 'country', 'time_zone'],
        await rows(db, sql`select * from entity`),
      ),
      app_user: table(['id', 'username', 'display_name'], await rows(db, sql`select * from app_user`)),
      customer: table(
        ['id', 'code', 'name', 'language', 'segment', 'country', 'time_zone', 'collector_id', 'attributes'],
        customers,
      ),
      contact: table(
        [
          'id',
          'customer_id',
          'name',
          'role',
          'email',
          'mobile',
          'channels',
          'do_not_contact',
          'language',
          'is_primary',
        ],
        await rows(db, sql`select * from contact where customer_id = any(${ids}::bigint[])`),
      ),
      invoice: table(
        [
          'id',
          'entity_id',
          'customer_id',
          'number',
          'issue_date',
          'due_date',
          'currency',
          'disputed',
          'amount',
        ],
        invoices,
      ),
      strategy: table(
        ['id', 'name', 'version', 'locale', 'label', 'description', 'stages', 'settings', 'steps', 'active'],
        await rows(db, sql`select * from strategy`),
      ),
      strategy_rule: table(
        [
          'id',
          'priority',
          'strategy_name',
          'segment',
          'grade',
          'language',
          'min_amount',
          'max_amount',
          'amount_currency',
        ],
        await rows(db, sql`select * from strategy_rule`),
      ),
      customer_strategy: table(
        ['customer_id', 'strategy_name'],
        await rows(db, sql`select * from customer_strategy where customer_id = any(${ids}::bigint[])`),
      ),
      exchange_rate: table(
        ['from_currency', 'to_currency', 'rate_date', 'rate'],
        await rows(db, sql`select * from exchange_rate where rate_date <= ${to}::date`),
      ),
      ...(await collectionState(db, ids, from)),
    },
    history: new Map(
      history.map((h) => {
        const customer = Number(h.customer_id);
        const open = invoices.filter(
          (i) => Number(i.customer_id) === customer && String(i.due_date) < addDays(from, -90),
        );
        const count = Number(h.n) + open.length;
        return [
          customer,
          { p25: Number(h.p25), p75: Number(h.p75), unpaidShare: count ? open.length / count : 0 },
        ];
      }),
    ),
    sales90: sales.map((s) => ({ currency: String(s.currency), amount: Number(s.amount) })),
  };
}

/**
 * The collection work already under way at the start date, so that the copy's first day goes on from it
 * rather than starting every case afresh (a first day then fired every step of the last catch-up days
 * again, a burst the real customers never saw): the cases open on that date with their stage, clock, pause
 * and status, the steps they fired before it (no message or task: only the keys, which stop a step firing
 * twice), and their promises and plans as they stood then (a promise or installment settled later is open
 * again; payments before the date are in the invoices' open amounts, not replayed).
 */
async function collectionState(db: Db, customerIds: number[], from: string) {
  const cases = await rows(
    db,
    sql`select k.id, k.customer_id, k.entity_id, k.stage, k.stage_since, k.stage_clock, k.stage_floor,
               case when k.closed_on is null then k.status else 'active' end as status, k.manual_status,
               k.paused_until, k.collector_id, k.strategy_id, k.opened_on
        from collection_case k
        where k.customer_id = any(${customerIds}::bigint[]) and k.opened_on <= ${from}::date
          and (k.closed_on is null or k.closed_on > ${from}::date)
        order by k.id`,
  );
  const caseIds = cases.map((k) => Number(k.id));
  // Settled after the start date: as of then it was still open.
  const later = (column: string) =>
    sql`(${sql.ref(column)} is not null and ${sql.ref(column)} > ${from}::date)`;
  const table = (columns: string[], data: Row[]) => ({ columns, rows: data });
  return {
    collection_case: table(
      [
        'id',
        'customer_id',
        'entity_id',
        'stage',
        'stage_since',
        'stage_clock',
        'stage_floor',
        'status',
        'manual_status',
        'paused_until',
        'collector_id',
        'strategy_id',
        'opened_on',
      ],
      cases,
    ),
    step_firing: table(
      [
        'id',
        'case_id',
        'step_key',
        'occurrence_key',
        'strategy_id',
        'stage',
        'action',
        'fired_on',
        'outcome',
        'detail',
      ],
      await rows(
        db,
        sql`select id, case_id, step_key, occurrence_key, strategy_id, stage, action, fired_on, outcome, detail
            from step_firing where case_id = any(${caseIds}::bigint[]) and fired_on < ${from}::date order by id`,
      ),
    ),
    promise: table(
      [
        'id',
        'case_id',
        'customer_id',
        'entity_id',
        'currency',
        'amount',
        'promised_on',
        'due_on',
        'status',
        'paid_amount',
        'resolved_on',
      ],
      await rows(
        db,
        sql`select id, case_id, customer_id, entity_id, currency, amount, promised_on, due_on,
                   case when ${later('resolved_on')} then 'open' else status end as status,
                   case when ${later('resolved_on')} then 0 else paid_amount end as paid_amount,
                   case when ${later('resolved_on')} then null else resolved_on end as resolved_on
            from promise where case_id = any(${caseIds}::bigint[]) and promised_on <= ${from}::date order by id`,
      ),
    ),
    payment_plan: table(
      ['id', 'case_id', 'customer_id', 'entity_id', 'currency', 'created_on', 'status'],
      await rows(
        db,
        sql`select pp.id, pp.case_id, pp.customer_id, pp.entity_id, pp.currency, pp.created_on,
                   case when pp.status <> 'cancelled' and exists (select 1 from payment_plan_installment pi
                          where pi.plan_id = pp.id and ${later('pi.resolved_on')}) then 'active' else pp.status end as status
            from payment_plan pp where pp.case_id = any(${caseIds}::bigint[]) and pp.created_on <= ${from}::date
            order by pp.id`,
      ),
    ),
    payment_plan_installment: table(
      ['plan_id', 'seq', 'due_on', 'amount', 'status', 'resolved_on'],
      await rows(
        db,
        sql`select pi.plan_id, pi.seq, pi.due_on, pi.amount,
                   case when ${later('pi.resolved_on')} then 'open' else pi.status end as status,
                   case when ${later('pi.resolved_on')} then null else pi.resolved_on end as resolved_on
            from payment_plan_installment pi join payment_plan pp on pp.id = pi.plan_id
            where pp.case_id = any(${caseIds}::bigint[]) and pp.created_on <= ${from}::date
            order by pi.plan_id, pi.seq`,
      ),
    ),
  };
}

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

const scratchRoot = () => (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());

/** A migrated, empty PGlite directory for the current migrations, built once and reused. */
async function templateDir(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of readMigrations()) hash.update(file.checksum);
  const dir = join(scratchRoot(), `huikuan-sim-template-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(dir)) return dir;
  const building = `${dir}.${randomBytes(4).toString('hex')}`;
  const store = await openStore({ dataDir: building });
  await migrate(store);
  await store.close();
  try {
    renameSync(building, dir);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another process built it first
  }
  // Templates of earlier migration sets are dead weight (in /dev/shm, memory): drop them.
  for (const name of readdirSync(scratchRoot())) {
    if (/^huikuan-sim-template-[0-9a-f]{16}$/.test(name) && join(scratchRoot(), name) !== dir) {
      rmSync(join(scratchRoot(), name), { recursive: true, force: true });
    }
  }
  return dir;
}

export interface SimulationCopies {
  /** A fresh copy of the loaded snapshot; closing it deletes it. */
  open(): Promise<Store>;
  dispose(): void;
}

/** Loads the snapshot once into a base copy; each `open()` then copies the base (ids kept). */
export async function prepareCopies(snapshot: LedgerSnapshot): Promise<SimulationCopies> {
  const base = mkdtempSync(join(scratchRoot(), 'huikuan-sim-'));
  rmSync(base, { recursive: true, force: true });
  cpSync(await templateDir(), base, { recursive: true });
  const store = await openStore({ dataDir: base });
  try {
    await loadSnapshot(store, snapshot);
  } finally {
    await store.close();
  }
  const made: string[] = [];
  return {
    async open() {
      const dir = `${base}-${made.length + 1}`;
      cpSync(base, dir, { recursive: true });
      made.push(dir);
      const copy = await openStore({ dataDir: dir });
      return {
        ...copy,
        async close() {
          await copy.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
    dispose() {
      for (const dir of [base, ...made]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function loadSnapshot(store: Store, snapshot: LedgerSnapshot): Promise<void> {
  await store.withConnection(async ({ raw }) => {
    await raw.exec('begin');
    for (const [name, { columns, rows: data }] of Object.entries(snapshot.tables)) {
      if (data.length === 0) continue;
      const lines = data.map((row) => `${columns.map((c) => copyValue(row[c])).join('\t')}\n`);
      await raw.copyFrom(`copy ${name} (${columns.join(', ')}) from stdin`, [lines.join('')]);
    }
    for (const name of [
      'entity',
      'app_user',
      'customer',
      'contact',
      'invoice',
      'strategy',
      'strategy_rule',
      'collection_case',
      'step_firing',
      'promise',
      'payment_plan',
    ]) {
      await raw.query(
        `select setval(pg_get_serial_sequence('${name}', 'id'), greatest((select max(id) from ${name}), 1))`,
      );
    }
    // The copy starts with no pending change marks: the simulation runs full cycles.
    await raw.exec('delete from collection_dirty; delete from job; commit');
  });
}
