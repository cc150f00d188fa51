// `huikuan audit verify-row invoice <id>`: proves that a row loaded in bulk is the row its batch recorded.
// A bulk load keeps one chain entry per batch (migration 0032); each row's digest is kept beside it and the
// entry's digest covers them all. The row now, with every later audited change undone (the `before` of each
// later entry for it, newest first), must give its kept digest, and the kept digests must give the entry's.
import { type Actor, assertCan } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { invalid, msg } from '../platform/errors';
import { MESSAGES } from '../shared/messages';
import { canonicalContent, entryHash } from './audit-chain';
import {
  rowDigest,
  selectBatchRow,
  selectChainBatch,
  selectLaterChanges,
  selectRowImage,
} from './audit-queries';
import type { BulkAuditedTable } from './bulk-audit';
import { checkBatch } from './verify-audit';

const BULK_TABLES: readonly BulkAuditedTable[] = ['invoice', 'customer'];

export interface RowProof {
  table: string;
  id: number;
  /**
   * intact: the row as loaded gives its kept digest, and the kept digests give the entry's; changed: it
   * does not (the row or its digest was altered outside the audit); not-loaded: no bulk load holds the row;
   * unprovable: a later change of the table was recorded without row detail (a summary entry or TRUNCATE),
   * or the row was deleted.
   */
  status: 'intact' | 'changed' | 'not-loaded' | 'unprovable';
  /** The bulk-load entry that holds the row. */
  entryId: number | null;
  /** Later audited changes of the row that were undone to get back to the loaded row. */
  laterChanges: number[];
  reason: string;
}

export async function verifyLoadedRow(db: Db, actor: Actor, table: string, id: number): Promise<RowProof> {
  assertCan(actor, 'audit:read');
  if (!BULK_TABLES.includes(table as BulkAuditedTable)) {
    const allowed = BULK_TABLES.join(', ');
    throw invalid(msg('rowCheckBulkTablesOnly'), [
      { field: 'table', value: table, reason: `one of ${allowed}`, code: 'oneOf', params: { allowed } },
    ]);
  }
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw invalid(msg('notARowId'), [
      {
        field: 'id',
        value: String(id),
        reason: MESSAGES.positiveIntegerReason.en,
        code: 'positiveIntegerReason',
      },
    ]);
  }
  const key = { id };
  const proof = (
    status: RowProof['status'],
    reason: string,
    entryId: number | null,
    laterChanges: number[] = [],
  ) => ({
    table,
    id,
    status,
    entryId,
    laterChanges,
    reason,
  });
  const kept = await selectBatchRow(db, table, id);
  if (!kept) return proof('not-loaded', `no bulk load of ${table} holds row ${id}`, null);
  const entryId = Number(kept.audit_id);
  const [entry] = await selectChainBatch(db, entryId - 1, 1);
  if (!entry || entry.id !== entryId || entryHash(entry.prev_hash, canonicalContent(entry)) !== entry.hash) {
    return proof(
      'changed',
      `bulk load entry ${entryId} does not match its hash (run \`audit verify\`)`,
      entryId,
    );
  }
  const broken = await checkBatch(db, entry);
  if (broken) return proof('changed', broken, entryId);
  const later = await selectLaterChanges(db, table, key, entryId);
  const blind = later.find((change) => change.row_key === null);
  if (blind) {
    return proof(
      'unprovable',
      `entry ${blind.id} changed ${table} without row detail (${blind.op}); the loaded row cannot be rebuilt`,
      entryId,
    );
  }
  let image = await selectRowImage(db, table, id);
  if (!image) return proof('unprovable', `row ${id} no longer exists`, entryId);
  for (const change of later) image = { ...image, ...(change.before ?? {}) };
  const laterChanges = later.map((change) => Number(change.id)).reverse();
  if ((await rowDigest(db, table, image)) !== kept.digest) {
    return proof(
      'changed',
      `${table} ${id} is not the row bulk load entry ${entryId} recorded, even with its later audited changes undone: it was altered outside the audit`,
      entryId,
      laterChanges,
    );
  }
  return proof(
    'intact',
    `${table} ${id} is the row bulk load entry ${entryId} recorded`,
    entryId,
    laterChanges,
  );
}
