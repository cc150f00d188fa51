// `huikuan audit verify [--head HASH]`: recomputes every entry's hash and link and compares the end with the
// chain head; with a head recorded outside the database (`huikuan audit head`), also that the chain still
// leads through it. `auditHead` is what to record.
import { type Actor, assertCan } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { invalid, msg } from '../platform/errors';
import { MESSAGES } from '../shared/messages';
import { batchDigest, type ChainReport, ChainVerifier, isBatchEntry } from './audit-chain';
import { type ChainRow, selectBatch, selectChainBatch, selectChainHead } from './audit-queries';

export interface AuditHead {
  /** Entries in the chain (ids are gapless, so also the newest entry's id). */
  entries: number;
  hash: string;
  /** When the newest entry was written (UTC), null for an empty chain. */
  newestAt: string | null;
  /** When this head was read (UTC). */
  readAt: string;
}

/** The chain's head now: to record outside the database, so that a rewrite of the chain can be told. */
export async function auditHead(db: Db, actor: Actor): Promise<AuditHead> {
  assertCan(actor, 'audit:read');
  const head = await selectChainHead(db);
  const newest = head.last_id > 0 ? (await selectChainBatch(db, head.last_id - 1, 1))[0] : undefined;
  return {
    entries: head.last_id,
    hash: head.last_hash,
    newestAt: newest?.at_utc ?? null,
    readAt: new Date().toISOString(),
  };
}

export async function verifyAudit(
  db: Db,
  actor: Actor,
  batchSize = 5000,
  recordedHead?: string,
): Promise<ChainReport & { headId: number }> {
  assertCan(actor, 'audit:read');
  if (recordedHead !== undefined && !/^[0-9a-f]{64}$/.test(recordedHead)) {
    throw invalid(msg('auditHeadNotHash'), [
      {
        field: 'head',
        value: recordedHead,
        reason: MESSAGES.auditHeadDigits.en,
        code: 'auditHeadDigits',
      },
    ]);
  }
  // The head first: entries appended while we read are beyond it and are checked next time.
  const head = await selectChainHead(db);
  const verifier = new ChainVerifier(recordedHead);
  let afterId = 0;
  while (afterId < head.last_id) {
    const rows = (await selectChainBatch(db, afterId, batchSize)).filter((row) => row.id <= head.last_id);
    if (rows.length === 0) break;
    const intact = verifier.push(rows);
    // Bulk-load entries: their rows' digests must still give the digest the chain holds.
    for (const row of rows.filter(isBatchEntry)) {
      const broken = await checkBatch(db, row);
      if (broken) {
        verifier.fail(row.id, broken);
        break;
      }
    }
    if (!intact) break;
    afterId = rows[rows.length - 1].id;
  }
  return { ...verifier.finish(head), headId: head.last_id };
}

/** Recomputes a bulk-load entry's digest from its rows' digests; the reason it is broken, or null. */
export async function checkBatch(db: Db, entry: ChainRow): Promise<string | null> {
  const batch = await selectBatch(db, entry.id);
  if (!batch) return `the row digests of bulk load entry ${entry.id} are missing`;
  if (batch.rows !== entry.row_count || batch.digests.length !== 16 * batch.rows || !batch.ascending) {
    return `bulk load entry ${entry.id} records ${entry.row_count} rows but its kept row digests do not match them (rows removed, added or reordered)`;
  }
  if (batchDigest(batch.digests) !== entry.rows_digest) {
    return `the row digests of bulk load entry ${entry.id} do not give its digest (a row digest was changed)`;
  }
  return null;
}
