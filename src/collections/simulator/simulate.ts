// `huikuan simulate`: replays the real engine day by day on a copy of the data (see copy-store.ts) once per
// strategy, with customers paying by their behaviour and responding to what the strategy sends them, and
// reports collected amount, DSO, overdue at the end, messages and tasks — so a manager can compare
// strategies before switching. `none` is the baseline: nobody chases anything.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/store';
import { invalid, msg } from '../../platform/errors';
import { addDays, toDayNumber } from '../../shared/dates';
import { Converter, type ExchangeRate } from '../../shared/money';
import { loadRates } from '../engine/engine-context';
import { runEngine } from '../engine/run-engine';
import { ensureDefaultStrategies, loadStrategyByName } from '../strategy/strategy-queries';
import { afterTouch, type Behaviour, behaviourOf, draw, payDayFrom, TOUCH_WEIGHT } from './behaviour';
import { prepareCopies, type SimulationCopies } from './copy-store';
import { payDueInvoices, type SimInvoice, type StrategyOutcome, summarise } from './sim-ledger';
import { type LedgerSnapshot, readSnapshot } from './snapshot';

export interface SimulationParams {
  from: string;
  days: number;
  strategies: string[];
  seed?: number;
  maxCustomers?: number;
  /** Amounts are reported in this currency; by default the first entity's own currency, as reports do. */
  reportCurrency?: string;
}

export interface SimulationResult {
  from: string;
  to: string;
  days: number;
  seed: number;
  customers: number;
  invoices: number;
  sampled: boolean;
  reportCurrency: string;
  /** Currencies with no rate to the report currency (`USD/CNY`): figures that need them are null. */
  missingRates: string[];
  strategies: StrategyOutcome[];
}

export type Progress = (strategy: string, day: number, days: number) => void;

export async function simulate(
  source: Db,
  params: SimulationParams,
  progress?: Progress,
): Promise<SimulationResult> {
  const seed = params.seed ?? 1;
  // The copy takes its strategies from the store: a fresh one (right after `demo`) gets the shipped ones
  // first, as every other use of strategies does.
  await ensureDefaultStrategies(source);
  const snapshot = await readSnapshot(source, params.from, params.days, params.maxCustomers ?? 3000);
  const outcomes: StrategyOutcome[] = [];
  const reportCurrency = params.reportCurrency ?? defaultReportCurrency(snapshot);
  // Every strategy's figures at the same rates (the latest on the last simulated day), so that the
  // comparison is not moved by exchange rates; an amount without a rate is unknown, never 0.
  const converter = new Converter(reportCurrency, snapshot.to, await latestRates(source, snapshot.to));
  const copies = await prepareCopies(snapshot);
  try {
    for (const name of params.strategies) {
      outcomes.push(await simulateOne(snapshot, copies, name, params, seed, converter, progress));
    }
  } finally {
    copies.dispose();
  }
  return {
    from: snapshot.from,
    to: snapshot.to,
    days: params.days,
    seed,
    customers: snapshot.customerCount,
    invoices: snapshot.tables.invoice.rows.length,
    sampled: snapshot.sampled,
    reportCurrency,
    missingRates: [...converter.missing].sort().map((currency) => `${currency}/${reportCurrency}`),
    strategies: outcomes,
  };
}

/** The first entity's own currency (本位币), as reports choose when none is asked for. */
function defaultReportCurrency(snapshot: LedgerSnapshot): string {
  const entities = [...snapshot.tables.entity.rows].sort((a, b) => Number(a.id) - Number(b.id));
  return entities.length ? String(entities[0].base_currency).trim() : 'CNY';
}

async function latestRates(db: Db, date: string): Promise<ExchangeRate[]> {
  const rates = await loadRates(db, date);
  return [...rates].map(([pair, rate]) => ({
    fromCurrency: pair.slice(0, 3),
    toCurrency: pair.slice(4),
    rateDate: date,
    rate,
  }));
}

function behaviours(snapshot: LedgerSnapshot): Map<number, Behaviour> {
  const map = new Map<number, Behaviour>();
  for (const c of snapshot.tables.customer.rows) {
    const id = Number(c.id);
    map.set(
      id,
      behaviourOf((c.attributes ?? {}) as Record<string, unknown>, snapshot.history.get(id) ?? null),
    );
  }
  return map;
}

async function simulateOne(
  snapshot: LedgerSnapshot,
  copies: SimulationCopies,
  name: string,
  params: SimulationParams,
  seed: number,
  converter: Converter,
  progress?: Progress,
): Promise<StrategyOutcome> {
  const started = Date.now();
  const copy = await copies.open();
  try {
    const db = copy.db;
    const strategy = name === 'none' ? null : await loadStrategyByName(db, name);
    if (name !== 'none' && !strategy) throw invalid(msg('noStrategyNamed', { name }));
    const who = behaviours(snapshot);
    const startDay = toDayNumber(params.from);
    const invoices: SimInvoice[] = snapshot.tables.invoice.rows.map((r) => {
      const id = Number(r.id);
      const customerId = Number(r.customer_id);
      const dueDay = toDayNumber(String(r.due_date));
      return {
        id,
        customerId,
        entityId: Number(r.entity_id),
        currency: String(r.currency),
        open: Number(r.amount),
        issueDay: toDayNumber(String(r.issue_date)),
        dueDay,
        disputed: Boolean(r.disputed),
        // Every invoice of the snapshot is unpaid on the start date: its payment day is drawn knowing that.
        planned: r.disputed
          ? Number.POSITIVE_INFINITY
          : payDayFrom(who.get(customerId)!, seed, id, dueDay, startDay),
      };
    });
    const byCustomer = new Map<number, SimInvoice[]>();
    for (const inv of invoices) {
      const list = byCustomer.get(inv.customerId);
      if (list) list.push(inv);
      else byCustomer.set(inv.customerId, [inv]);
    }
    const daily: StrategyOutcome['daily'] = [];
    const collected = new Map<string, number>();
    for (let k = 0; k < params.days; k++) {
      const date = addDays(params.from, k);
      const day = toDayNumber(date);
      if (k > 0 && strategy) await respond(db, byCustomer, who, addDays(date, -1), seed);
      const paid = await payDueInvoices(db, invoices, date, day);
      for (const p of paid) collected.set(p.currency, (collected.get(p.currency) ?? 0) + p.amount);
      if (strategy) await runEngine(db, { asOf: date, kind: 'full', forceStrategy: strategy.name });
      const converted = (m: Map<string, number>) =>
        converter.sum([...m].map(([currency, amount]) => ({ currency, amount })));
      const overdue = new Map<string, number>();
      for (const inv of invoices) {
        if (inv.open > 0 && inv.dueDay < day && inv.issueDay <= day) {
          overdue.set(inv.currency, (overdue.get(inv.currency) ?? 0) + inv.open);
        }
      }
      daily.push({ date, collected: converted(collected), overdue: converted(overdue) });
      progress?.(name, k + 1, params.days);
    }
    return await summarise(db, {
      name,
      label: strategy?.label ?? '—',
      version: strategy?.version ?? null,
      invoices,
      collected,
      daily,
      converter,
      snapshot,
      durationMs: Date.now() - started,
    });
  } finally {
    await copy.close();
  }
}

/**
 * Customers react to yesterday's messages and tasks: each touch pulls in the planned payment of the case's
 * open invoices; a call may obtain a promise, which an honest customer keeps by paying by its date.
 */
async function respond(
  db: Db,
  byCustomer: Map<number, SimInvoice[]>,
  who: Map<number, Behaviour>,
  date: string,
  seed: number,
) {
  const day = toDayNumber(date);
  const promised = new Set<number>();
  const touches = await sql<{ case_id: number; customer_id: number; entity_id: number; kind: string }>`
    select case_id, customer_id, entity_id, case when template_key = 'statement' then 'statement' else channel end as kind
    from outbox where scheduled_on = ${date}::date and status = 'queued'
    union all
    select case_id, customer_id, entity_id, type from task where due_on = ${date}::date and status = 'open'
    order by case_id, kind`.execute(db);
  const promises: Array<{
    case_id: number;
    customer_id: number;
    entity_id: number;
    currency: string;
    amount: number;
    due_on: string;
  }> = [];
  for (const t of touches.rows) {
    const b = who.get(t.customer_id);
    if (!b) continue;
    const mine = (byCustomer.get(t.customer_id) ?? []).filter(
      (i) => i.entityId === t.entity_id && i.open > 0 && !i.disputed && i.issueDay <= day,
    );
    for (const inv of mine) inv.planned = afterTouch(inv.planned, day, b, TOUCH_WEIGHT[t.kind] ?? 0.1);
    if (t.kind !== 'call' || promised.has(t.case_id) || draw(seed, t.customer_id, day, 7) >= b.promiseRate)
      continue;
    const overdue = mine.filter((i) => i.dueDay < day);
    if (overdue.length === 0) continue;
    promised.add(t.case_id);
    const currency = overdue[0].currency;
    const same = overdue.filter((i) => i.currency === currency);
    const dueOn = addDays(date, 7);
    promises.push({
      case_id: t.case_id,
      customer_id: t.customer_id,
      entity_id: t.entity_id,
      currency,
      amount: same.reduce((s, i) => s + i.open, 0),
      due_on: dueOn,
    });
    if (draw(seed, t.customer_id, day, 8) < b.keepRate) {
      for (const inv of same)
        inv.planned = Math.min(inv.planned, toDayNumber(dueOn) - (draw(seed, inv.id, day) < 0.5 ? 1 : 3));
    }
  }
  if (promises.length === 0) return;
  await sql`
    insert into promise (case_id, customer_id, entity_id, currency, amount, promised_on, due_on)
    select r.case_id, r.customer_id, r.entity_id, r.currency, r.amount, ${date}::date, r.due_on
    from jsonb_to_recordset(${JSON.stringify(promises)}::jsonb) as r(case_id bigint, customer_id bigint, entity_id bigint,
         currency text, amount bigint, due_on date)
    where not exists (select 1 from promise p where p.case_id = r.case_id and p.status = 'open')`.execute(db);
}
