// `huikuan audit verify [--head HASH]`: recomputes every entry's hash and link and compares the end with the
// chain head; with a head recorded outside the database (`huikuan audit head`), also that the chain still
// leads through it. `auditHead` is what to record.
import { type Actor, assertCan } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { invalid, msg } from '../platform/errors';
import { MESSAGES } from '../shared/messages';
import { type ChainReport, ChainVerifier } from './audit-chain';
import { selectChainBatch, selectChainHead } from './audit-queries';

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
    if (rows.length === 0 || !verifier.push(rows)) break;
    afterId = rows[rows.length - 1].id;
  }
  return { ...verifier.finish(head), headId: head.last_id };
}
