// Drill-down from an aging cell to its invoices (open amount as of the report date).
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { decodeCursor, encodeCursor, type PageResult } from '../platform/http/pagination';
import { daysBetween, todayIn } from '../shared/dates';
import { type AgingItem, type GroupBy, selectAgingItems } from './aging-queries';
import type { AgingBasis } from './buckets';
import { checkDate, openReport } from './report-context';
import type { ReportFilter } from './scope-sql';

export interface AgingItemsInput extends ReportFilter {
  asOf?: string;
  basis?: AgingBasis;
  by?: GroupBy;
  key?: string;
  bucket?: number;
  limit?: number;
  cursor?: string;
  timeZone?: string;
}

export async function listAgingItems(
  db: Db,
  actor: Actor,
  input: AgingItemsInput,
): Promise<PageResult<AgingItem> & { asOf: string }> {
  const asOf = checkDate(input.asOf ?? todayIn(input.timeZone), 'asOf');
  const basis = input.basis ?? 'due';
  const ctx = await openReport(db, actor, { date: asOf });
  const limit = input.limit ?? 50;
  let after: { days: number; id: number } | undefined;
  if (input.cursor) {
    const [days, id] = decodeCursor(input.cursor, 2);
    after = { days: Number(days), id: Number(id) };
  }
  const rows = await selectAgingItems(db, actor, {
    asOf,
    basis,
    edges: basis === 'due' ? ctx.settings.dueBuckets : ctx.settings.ageBuckets,
    by: input.by ?? 'none',
    key: input.key,
    bucket: input.bucket,
    filter: { entityId: input.entityId, customerId: input.customerId, currency: input.currency },
    after,
    limit: limit + 1,
  });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  // The keyset is the raw day count (negative before the due date), as the query orders by it.
  const days = (item: AgingItem) => daysBetween(basis === 'due' ? item.dueDate : item.issueDate, asOf);
  return {
    asOf,
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([days(last), last.invoiceId]) : null,
  };
}
