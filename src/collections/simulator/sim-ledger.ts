// The simulated ledger's money side: invoices paid on their planned day (a payment and an allocation in the
// copy, so the engine sees them like real ones), and the summary of one strategy's run.
import { sql } from 'kysely';
import { standardDso } from '../../analytics/performance';
import type { Db } from '../../platform/db/store';
import type { Converter } from '../../shared/money';
import type { LedgerSnapshot } from './snapshot';

export interface SimInvoice {
  id: number;
  customerId: number;
  entityId: number;
  currency: string;
  open: number;
  issueDay: number;
  dueDay: number;
  disputed: boolean;
  /** Day number of the planned payment; Infinity: not paying. */
  planned: number;
}

export interface StrategyOutcome {
  name: string;
  label: string;
  version: number | null;
  /**
   * Amounts in minor units of the report currency, converted at the latest rates on the last day; null
   * when an amount needs a rate the store does not have (listed in the result's missingRates).
   */
  collected: number | null;
  collectedByCurrency: Array<{ currency: string; amount: number }>;
  overdueStart: number | null;
  overdueEnd: number | null;
  openEnd: number | null;
  /** Days sales outstanding at the end: open AR / credit sales of the last 90 days × 90; null without sales. */
  dso: number | null;
  messages: { email: number; sms: number; letter: number; total: number };
  tasks: Record<string, number> & { total: number };
  promises: { made: number; kept: number; broken: number };
  stepsFired: number;
  daily: Array<{ date: string; collected: number | null; overdue: number | null }>;
  durationMs: number;
}

/** Pays every invoice whose planned day has come, in one statement; returns what was paid. */
export async function payDueInvoices(
  db: Db,
  invoices: SimInvoice[],
  date: string,
  day: number,
): Promise<Array<{ currency: string; amount: number }>> {
  const due = invoices.filter((i) => i.open > 0 && i.planned <= day && i.issueDay <= day);
  if (due.length === 0) return [];
  const rows = due.map((i) => ({
    invoice_id: i.id,
    entity_id: i.entityId,
    customer_id: i.customerId,
    currency: i.currency,
    amount: i.open,
    reference: `SIM-${i.id}`,
  }));
  await sql`
    with r as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(invoice_id bigint, entity_id bigint,
        customer_id bigint, currency text, amount bigint, reference text)
    ), p as (
      insert into payment (entity_id, customer_id, reference, received_date, currency, amount, method)
      select entity_id, customer_id, reference, ${date}::date, currency, amount, 'simulated' from r
      returning id, reference
    )
    insert into allocation (invoice_id, payment_id, amount, effective_on, method)
    select r.invoice_id, p.id, r.amount, ${date}::date, 'reference' from r join p on p.reference = r.reference`.execute(
    db,
  );
  const paid = due.map((i) => ({ currency: i.currency, amount: i.open }));
  for (const i of due) i.open = 0;
  return paid;
}

export async function summarise(
  db: Db,
  run: {
    name: string;
    label: string;
    version: number | null;
    invoices: SimInvoice[];
    collected: Map<string, number>;
    daily: StrategyOutcome['daily'];
    converter: Converter;
    snapshot: LedgerSnapshot;
    durationMs: number;
  },
): Promise<StrategyOutcome> {
  const converted = (amounts: Array<{ currency: string; amount: number }>) => run.converter.sum(amounts);
  const messages = await sql<{ channel: string; n: number }>`
    select channel, count(*)::int as n from outbox group by channel`.execute(db);
  const tasks = await sql<{
    type: string;
    n: number;
  }>`select type, count(*)::int as n from task group by type`.execute(db);
  // The copy starts with the real promises and fired steps (copy-store.ts): count only the period's.
  const from = run.snapshot.from;
  const promises = await sql<{ made: number; kept: number; broken: number }>`
    select count(*) filter (where promised_on >= ${from}::date)::int as made,
           count(*) filter (where status = 'kept' and resolved_on >= ${from}::date)::int as kept,
           -- not kept: broken, or partly kept (the rest unpaid)
           count(*) filter (where status in ('broken', 'partial') and resolved_on >= ${from}::date)::int as broken
    from promise`.execute(db);
  const fired = await sql<{ n: number }>`
    select count(*)::int as n from step_firing where fired_on >= ${from}::date`.execute(db);
  const byChannel = Object.fromEntries(messages.rows.map((r) => [r.channel, r.n]));
  const byType: Record<string, number> = Object.fromEntries(tasks.rows.map((r) => [r.type, r.n]));
  const endDay = run.daily.length;
  const open = run.invoices.filter((i) => i.open > 0).map((i) => ({ currency: i.currency, amount: i.open }));
  const openEnd = converted(open);
  const sales = converted(run.snapshot.sales90);
  return {
    name: run.name,
    label: run.label,
    version: run.version,
    collected: converted([...run.collected].map(([currency, amount]) => ({ currency, amount }))),
    collectedByCurrency: [...run.collected]
      .map(([currency, amount]) => ({ currency, amount }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    overdueStart: run.daily.length ? run.daily[0].overdue : 0,
    overdueEnd: endDay ? run.daily[endDay - 1].overdue : 0,
    openEnd,
    dso: openEnd === null || sales === null ? null : standardDso(openEnd, sales, 90),
    messages: {
      email: byChannel.email ?? 0,
      sms: byChannel.sms ?? 0,
      letter: byChannel.letter ?? 0,
      total: messages.rows.reduce((s, r) => s + r.n, 0),
    },
    tasks: { ...byType, total: tasks.rows.reduce((s, r) => s + r.n, 0) },
    promises: promises.rows[0] ?? { made: 0, kept: 0, broken: 0 },
    stepsFired: fired.rows[0]?.n ?? 0,
    daily: run.daily,
    durationMs: run.durationMs,
  };
}
