// Reads of cases for lists and the case view. Every query is scoped to what the actor may see
// (rowVisible), so a collector sees only the cases of assigned customers.
import { sql } from 'kysely';
import { type Actor, rowVisible } from '../../platform/auth/actor';
import { shortRead } from '../../platform/db/short-read';
import type { Db, Tx } from '../../platform/db/store';
import { invalid, msg } from '../../platform/errors';
import { encodeCursor, type PageResult, readKeysetCursor } from '../../platform/http/pagination';
import type { CaseSummary } from './case-dto';

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
