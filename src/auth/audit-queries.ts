// Queries on the audit log. Entries are written only by the database (triggers and audit_append(), both
// running as the owner of the log, 0030_audit_app_role.sql); the application reads them and adds events
// that are not row changes (sign-in, exports) through audit_append() — it has no right to write the table.
import { type ExpressionBuilder, sql } from 'kysely';
import type { Database } from '../platform/db/schema';
import type { Db, Tx } from '../platform/db/store';
import { addDays } from '../shared/dates';

/** Appends an event to the chain in the caller's transaction (attributed to its actor). */
export async function appendAuditEvent(
  tx: Db | Tx,
  table: string,
  op: string,
  rowKey: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Promise<void> {
  await sql`select audit_append(${table}, ${op}, ${rowKey === null ? null : JSON.stringify(rowKey)}::jsonb,
                                ${after === null ? null : JSON.stringify(after)}::jsonb)`.execute(tx);
}

/**
 * Takes the audit chain head now. Every audited statement takes it before touching rows (audit_lock_chain
 * in 0002_auth.sql); a transaction that locks rows first (SELECT … FOR UPDATE) and writes audited tables
 * after must take it at its start, or it can deadlock with a writer holding the head and waiting for one
 * of those rows. Through audit_lock_head(): locking the head row directly needs UPDATE on it, which the
 * application role does not have.
 */
export async function lockAuditChain(tx: Tx): Promise<void> {
  await sql`select audit_lock_head()`.execute(tx);
}

/**
 * For bulk writes made by the system: each audited statement in the rest of the transaction becomes ONE
 * summary entry (row count and digest of the rows) instead of one entry per row, as for large imports.
 */
export async function summariseAuditedStatements(tx: Tx): Promise<void> {
  await sql`select set_config('huikuan.audit_row_limit', '0', true)`.execute(tx);
}

export interface AuditFilter {
  /** Inclusive lower bound on the entry time (ISO timestamp or YYYY-MM-DD, business time zone for dates). */
  from?: string;
  /** Exclusive upper bound; a date means the end of that day. */
  to?: string;
  table?: string;
  op?: string;
  actorUserId?: number;
  /** Substring of the actor's name. */
  actor?: string;
  /** The changed row's id (row_key ->> 'id'). */
  rowId?: string;
  /** Text anywhere in the before or after image. */
  q?: string;
}

export interface AuditRow {
  id: number;
  at: Date;
  actor_user_id: number | null;
  actor_name: string;
  table_name: string;
  op: string;
  row_key: unknown;
  before: unknown;
  after: unknown;
  row_count: number;
  rows_digest: string | null;
  prev_hash: string;
  hash: string;
}

/** `text` as a literal inside a LIKE pattern (%, _ and backslash lose their meaning). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filtered(db: Db | Tx, filter: AuditFilter, timeZone: string) {
  let query = db.selectFrom('audit_log').selectAll();
  // A date is midnight at its start (or, for `to`, at the end of the day) in the business time zone. The
  // day is added here, not in SQL, where `date + $n` is ambiguous (date + integer or date + interval).
  const bound = (value: string, endOfDay: boolean) =>
    /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? sql<Date>`(cast(${endOfDay ? addDays(value, 1) : value} as timestamp) at time zone ${timeZone})`
      : sql<Date>`cast(${value} as timestamptz)`;
  if (filter.from) query = query.where('at', '>=', bound(filter.from, false));
  if (filter.to) query = query.where('at', '<', bound(filter.to, true));
  if (filter.table) query = query.where('table_name', '=', filter.table);
  if (filter.op) query = query.where('op', '=', filter.op.toUpperCase());
  if (filter.actorUserId !== undefined) query = query.where('actor_user_id', '=', filter.actorUserId);
  if (filter.actor) query = query.where('actor_name', 'ilike', `%${escapeLike(filter.actor)}%`);
  if (filter.rowId) {
    const rowId = filter.rowId;
    // A numeric id matches the key exactly (index on table_name, row_key); other keys by their text.
    query = query.where((eb: ExpressionBuilder<Database, 'audit_log'>) =>
      /^\d{1,15}$/.test(rowId)
        ? eb('row_key', '=', sql`jsonb_build_object('id', ${Number(rowId)}::bigint)`)
        : eb(sql`row_key::text`, 'ilike', `%${escapeLike(rowId)}%`),
    );
  }
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    query = query.where((eb) =>
      eb.or([eb(sql`before::text`, 'ilike', pattern), eb(sql`after::text`, 'ilike', pattern)]),
    );
  }
  return query;
}

/** Newest first, `limit + 1` rows strictly older than `beforeId` (keyset on the chain position). */
export function selectAuditPage(
  db: Db,
  filter: AuditFilter,
  timeZone: string,
  beforeId: number | null,
  limit: number,
): Promise<AuditRow[]> {
  let query = filtered(db, filter, timeZone);
  if (beforeId !== null) query = query.where('id', '<', beforeId);
  return query
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute() as Promise<AuditRow[]>;
}

/** Oldest first, in batches, for exports of any size. */
export async function* streamAudit(
  db: Db,
  filter: AuditFilter,
  timeZone: string,
  batchSize = 2000,
): AsyncGenerator<AuditRow[]> {
  let afterId = 0;
  for (;;) {
    const rows = (await filtered(db, filter, timeZone)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(batchSize)
      .execute()) as AuditRow[];
    if (rows.length === 0) return;
    yield rows;
    afterId = rows[rows.length - 1].id;
    if (rows.length < batchSize) return;
  }
}

/** The columns of each entry as the hash saw them: jsonb in its one canonical text form, time in UTC. */
export interface ChainRow {
  id: number;
  at_utc: string;
  actor_user_id: number | null;
  actor_name: string;
  table_name: string;
  op: string;
  row_key: string | null;
  before: string | null;
  after: string | null;
  row_count: number;
  rows_digest: string | null;
  prev_hash: string;
  hash: string;
}

export async function selectChainBatch(db: Db, afterId: number, limit: number): Promise<ChainRow[]> {
  const { rows } = await sql<ChainRow>`
    select id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_utc, actor_user_id,
           actor_name, table_name, op, row_key::text as row_key, before::text as before, after::text as after,
           row_count, rows_digest, prev_hash, hash
    from audit_log where id > ${afterId} order by id limit ${limit}`.execute(db);
  return rows;
}

export async function selectChainHead(db: Db): Promise<{ last_id: number; last_hash: string }> {
  return db.selectFrom('audit_chain_head').select(['last_id', 'last_hash']).executeTakeFirstOrThrow();
}

/** What a bulk-load entry keeps of its rows (audit_batch, migration 0032): how many, and their digests. */
export async function selectBatch(
  db: Db,
  auditId: number,
): Promise<{ rows: number; digests: Uint8Array; ascending: boolean } | undefined> {
  const { rows } = await sql<{ rows: number; digests: Uint8Array; ascending: boolean }>`
    select cardinality(row_ids) as rows, digests,
           not exists (select 1 from unnest(row_ids) with ordinality a(id, n)
                        where a.id <= row_ids[n - 1]) as ascending
      from audit_batch where audit_id = ${auditId}`.execute(db);
  return rows[0];
}

/** The bulk-load entry holding a row of `table`, and the row's digest as loaded. */
export async function selectBatchRow(
  db: Db,
  table: string,
  id: number,
): Promise<{ audit_id: number; digest: string } | undefined> {
  const { rows } = await sql<{ audit_id: number; digest: string }>`
    select b.audit_id, encode(substring(b.digests from (p.n - 1) * 16 + 1 for 16), 'hex') as digest
      from audit_batch b join audit_log l on l.id = b.audit_id
     cross join lateral (select array_position(b.row_ids, ${id}::bigint) as n) p
     where l.table_name = ${table} and p.n is not null
     order by b.audit_id desc limit 1`.execute(db);
  return rows[0];
}

/** Entries after `afterId` that changed this row or may have (a summary or truncate has no row key), newest first. */
export async function selectLaterChanges(
  db: Db,
  table: string,
  rowKey: Record<string, unknown>,
  afterId: number,
): Promise<Array<{ id: number; op: string; before: Record<string, unknown> | null; row_key: unknown }>> {
  const { rows } = await sql<{
    id: number;
    op: string;
    before: Record<string, unknown> | null;
    row_key: unknown;
  }>`
    select id, op, before, row_key from audit_log
     where table_name = ${table} and id > ${afterId}
       and (row_key = ${JSON.stringify(rowKey)}::jsonb or row_key is null)
     order by id desc`.execute(db);
  return rows;
}

/** The row now as JSON (to_jsonb), or undefined when it is gone. `table` must be an audited table's name. */
export async function selectRowImage(
  db: Db,
  table: string,
  id: number,
): Promise<Record<string, unknown> | undefined> {
  const { rows } = await sql<{ image: Record<string, unknown> }>`
    select to_jsonb(t) as image from ${sql.table(table)} t where t.id = ${id}`.execute(db);
  return rows[0]?.image;
}

/** audit_row_digest (migration 0032) of a row image: the digest a bulk load recorded for it. */
export async function rowDigest(db: Db, table: string, image: Record<string, unknown>): Promise<string> {
  const { rows } = await sql<{ digest: string }>`
    select audit_row_digest(${table}::regclass, ${JSON.stringify(image)}::jsonb) as digest`.execute(db);
  return rows[0].digest;
}
