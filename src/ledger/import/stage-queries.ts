// The staging table: validated rows are COPied into a temporary table, then checked and upserted with a
// few set-based statements, so a million rows cost a handful of queries rather than a million.
import type { RawConnection } from '../../platform/db/connection';
import type { ImportError } from '../../platform/db/schema';
import { MAX_REPORTED_ERRORS, type ProblemLog } from './report';
import type { StageColumns } from './rows-documents';

export const STAGE = 'import_stage';

/** Amount in minor units as a decimal for messages: 123450 CNY → 1234.50. */
export const decimal = (column: string, currencyColumn: string) =>
  `(round(${column}::numeric / power(10::numeric, (select minor_units from currency where code = ${currencyColumn})),
          (select minor_units from currency where code = ${currencyColumn})))::text`;

export async function createStage(raw: RawConnection, columns: StageColumns): Promise<void> {
  const list = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  // Temporary: private to this connection and dropped with the transaction, never WAL-logged.
  await raw.exec(`drop table if exists ${STAGE}; create temp table ${STAGE} (${list}) on commit drop`);
}

export async function copyIntoStage(
  raw: RawConnection,
  columns: StageColumns,
  chunks: AsyncIterable<string>,
): Promise<number> {
  const names = columns.map(([name]) => name).join(', ');
  return raw.copyFrom(`copy ${STAGE} (${names}) from stdin`, chunks);
}

/** Statistics for the planner: temporary tables are never analysed by autovacuum. */
export async function analyzeStage(raw: RawConnection): Promise<void> {
  await raw.exec(`analyze ${STAGE}`);
}

/**
 * Runs a check whose SELECT yields (line, field, value, reason) for each bad row; keeps the first rows by
 * line and counts them all.
 */
export async function collectProblems(
  raw: RawConnection,
  log: ProblemLog,
  select: string,
  params: unknown[] = [],
): Promise<void> {
  const { rows } = await raw.query<ImportError & { total: number | string }>(
    `select line, field, value, reason, count(*) over () as total
       from (${select}) p order by line limit ${MAX_REPORTED_ERRORS}`,
    params,
  );
  if (rows.length === 0) return;
  log.addSet(
    rows.map(({ line, field, value, reason }) => ({ line, field, value, reason })),
    Number(rows[0].total),
  );
}

/** Rows repeating the natural key of an earlier row of the file. */
export function duplicateCheck(keyColumns: string[], field: string, valueColumn: string): string {
  const keys = keyColumns.join(', ');
  return `select s.line, '${field}' as field, s.${valueColumn}::text as value,
                 'duplicate of line ' || d.first_line as reason
            from ${STAGE} s
            join (select ${keys}, min(line) as first_line from ${STAGE} group by ${keys} having count(*) > 1) d
           using (${keys})
           where s.line <> d.first_line`;
}

/**
 * Rows naming a customer code that does not exist. With `creatable`, a code is fine when some row of the
 * file gives the customer's name (the import creates the customer from it).
 */
export function unknownCustomerCheck(codeColumn: string, creatable: boolean): string {
  return `with missing as (
            select s.${codeColumn} as code, ${creatable ? 'bool_or(s.customer_name is not null)' : 'false'} as named
              from ${STAGE} s
             where not exists (select 1 from customer c where c.code = s.${codeColumn})
             group by 1)
          select s.line, 'customer_code' as field, s.${codeColumn} as value,
                 'unknown customer "' || s.${codeColumn} || '"'
                 ${creatable ? `|| ' (give customer_name to create it)'` : `|| ' (import customers first)'`} as reason
            from ${STAGE} s join missing m on m.code = s.${codeColumn}
           where not m.named`;
}

/** Counts rows written by an upsert whose RETURNING says `inserted` per row. */
export async function countUpsert(raw: RawConnection, upsert: string, params: unknown[] = []) {
  const { rows } = await raw.query<{ inserted: number; updated: number }>(
    `with up as (${upsert})
     select (count(*) filter (where inserted))::int as inserted,
            (count(*) filter (where not inserted))::int as updated
       from up`,
    params,
  );
  return rows[0] ?? { inserted: 0, updated: 0 };
}

export interface UpsertSpec {
  table: string;
  /** The natural key (the ON CONFLICT target). */
  keys: string[];
  /** The other columns the file sets; columns it lacks keep their stored values. */
  columns: string[];
  /** A SELECT yielding `keys` then `columns`, named so and in that order. */
  select: string;
  /** RETURNING expressions over the target, aliased `t`, e.g. `(t.xmax = 0) as inserted`. */
  returning: string;
}

/** The rows of an upsert that differ from the stored ones (prepareUpsert). */
const UPSERT_ROWS = 'import_upsert_rows';

/**
 * Prepares an INSERT … ON CONFLICT DO UPDATE that leaves unchanged rows alone, and returns it. Rows equal to
 * the stored ones are filtered out first (an anti-join, no locks), because ON CONFLICT would lock — and so
 * write — every conflicting row even when its DO UPDATE … WHERE is false; the WHERE stays for rows changed
 * meanwhile. An updated row gets updated_at = now(); an unchanged one keeps it.
 *
 * The filtering is its own statement, into a temporary table, not a NOT EXISTS inside the INSERT: on a table
 * the planner knows to be empty (the first import into a new ledger, once autovacuum has analysed it) the
 * anti-join is planned as a nested loop scanning the table once per row, and inside the INSERT each scan
 * also reads every page the statement has written so far — quadratic: a million invoices were still
 * running after twenty minutes (54 s now). As a statement of its own, the anti-join reads a table that
 * does not grow while it runs.
 */
export async function prepareUpsert(raw: RawConnection, spec: UpsertSpec): Promise<string> {
  const { table, keys, columns } = spec;
  const tuple = (alias: string) => `(${columns.map((column) => `${alias}.${column}`).join(', ')})`;
  const sameKey = keys.map((key) => `e.${key} = v.${key}`).join(' and ');
  const sameValues = columns.length ? ` and ${tuple('e')} is not distinct from ${tuple('v')}` : '';
  await raw.exec(`drop table if exists ${UPSERT_ROWS}`);
  await raw.exec(
    `create temp table ${UPSERT_ROWS} on commit drop as
       select * from (${spec.select}) v
        where not exists (select 1 from ${table} e where ${sameKey}${sameValues})`,
  );
  const update = columns.length
    ? `do update set ${[...columns.map((c) => `${c} = excluded.${c}`), 'updated_at = now()'].join(', ')}
        where ${tuple('t')} is distinct from ${tuple('excluded')}`
    : 'do nothing';
  return `insert into ${table} as t (${[...keys, ...columns].join(', ')})
          select * from ${UPSERT_ROWS}
          on conflict (${keys.join(', ')}) ${update}
          returning ${spec.returning}`;
}

/** Per-row outcomes for kinds that write in several statements: each changed line once. */
export async function createChangeTracker(raw: RawConnection): Promise<void> {
  await raw.exec(
    'drop table if exists import_changed; ' +
      'create temp table import_changed (line integer primary key, inserted boolean not null) on commit drop',
  );
}

export async function countTracked(raw: RawConnection): Promise<{ inserted: number; updated: number }> {
  const { rows } = await raw.query<{ inserted: number; updated: number }>(
    `select (count(*) filter (where inserted))::int as inserted,
            (count(*) filter (where not inserted))::int as updated
       from import_changed`,
  );
  return rows[0];
}
