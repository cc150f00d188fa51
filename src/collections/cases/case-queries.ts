// Reads of cases for lists and the case view. Every query is scoped to what the actor may see
// (rowVisible), so a collector sees only the cases of assigned customers.
import { sql } from 'kysely';
import { type Actor, rowVisible } from '../../platform/auth/actor';
import { shortRead } from '../../platform/db/short-read';
import type { Db, Tx } from '../../platform/db/store';
import { invalid, msg } from '../../platform/errors';
import { encodeCursor, type PageResult, readKeysetCursor } from '../../platform/http/pagination';
import type { ContactRow } from '../engine/snapshot-queries';
import type { PreviewCaseState } from '../strategy/preview-strategy';
import type { CaseSummary } from './case-dto';
import { OUTBOX_COLUMNS, type OutboxRow } from './list-outbox';
import { TASK_SELECT, type TaskRow } from './list-tasks';

export interface CaseFilter {
  status?: string;
  stage?: string;
  collectorId?: number;
  customerId?: number;
  entityId?: number;
  q?: string;
  /** Cases whose next action falls on or before this date (the worklist of the day). */
  dueBy?: string;
  open?: boolean;
  sort?: string;
  limit?: number;
  cursor?: string;
}

// API sort name → SQL expression (nulls mapped so keyset comparisons stay total) and the kind of value a
// cursor for it carries. The open-case indexes of migration 0024 are on these exact expressions (and id):
// change one, change its index.
const SORTS: Record<string, { expr: string; kind: 'date' | 'integer' }> = {
  nextActionOn: { expr: "coalesce(k.next_action_on, date '9999-12-31')", kind: 'date' },
  amount: { expr: 'k.amount_cny', kind: 'integer' },
  daysPastDue: { expr: 'coalesce(k.days_past_due, -100000)', kind: 'integer' },
  openedOn: { expr: 'k.opened_on', kind: 'date' },
  id: { expr: 'k.id', kind: 'integer' },
};

const SELECT = sql`
  select k.id, k.customer_id, c.code as customer_code, c.name as customer_name, k.entity_id, e.code as entity_code,
         e.name as entity_name, k.stage, k.stage_since, k.status, k.manual_status, k.paused_until, k.collector_id,
         u.display_name as collector_name, k.strategy_name, k.strategy_version, k.days_past_due, k.anchor_due_on,
         k.totals, k.amount_cny, k.missing_rates, k.next_action_on, k.next_step_key, k.opened_on, k.closed_on, k.evaluated_on`;

export interface CaseRowView {
  id: number;
  customer_id: number;
  customer_code: string;
  customer_name: string;
  entity_id: number;
  entity_code: string;
  entity_name: string;
  stage: string;
  stage_since: string;
  status: string;
  manual_status: string | null;
  paused_until: string | null;
  collector_id: number | null;
  collector_name: string | null;
  strategy_name: string | null;
  strategy_version: number | null;
  days_past_due: number | null;
  anchor_due_on: string | null;
  totals: unknown;
  amount_cny: number;
  missing_rates: string[] | null;
  next_action_on: string | null;
  next_step_key: string | null;
  opened_on: string;
  closed_on: string | null;
  evaluated_on: string | null;
}

export function toCaseSummary(r: CaseRowView, _today?: string): CaseSummary {
  return {
    id: r.id,
    customer: { id: r.customer_id, code: r.customer_code, name: r.customer_name },
    entity: { id: r.entity_id, code: r.entity_code, name: r.entity_name },
    stage: r.stage,
    stageSince: r.stage_since,
    status: r.status,
    manualStatus: r.manual_status,
    pausedUntil: r.paused_until,
    collector: r.collector_id ? { id: r.collector_id, displayName: r.collector_name ?? '' } : null,
    strategy: r.strategy_name ? { name: r.strategy_name, version: r.strategy_version ?? 0 } : null,
    // As of the case's last evaluation (evaluatedOn), like its stage and next action; the daily cycle
    // keeps that at today.
    daysPastDue: r.days_past_due,
    anchorDueOn: r.anchor_due_on,
    totals: (r.totals ?? []) as CaseSummary['totals'],
    amountCny: r.missing_rates?.length ? null : r.amount_cny,
    missingRates: r.missing_rates ?? [],
    nextActionOn: r.next_action_on,
    nextStepKey: r.next_step_key,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    evaluatedOn: r.evaluated_on,
  };
}

export async function selectCasePage(
  db: Db,
  actor: Actor,
  f: CaseFilter,
  today: string,
): Promise<PageResult<CaseSummary>> {
  const sortText = f.sort ?? 'nextActionOn';
  const descending = sortText.startsWith('-');
  const field = descending ? sortText.slice(1) : sortText;
  const sort = Object.hasOwn(SORTS, field) ? SORTS[field] : undefined;
  if (!sort) {
    const allowed = Object.keys(SORTS)
      .flatMap((s) => [s, `-${s}`])
      .join(', ');
    throw invalid(msg('cannotSortBy', { sort: sortText }), [
      { field: 'sort', value: sortText, reason: `one of ${allowed}`, code: 'oneOf', params: { allowed } },
    ]);
  }
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 500);
  const conditions = [
    sql`${rowVisible(actor, { customer: 'k.customer_id', entity: 'k.entity_id' })}`,
    f.open === false
      ? sql`k.closed_on is not null`
      : f.open === true || f.open === undefined
        ? sql`k.closed_on is null`
        : sql`true`,
  ];
  if (f.status) conditions.push(sql`k.status = ${f.status}`);
  if (f.stage) conditions.push(sql`k.stage = ${f.stage}`);
  if (f.collectorId) conditions.push(sql`k.collector_id = ${f.collectorId}`);
  if (f.customerId) conditions.push(sql`k.customer_id = ${f.customerId}`);
  if (f.entityId) conditions.push(sql`k.entity_id = ${f.entityId}`);
  // Also as the sort expression, so that the next-action index bounds the scan (nulls never pass either).
  if (f.dueBy) {
    conditions.push(
      sql`k.next_action_on <= ${f.dueBy}::date and ${sql.raw(SORTS.nextActionOn.expr)} <= ${f.dueBy}::date`,
    );
  }
  if (f.q) {
    const q = f.q.trim();
    conditions.push(
      sql`(c.code ilike ${`${q.replace(/[\\%_]/g, '\\$&')}%`} or c.name ilike ${`%${q.replace(/[\\%_]/g, '\\$&')}%`})`,
    );
  }
  const expr = sort.expr;
  if (f.cursor) {
    const [value, id] = readKeysetCursor(f.cursor, sort.kind);
    const typed = sort.kind === 'date' ? sql`cast(${value} as date)` : sql`cast(${value} as bigint)`;
    conditions.push(
      sql`(${sql.raw(expr)}, k.id) ${sql.raw(descending ? '<' : '>')} (${typed}, cast(${id} as bigint))`,
    );
  }
  const direction = sql.raw(descending ? 'desc' : 'asc');
  const rows = await shortRead(db, (tx) =>
    sql<CaseRowView & { sort_value: string | number }>`
    ${SELECT}, ${sql.raw(expr)} as sort_value
    from collection_case k
    join customer c on c.id = k.customer_id
    join entity e on e.id = k.entity_id
    left join app_user u on u.id = k.collector_id
    where ${sql.join(conditions, sql` and `)}
    order by ${sql.raw(expr)} ${direction}, k.id ${direction}
    limit ${limit + 1}`.execute(tx),
  );
  const page = rows.rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toCaseSummary(r, today)),
    nextCursor: rows.rows.length > limit && last ? encodeCursor([last.sort_value, last.id]) : null,
  };
}

export async function selectCase(db: Db | Tx, actor: Actor, id: number): Promise<CaseRowView | null> {
  const rows = await sql<CaseRowView>`
    ${SELECT}
    from collection_case k
    join customer c on c.id = k.customer_id
    join entity e on e.id = k.entity_id
    left join app_user u on u.id = k.collector_id
    where k.id = ${id} and ${rowVisible(actor, { customer: 'k.customer_id', entity: 'k.entity_id' })}`.execute(
    db,
  );
  return rows.rows[0] ?? null;
}

/** One open invoice of the case's customer in its entity, as the case view shows it. */
export interface CaseInvoiceRow {
  id: number;
  number: string;
  issue_date: string;
  due_date: string;
  currency: string;
  amount: number;
  open_amount: number;
  disputed: boolean;
}

export interface FiringRow {
  id: number;
  fired_on: string;
  step_key: string;
  occurrence_key: string;
  stage: string;
  action: string;
  outcome: string;
  detail: string | null;
  outbox_id: number | null;
  task_id: number | null;
  strategy: string;
}

export interface PromiseRow {
  id: number;
  case_id: number;
  currency: string;
  amount: number;
  promised_on: string;
  due_on: string;
  status: string;
  paid_amount: number;
  resolved_on: string | null;
  note: string | null;
}

export interface PlanRow {
  id: number;
  case_id: number;
  currency: string;
  created_on: string;
  status: string;
  installments: Array<{
    seq: number;
    due_on: string;
    amount: number;
    status: string;
    resolved_on: string | null;
  }>;
}

/** The case view in one statement: the case and everything shown with it, each list as one JSON column. */
export interface CaseDetailRow extends CaseRowView {
  strategy_id: number | null;
  /** Changes whenever the strategy row does (its xmin): the key of the parsed strategy a process keeps. */
  strategy_stamp: string | null;
  stage_clock: PreviewCaseState['stage_clock'];
  hold_spans: PreviewCaseState['hold_spans'];
  stage_floor: PreviewCaseState['stage_floor'];
  strategy_since: string | null;
  customer_language: string;
  customer_collector_id: number | null;
  customer_grade: string | null;
  invoices: CaseInvoiceRow[];
  firings: FiringRow[];
  messages: OutboxRow[];
  tasks: TaskRow[];
  promises: PromiseRow[];
  plans: PlanRow[];
  credit_hold: { id: number; placed_on: string; reason: string } | null;
  /** Contacts that may be contacted, primary first (what the strategy preview addresses). */
  contacts: ContactRow[];
  /** [from, to, rate] as of `ratesOn`, the latest rate of each pair. */
  rates: Array<[string, string, string]>;
}

/**
 * The case with its open invoices, step history, messages and tasks (500 newest / first each, as their lists
 * give them), promises, plans with installments, the customer's active credit hold, and what the strategy
 * preview of the next steps reads (engine state, contacts, exchange rates as of `ratesOn`). Scoped like
 * selectCase; its messages and tasks also each by their own row scope, as their lists are.
 */
export async function selectCaseDetail(
  db: Db | Tx,
  actor: Actor,
  id: number,
  ratesOn: string,
): Promise<CaseDetailRow | null> {
  const rows = await sql<CaseDetailRow>`
    ${SELECT}, k.strategy_id, s.xmin::text as strategy_stamp, k.stage_clock, k.hold_spans, k.stage_floor,
      k.strategy_since, c.language as customer_language, c.collector_id as customer_collector_id,
      nullif(c.attributes->>'grade', '') as customer_grade,
      (select coalesce(json_agg(i order by i.due_date, i.number), '[]')
         from (select id, number, issue_date, due_date, currency, amount, open_amount, disputed from invoice
               where customer_id = k.customer_id and entity_id = k.entity_id and allocated_amount < amount) i
      ) as invoices,
      (select coalesce(json_agg(f order by f.fired_on desc, f.id desc), '[]')
         from (select f.id, f.fired_on, f.step_key, f.occurrence_key, f.stage, f.action, f.outcome, f.detail,
                      f.outbox_id, f.task_id, fs.name || ' v' || fs.version as strategy
               from step_firing f join strategy fs on fs.id = f.strategy_id where f.case_id = k.id) f
      ) as firings,
      (select coalesce(json_agg(o order by o.id desc), '[]')
         from (select ${OUTBOX_COLUMNS}
               from outbox o
               where o.case_id = k.id and ${rowVisible(actor, { customer: 'o.customer_id', entity: 'o.entity_id' })}
               order by o.id desc limit 500) o
      ) as messages,
      (select coalesce(json_agg(x order by x.due_on, x.id), '[]')
         from (${TASK_SELECT}
               where t.case_id = k.id and ${rowVisible(actor, { customer: 't.customer_id', entity: 't.entity_id' })}
               order by t.due_on, t.id limit 500) x
      ) as tasks,
      (select coalesce(json_agg(p order by p.id desc), '[]')
         from (select id, case_id, currency, amount, promised_on, due_on, status, paid_amount, resolved_on, note
               from promise where case_id = k.id) p
      ) as promises,
      (select coalesce(json_agg(p order by p.id desc), '[]')
         from (select pl.id, pl.case_id, pl.currency, pl.created_on, pl.status,
                      (select coalesce(json_agg(json_build_object('seq', i.seq, 'due_on', i.due_on, 'amount', i.amount,
                                'status', i.status, 'resolved_on', i.resolved_on) order by i.seq), '[]')
                       from payment_plan_installment i where i.plan_id = pl.id) as installments
               from payment_plan pl where pl.case_id = k.id) p
      ) as plans,
      (select json_build_object('id', h.id, 'placed_on', h.placed_on, 'reason', h.reason)
         from credit_hold h where h.customer_id = k.customer_id and h.status = 'active' order by h.id limit 1
      ) as credit_hold,
      (select coalesce(json_agg(ct order by ct.is_primary desc, ct.id), '[]')
         from (select id, customer_id, name, role, email, mobile, channels, language, is_primary from contact
               where customer_id = k.customer_id and not do_not_contact) ct
      ) as contacts,
      (select coalesce(json_agg(json_build_array(r.from_currency, r.to_currency, r.rate::text)), '[]')
         from (select distinct on (from_currency, to_currency) from_currency, to_currency, rate from exchange_rate
               where rate_date <= ${ratesOn}::date order by from_currency, to_currency, rate_date desc) r
      ) as rates
    from collection_case k
    join customer c on c.id = k.customer_id
    join entity e on e.id = k.entity_id
    left join app_user u on u.id = k.collector_id
    left join strategy s on s.id = k.strategy_id
    where k.id = ${id} and ${rowVisible(actor, { customer: 'k.customer_id', entity: 'k.entity_id' })}`.execute(
    db,
  );
  return rows.rows[0] ?? null;
}
