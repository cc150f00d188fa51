// `huikuan audit verify`: recomputes every entry's hash and link and compares the end with the chain head.
import { type Actor, assertCan } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { type ChainReport, ChainVerifier } from './audit-chain';
import { selectChainBatch, selectChainHead } from './audit-queries';

export async function verifyAudit(
  db: Db,
  actor: Actor,
  batchSize = 5000,
): Promise<ChainReport & { headId: number }> {
  assertCan(actor, 'audit:read');
  // The head first: entries appended while we read are beyond it and are checked next time.
  const head = await selectChainHead(db);
  const verifier = new ChainVerifier();
  let afterId = 0;
  while (afterId < head.last_id) {
    const rows = (await selectChainBatch(db, afterId, batchSize)).filter((row) => row.id <= head.last_id);
    if (rows.length === 0 || !verifier.push(rows)) break;
    afterId = rows[rows.length - 1].id;
  }
  return { ...verifier.finish(head), headId: head.last_id };
}
