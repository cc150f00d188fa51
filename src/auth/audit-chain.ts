// Verifying the audit log's hash chain (pure). Each entry's hash is SHA-256(previous hash || content), where
// content is the JSON array the database builds in audit_content(); it is rebuilt here from the stored
// columns, so a changed function in the database cannot hide a changed entry.
import { createHash } from 'node:crypto';
import type { ChainRow } from './audit-queries';

export const GENESIS_HASH = '0'.repeat(64);

/** PostgreSQL's text form of jsonb_build_array(...): elements joined by ", ", JSON string escapes. */
export function canonicalContent(row: ChainRow): string {
  const text = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));
  const int = (value: number | null) => (value === null ? 'null' : String(value));
  const json = (value: string | null) => value ?? 'null';
  return `[${[
    int(row.id),
    text(row.at_utc),
    int(row.actor_user_id),
    text(row.actor_name),
    text(row.table_name),
    text(row.op),
    json(row.row_key),
    json(row.before),
    json(row.after),
    int(row.row_count),
    text(row.rows_digest),
  ].join(', ')}]`;
}

export function entryHash(prevHash: string, content: string): string {
  return createHash('sha256')
    .update(prevHash + content, 'utf8')
    .digest('hex');
}

/** A bulk-load entry (audit_bulk_insert, migration 0032): its rows' digests are kept in audit_batch_row. */
export function isBatchEntry(row: ChainRow): boolean {
  if (row.rows_digest === null || row.after === null) return false;
  const after = JSON.parse(row.after) as { bulkLoad?: unknown };
  return typeof after === 'object' && after !== null && 'bulkLoad' in after;
}

/** The digest of a batch: SHA-256 over its row digests (16 bytes each, in row id order). */
export function batchDigest(digests: Uint8Array): string {
  return createHash('sha256').update(digests).digest('hex');
}

export interface ChainBreak {
  id: number;
  reason: string;
}

export interface ChainReport {
  ok: boolean;
  /** Entries checked before the first break (all of them when ok). */
  checked: number;
  lastId: number;
  lastHash: string;
  firstBroken: ChainBreak | null;
  /** With a head recorded outside the database: the entry that has its hash (null: no entry does). */
  recordedHead?: { hash: string; foundAt: number | null };
}

/** Walks the chain in id order, batch by batch, and remembers the first break. */
export class ChainVerifier {
  private expectedId = 1;
  private prevHash = GENESIS_HASH;
  private checked = 0;
  private broken: ChainBreak | null = null;
  private recordedAt: number | null = null;

  /**
   * `recordedHash`: a head hash kept outside the database (`huikuan audit head`). An intact chain must still
   * lead through it: whoever can write the database can re-hash the whole chain after changing an entry,
   * but cannot make an entry hash to a value recorded before without breaking SHA-256.
   */
  constructor(private readonly recordedHash?: string) {}

  /** Returns false once the chain is broken (no need to read further). */
  push(rows: ChainRow[]): boolean {
    for (const row of rows) {
      if (this.broken) return false;
      if (row.id !== this.expectedId) {
        this.broken = {
          id: this.expectedId,
          reason:
            row.id > this.expectedId
              ? `entries ${this.expectedId}–${row.id - 1} are missing (deleted)`
              : `entry ${row.id} is out of order`,
        };
      } else if (entryHash(row.prev_hash, canonicalContent(row)) !== row.hash) {
        this.broken = { id: row.id, reason: 'content does not match its hash (the entry was changed)' };
      } else if (row.prev_hash !== this.prevHash) {
        this.broken = {
          id: row.id,
          reason: `previous-hash link does not match entry ${row.id - 1} (that entry was changed or replaced)`,
        };
      } else {
        if (row.hash === this.recordedHash) this.recordedAt = row.id;
        this.checked++;
        this.expectedId = row.id + 1;
        this.prevHash = row.hash;
      }
    }
    return this.broken === null;
  }

  /**
   * A break found outside the chain itself (a bulk-load entry whose rows do not give its digest): the
   * earliest break is the one reported, and entries from it on no longer count as checked.
   */
  fail(id: number, reason: string): void {
    if (this.broken && this.broken.id <= id) return;
    this.broken = { id, reason };
    this.checked = Math.min(this.checked, id - 1);
  }

  /** Compares the end of the chain with the head the database keeps, which catches removed newest entries. */
  finish(head: { last_id: number; last_hash: string }): ChainReport {
    const lastId = this.expectedId - 1;
    if (!this.broken && (head.last_id !== lastId || head.last_hash !== this.prevHash)) {
      this.broken =
        head.last_id > lastId
          ? {
              id: lastId + 1,
              reason: `entries ${lastId + 1}–${head.last_id} are missing (deleted from the end)`,
            }
          : { id: head.last_id, reason: 'the chain head does not match the newest entry' };
    }
    if (!this.broken && this.recordedHash !== undefined && this.recordedAt === null) {
      this.broken = {
        id: lastId,
        reason: `no entry has the recorded head hash ${this.recordedHash}: the chain was rewritten (or the hash is not of this database)`,
      };
    }
    return {
      ok: this.broken === null,
      checked: this.checked,
      lastId,
      lastHash: this.prevHash,
      firstBroken: this.broken,
      ...(this.recordedHash === undefined
        ? {}
        : { recordedHead: { hash: this.recordedHash, foundAt: this.recordedAt } }),
    };
  }
}
