// How a batch gets its cases without holding up everyone else (optimistic batches).
//
// Every write to an audited table (cases, tasks, holds…) takes the audit chain head and keeps it until
// commit, so audited writers run one at a time. If a batch held the head from its first read, the batches
// of several loops or workers would run one after the other, reading and rendering included. So a batch:
//   1. claims cases with transaction-level advisory locks, which split the work between loops and workers
//      without locking rows (a row lock taken before the head could deadlock with a person who holds the
//      head and waits for that row; see lockAuditChain);
//   2. reads, evaluates and renders without the head, while another batch writes;
//   3. takes the head, then locks its cases' rows (skipping any a person holds) and their outbox rows of
//      the day, and compares each case's fingerprint (the versions of the rows it read) with the one read
//      in step 1. Unchanged cases are written as evaluated; a case someone changed in between is read and
//      evaluated again, now under the head and its row lock, so nothing is written from a stale reading.
// The same check catches a case another worker finished between our claim and our head (an advisory lock
// is free again once that worker commits): it is then no longer due and is left alone.
import { sql } from 'kysely';
import { lockAuditChain } from '../../auth/audit-queries';
import type { Tx } from '../../platform/db/store';
import { type BatchScope, type CaseRow, caseFingerprint, loadCaseRows } from './snapshot-queries';

/** Advisory lock class of "a batch is evaluating this case" (any constant no other lock of ours uses). */
const CASE_CLAIM_LOCK = 7010;

/**
 * Candidates read per claim: enough that a batch still fills up when the loops and workers ahead of it
 * hold the cases just after its position.
 */
const CANDIDATES_PER_CASE = 8;

/**
 * Cases due for evaluation: not closed, and not yet evaluated for the date (full) or marked (incremental),
 * or evaluated under an older strategy-set generation (a strategy or rule changed since, or "run now").
 */
function dueForEvaluation(scope: BatchScope) {
  return scope.full
    ? sql`k.closed_on is null and (k.evaluated_on is null or k.evaluated_on < ${scope.asOf}::date
            or k.evaluated_generation < ${scope.generation})`
    : sql`k.closed_on is null and (k.evaluated_on is null or k.evaluated_generation < ${scope.generation})`;
}

export interface Claim {
  rows: CaseRow[];
  /** The last case id looked at: the next claim starts after it (0 candidates: nothing left to look at). */
  scannedTo: number;
  scanned: number;
}

/** Claims up to `scope.limit` due cases after `scope.afterId`, skipping those another batch is evaluating. */
export async function claimCases(tx: Tx, scope: BatchScope): Promise<Claim> {
  // The candidates are fixed first (materialised, in id order) and the lock is tried on them one by one
  // until the batch is full, so a batch never locks more cases than it takes, whatever plan is chosen.
  const result = await sql<{ ids: number[] | null; last: number | null; candidates: number }>`
    with candidate as materialized (
      select k.id from collection_case k
      where ${dueForEvaluation(scope)} and k.id > ${scope.afterId}
      order by k.id limit ${scope.limit * CANDIDATES_PER_CASE}
    ), claimed as (
      select c.id from candidate c
      where pg_try_advisory_xact_lock(${CASE_CLAIM_LOCK}, (c.id % 2147483647)::int)
      limit ${scope.limit}
    )
    select (select array_agg(id order by id) from claimed) as ids, (select max(id) from candidate) as last,
           (select count(*) from candidate)::int as candidates`.execute(tx);
  const { ids: claimed, last, candidates } = result.rows[0];
  const ids = (claimed ?? []).map(Number);
  return {
    rows: await loadCaseRows(tx, ids, scope.asOf),
    // A full batch resumes after its own last case (the candidates beyond it were not tried); otherwise
    // every candidate was tried, and the ones skipped belong to batches that are evaluating them.
    scannedTo: ids.length === scope.limit ? ids.at(-1)! : Number(last ?? scope.afterId),
    scanned: candidates,
  };
}

export interface Verdict {
  /** Still due, locked, and not changed since they were read: what was prepared for them stands. */
  unchanged: Set<number>;
  /** Still due and locked, but changed since they were read: to be read and evaluated again. */
  changed: number[];
}

/**
 * Step 3 above: takes the audit chain head, locks the claimed cases that are still due (skipping rows held
 * by others, which are then not written now; a later pass or run takes them) and their outbox rows of the
 * day, and sorts them by whether their fingerprint moved.
 */
export async function lockAndVerify(tx: Tx, scope: BatchScope, claimed: CaseRow[]): Promise<Verdict> {
  await lockAuditChain(tx);
  const locked = await sql<{ id: number }>`
    select k.id from collection_case k
    where k.id = any(${claimed.map((r) => r.id)}::bigint[]) and ${dueForEvaluation(scope)}
    order by k.id for update of k skip locked`.execute(tx);
  const ids = locked.rows.map((r) => r.id);
  const verdict: Verdict = { unchanged: new Set(), changed: [] };
  if (ids.length === 0) return verdict;
  // Whoever changes a case's outbox rows (the engine, a sender) locks them; taken after the head, as the
  // rule for writers is (a sender claims with SKIP LOCKED and takes the head first if it writes audited rows).
  await sql`
    select o.id from outbox o
    where o.case_id = any(${ids}::bigint[]) and (o.status = 'queued' or o.scheduled_on = ${scope.asOf}::date)
    order by o.id for update of o`.execute(tx);
  const now = await sql<{ id: number; fingerprint: string }>`
    select k.id, ${caseFingerprint(scope.asOf)} as fingerprint from collection_case k
    where k.id = any(${ids}::bigint[])`.execute(tx);
  const before = new Map(claimed.map((r) => [r.id, r.fingerprint]));
  for (const r of now.rows) {
    if (before.get(r.id) === r.fingerprint) verdict.unchanged.add(r.id);
    else verdict.changed.push(r.id);
  }
  verdict.changed.sort((a, b) => a - b);
  return verdict;
}
