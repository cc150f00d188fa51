// Audit-log search for auditors and administrators: newest first, keyset pages by entry number.
import { type Actor, assertCan } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { invalid, msg } from '../platform/errors';
import { decodeCursor, encodeCursor, type PageResult } from '../platform/http/pagination';
import { checkAuditFilter } from './audit-filter';
import { type AuditFilter, selectAuditPage } from './audit-queries';
import { type AuditEntryView, toAuditEntryView } from './audit-view';

export interface SearchAuditInput extends AuditFilter {
  limit?: number;
  cursor?: string;
  timeZone: string;
}

export async function searchAudit(
  db: Db,
  actor: Actor,
  input: SearchAuditInput,
): Promise<PageResult<AuditEntryView>> {
  assertCan(actor, 'audit:read');
  const { limit = 50, cursor, timeZone, ...filter } = input;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw invalid(msg('limitBetween', { min: 1, max: 500 }));
  let beforeId: number | null = null;
  if (cursor) {
    const [id] = decodeCursor(cursor, 1);
    if (!Number.isSafeInteger(id)) throw invalid(msg('cursorInvalid'));
    beforeId = id as number;
  }
  const rows = await selectAuditPage(db, checkAuditFilter(filter), timeZone, beforeId, limit);
  const items = rows.slice(0, limit).map(toAuditEntryView);
  const nextCursor = rows.length > limit ? encodeCursor([items[items.length - 1].id]) : null;
  return { items, nextCursor };
}
