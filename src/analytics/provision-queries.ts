// Roll-rate cohorts for the provision matrix: for every invoice, its open amount on the day it entered
// each overdue bucket (bucket 0: its issue date; bucket k: due date + first day of bucket k). Write-offs
// do not count as paid here: a written-off amount is exactly what rolled to loss.
import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { type ReportFilter, visibleSql } from './scope-sql';

/** The day an invoice enters bucket k, as SQL on `i`. */
function entrySql(k: number, edges: readonly number[]): RawBuilder<string> {
  if (k === 0) return sql`i.issue_date`;
  const firstDay = k === 1 ? 1 : edges[k - 2] + 1;
  return sql`(i.due_date + ${sql.lit(firstDay)})`;
}

/**
 * Cohorts for the transitions k → k+1 (k = 0 … last − 1): Σ open on entering k and Σ open on entering
 * k+1, over invoices whose entry into k+1 is on or before asOf and whose entry into k is on or after
 * windowStart.
 */
export async function selectRollCohorts(
  db: Db,
  actor: Actor,
  params: { asOf: string; windowStart: string; edges: readonly number[]; filter: ReportFilter },
): Promise<{ currency: string; cohorts: { entered: number; rolled: number }[] }[]> {
  const { asOf, windowStart, edges } = params;
  const last = edges.length + 1;
  const entries = Array.from({ length: last + 1 }, (_, k) => entrySql(k, edges));
  const opens = entries.map(
    (p, k) => sql`i.amount - coalesce(sum(a.amount) filter (
        where a.effective_on <= ${p} and (a.reversed_on is null or a.reversed_on > ${p})), 0) as ${sql.raw(`o${k}`)}`,
  );
  const entryCols = entries.map((p, k) => sql`${p} as ${sql.raw(`p${k}`)}`);
  const sums: RawBuilder<unknown>[] = [];
  for (let k = 0; k < last; k++) {
    const cond = sql`x.${sql.raw(`p${k + 1}`)} <= ${asOf}::date and x.${sql.raw(`p${k}`)} >= ${windowStart}::date`;
    sums.push(
      sql`coalesce(sum(x.${sql.raw(`o${k}`)}) filter (where ${cond}), 0)::bigint as ${sql.raw(`e${k}`)}`,
    );
    sums.push(
      sql`coalesce(sum(x.${sql.raw(`o${k + 1}`)}) filter (where ${cond}), 0)::bigint as ${sql.raw(`r${k}`)}`,
    );
  }
  const visible = visibleSql(actor, 'i.customer_id', 'i.entity_id', 'i.currency', params.filter);
  const { rows } = await sql<Record<string, number | string>>`
    with x as (
      select i.id, i.currency, ${sql.join(entryCols)}, ${sql.join(opens)}
      from invoice i
      left join allocation a on a.invoice_id = i.id and a.write_off_id is null
      where ${visible} and ${entries[1]} <= ${asOf}::date and ${entries[last]} >= ${windowStart}::date
      group by i.id
    )
    select x.currency::text as currency, ${sql.join(sums)} from x group by x.currency`.execute(db);
  return rows.map((row) => ({
    currency: String(row.currency),
    cohorts: Array.from({ length: last }, (_, k) => ({
      entered: Number(row[`e${k}`]),
      rolled: Number(row[`r${k}`]),
    })),
  }));
}
