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
import type { StageClock } from '../engine/case-state';
import { NO_STRATEGY } from '../engine/engine-context';
import { FALLBACK_STRATEGY } from '../strategy/default-strategies';
import { reminderHorizon, type Stage, type Strategy, strategyFromRow } from '../strategy/strategy-schema';
import {
  type CaseNow,
  caseStartState,
  type FiredStep,
  type HoldSpanNow,
  holdSpansOn,
  type InvoiceHistory,
  type PlanNow,
  type PromiseNow,
  planOn,
  promiseOn,
  statusOn,
} from './start-state';

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
  const strategyRows = await rows(db, sql`select * from strategy order by id`);
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
        strategyRows,
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
      ...(await collectionState(db, ids, from, strategyRows)),
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
 * again, a burst the real customers never saw): the cases open on that date, the steps they fired before
 * it (no message or task: only the keys, which stop a step firing twice), and their promises and plans.
 * All of it as it stood on that date, not as it is now (start-state.ts): the case rows say where the cases
 * are today, so a case's anchor, stage, floor, clock and status are worked out again from the ledger and
 * the steps fired by then; a promise or installment settled later is open again, for what was still owed.
 */
async function collectionState(db: Db, customerIds: number[], from: string, strategyRows: Row[]) {
  const cases = await rows(
    db,
    sql`select k.id, k.customer_id, k.entity_id, k.stage, k.stage_since, k.stage_clock, k.manual_status,
               k.paused_until, k.collector_id, k.strategy_id, k.opened_on, to_jsonb(k)->'hold_spans' as hold_spans,
               k.strategy_name, case when k.strategy_since <= ${from}::date then k.strategy_since end as strategy_since
        from collection_case k
        where k.customer_id = any(${customerIds}::bigint[]) and k.opened_on <= ${from}::date
          and (k.closed_on is null or k.closed_on > ${from}::date)
        order by k.id`,
  );
  const caseIds = cases.map((k) => Number(k.id));
  const firings = await rows(
    db,
    sql`select id, case_id, step_key, occurrence_key, strategy_id, stage, action, fired_on, outcome, detail
        from step_firing where case_id = any(${caseIds}::bigint[]) and fired_on < ${from}::date order by id`,
  );
  // The invoices of the cases that were open on some day from the case's opening to the date, with their
  // allocations as of the date: the cases' stages are replayed from them (start-state.ts).
  const history = await rows(
    db,
    sql`select i.customer_id, i.entity_id, i.issue_date, i.due_date, i.disputed, i.amount,
               coalesce((select jsonb_agg(jsonb_build_array(a.effective_on,
                                  case when a.reversed_on <= ${from}::date then a.reversed_on end, a.amount) order by a.id)
                         from allocation a where a.invoice_id = i.id and a.effective_on <= ${from}::date),
                        '[]'::jsonb) as allocations
        from invoice i
        join collection_case k on k.customer_id = i.customer_id and k.entity_id = i.entity_id
          and k.id = any(${caseIds}::bigint[])
        where i.issue_date <= ${from}::date
          and (i.amount > (select coalesce(sum(x.amount), 0) from allocation x where x.invoice_id = i.id
                             and x.effective_on < k.opened_on and (x.reversed_on is null or x.reversed_on >= k.opened_on))
               or exists (select 1 from allocation x where x.invoice_id = i.id
                            and x.reversed_on between k.opened_on and ${from}::date))
        order by i.id`,
  );
  // Hand-overs (legal, agency) that steps made from the date on: not yet made then.
  const laterStatuses = await rows(
    db,
    sql`select distinct f.case_id, st->>'setStatus' as status
        from step_firing f join strategy s on s.id = f.strategy_id
        cross join lateral jsonb_array_elements(s.steps) st
        where f.case_id = any(${caseIds}::bigint[]) and f.fired_on >= ${from}::date
          and st->>'key' = f.step_key and st->>'setStatus' is not null`,
  );
  // Receipts towards a commitment, as the sync counts them, but as the ledger stood on the date.
  const paidThen = (alias: string, since: string, until: ReturnType<typeof sql>) =>
    sql`coalesce((select sum(a.amount) from invoice i join allocation a on a.invoice_id = i.id
          where i.customer_id = ${sql.ref(`${alias}.customer_id`)} and i.entity_id = ${sql.ref(`${alias}.entity_id`)}
            and i.currency = ${sql.ref(`${alias}.currency`)} and a.write_off_id is null
            and a.effective_on >= ${sql.ref(`${alias}.${since}`)} and a.effective_on <= ${until}
            and (a.reversed_on is null or a.reversed_on > ${from}::date)), 0)::bigint`;
  const promises = await rows(
    db,
    sql`select p.id, p.case_id, p.customer_id, p.entity_id, p.currency, p.amount, p.promised_on, p.due_on,
               p.status, p.paid_amount, p.resolved_on,
               ${paidThen('p', 'promised_on', sql`least(${from}::date, p.due_on + coalesce((st.settings->>'promiseGraceDays')::int, 2))`)} as paid_then
        from promise p join collection_case k on k.id = p.case_id left join strategy st on st.id = k.strategy_id
        where p.case_id = any(${caseIds}::bigint[]) and p.promised_on <= ${from}::date order by p.id`,
  );
  const plans = await rows(
    db,
    sql`select pp.id, pp.case_id, pp.customer_id, pp.entity_id, pp.currency, pp.created_on, pp.status,
               exists (select 1 from payment_plan n where n.case_id = pp.case_id and n.id > pp.id
                       and n.created_on <= ${from}::date) as replaced_then,
               ${paidThen('pp', 'created_on', sql`${from}::date`)} as paid_then
        from payment_plan pp where pp.case_id = any(${caseIds}::bigint[]) and pp.created_on <= ${from}::date
        order by pp.id`,
  );
  const installments = await rows(
    db,
    sql`select pi.plan_id, pi.seq, pi.due_on, pi.amount, pi.status, pi.resolved_on
        from payment_plan_installment pi join payment_plan pp on pp.id = pi.plan_id
        where pp.case_id = any(${caseIds}::bigint[]) and pp.created_on <= ${from}::date
        order by pi.plan_id, pi.seq`,
  );

  const installmentsOf = groupBy(installments, 'plan_id');
  const plansThen: Row[] = [];
  const installmentsThen: Row[] = [];
  const planHold = new Set<number>();
  for (const plan of plans) {
    const then = planOn(
      {
        status: plan.status as PlanNow['status'],
        replacedThen: Boolean(plan.replaced_then),
        paidThen: Number(plan.paid_then),
        installments: (installmentsOf.get(Number(plan.id)) ?? []).map((i) => ({
          seq: Number(i.seq),
          dueOn: String(i.due_on),
          amount: Number(i.amount),
          status: i.status as 'open' | 'paid' | 'missed',
          resolvedOn: i.resolved_on === null ? null : String(i.resolved_on),
        })),
      },
      from,
    );
    plansThen.push({ ...plan, status: then.status });
    for (const i of then.installments) {
      installmentsThen.push({
        plan_id: plan.id,
        seq: i.seq,
        due_on: i.dueOn,
        amount: i.amount,
        status: i.status,
        resolved_on: i.resolvedOn,
      });
    }
    if (then.status === 'active') planHold.add(Number(plan.case_id));
  }

  // The cases: anchor, stage and status on the date.
  const strategies = new Map<number, Strategy>();
  for (const row of strategyRows) {
    const strategy = strategyFromRow(row as unknown as Parameters<typeof strategyFromRow>[0]);
    strategies.set(strategy.id, strategy);
  }
  const active = [...strategies.values()].filter((s) => s.active);
  const fallback = active.find((s) => s.name === FALLBACK_STRATEGY) ?? NO_STRATEGY;
  const horizonDays = reminderHorizon(active);
  const invoicesOf = new Map<string, InvoiceHistory[]>();
  for (const i of history) {
    const key = `${i.customer_id}:${i.entity_id}`;
    const list = invoicesOf.get(key) ?? [];
    list.push({
      issueDate: String(i.issue_date),
      dueDate: String(i.due_date),
      disputed: Boolean(i.disputed),
      amount: Number(i.amount),
      allocations: (i.allocations as Array<[string, string | null, number]>).map(([e, r, amount]) => [
        e,
        r,
        Number(amount),
      ]),
    });
    invoicesOf.set(key, list);
  }
  const firedBy = new Map<number, FiredStep[]>();
  for (const f of firings) {
    const list = firedBy.get(Number(f.case_id)) ?? [];
    list.push({
      id: Number(f.id),
      stepKey: String(f.step_key),
      occurrenceKey: String(f.occurrence_key),
      strategyId: Number(f.strategy_id),
      stage: f.stage as Stage,
      firedOn: String(f.fired_on),
    });
    firedBy.set(Number(f.case_id), list);
  }
  const promisesOf = groupBy(promises, 'case_id');
  const laterStatusesOf = groupBy(laterStatuses, 'case_id');
  const casesThen: Row[] = [];
  const promisesThen: Row[] = [];
  for (const k of cases) {
    const id = Number(k.id);
    const state = caseStartState({
      kase: {
        stage: k.stage as Stage,
        stageSince: String(k.stage_since),
        stageClock: (k.stage_clock ?? {}) as StageClock,
        manualStatus: k.manual_status as CaseNow['manualStatus'],
        pausedUntil: k.paused_until === null ? null : String(k.paused_until),
        openedOn: String(k.opened_on),
        strategyId: k.strategy_id === null ? null : Number(k.strategy_id),
      },
      from,
      horizonDays,
      invoices: invoicesOf.get(`${k.customer_id}:${k.entity_id}`) ?? [],
      fired: firedBy.get(id) ?? [],
      laterStatuses: new Set((laterStatusesOf.get(id) ?? []).map((l) => String(l.status))),
      strategies,
      fallback,
    });
    let promiseHold = false;
    for (const p of promisesOf.get(id) ?? []) {
      const then = promiseOn(
        {
          amount: Number(p.amount),
          status: p.status as PromiseNow['status'],
          paidAmount: Number(p.paid_amount),
          resolvedOn: p.resolved_on === null ? null : String(p.resolved_on),
          paidThen: Number(p.paid_then),
        },
        from,
      );
      promisesThen.push({
        ...p,
        amount: then.amount,
        status: then.status,
        paid_amount: then.paidAmount,
        resolved_on: then.resolvedOn,
      });
      if (
        then.status === 'open' &&
        addDays(String(p.due_on), state.strategy.settings.promiseGraceDays) >= from
      )
        promiseHold = true;
    }
    const spans = k.hold_spans as HoldSpanNow[] | null;
    casesThen.push({
      ...k,
      hold_spans: spans ? holdSpansOn(spans, from) : null,
      stage: state.stage,
      stage_since: state.stageSince,
      stage_clock: state.stageClock,
      stage_floor: state.stageFloor,
      manual_status: state.manualStatus,
      paused_until: state.pausedUntil,
      anchor_due_on: state.anchorDueOn,
      days_past_due: state.daysPastDue,
      status: statusOn(state, from, promiseHold ? 'promise' : planHold.has(id) ? 'plan' : null),
    });
  }

  const table = (columns: string[], data: Row[]) => ({ columns, rows: data });
  // Pauses and all-disputed periods the engine recorded (a column newer than the copy code's first version:
  // carried when the store has it).
  const spanColumn = cases.some((k) => k.hold_spans !== null && k.hold_spans !== undefined)
    ? ['hold_spans']
    : [];
  return {
    collection_case: table(
      [
        ...spanColumn,
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
        // The strategy that had reached the case by the date, and since when: no catch-up in the copy for
        // what the real engine did under it (a simulated other strategy reaches the case on the date).
        'strategy_name',
        'strategy_since',
        'anchor_due_on',
        'days_past_due',
        'opened_on',
      ],
      casesThen,
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
      firings,
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
      promisesThen,
    ),
    payment_plan: table(
      ['id', 'case_id', 'customer_id', 'entity_id', 'currency', 'created_on', 'status'],
      plansThen,
    ),
    payment_plan_installment: table(
      ['plan_id', 'seq', 'due_on', 'amount', 'status', 'resolved_on'],
      installmentsThen,
    ),
  };
}

function groupBy(data: Row[], column: string): Map<number, Row[]> {
  const groups = new Map<number, Row[]>();
  for (const row of data) {
    const key = Number(row[column]);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return groups;
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
