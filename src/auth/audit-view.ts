// An audit entry as the API, the CLI and exports show it.
import { csvField } from '../shared/csv';
import type { AuditRow } from './audit-queries';

export interface AuditEntryView {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName: string;
  table: string;
  op: string;
  rowKey: unknown;
  before: unknown;
  after: unknown;
  rowCount: number;
  rowsDigest: string | null;
  prevHash: string;
  hash: string;
}

export function toAuditEntryView(row: AuditRow): AuditEntryView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    table: row.table_name,
    op: row.op,
    rowKey: row.row_key,
    before: row.before,
    after: row.after,
    rowCount: row.row_count,
    rowsDigest: row.rows_digest,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'actorUserId',
  'actorName',
  'table',
  'op',
  'rowKey',
  'before',
  'after',
  'rowCount',
  'rowsDigest',
  'prevHash',
  'hash',
] as const;

export function auditCsvLine(entry: AuditEntryView): string {
  return `${AUDIT_CSV_COLUMNS.map((column) => csvField(entry[column])).join(',')}\r\n`;
}
