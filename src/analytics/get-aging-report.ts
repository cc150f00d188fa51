// Aging report (账龄分析) as of any date, by days past due or days since invoice date, grouped.
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { invalid, msg } from '../platform/errors';
import { decodeCursor, encodeCursor } from '../platform/http/pagination';
import { todayIn } from '../shared/dates';
import { CONVERSION_NOTE, type Converter } from '../shared/money';
import { type AgingCell, type GroupBy, selectAgingCells } from './aging-queries';
import { type AgingBasis, type Bucket, makeBuckets } from './buckets';
import { checkDate, openReport } from './report-context';
import type { ReportFilter } from './scope-sql';

export interface AgingInput extends ReportFilter {
  asOf?: string;
  basis?: AgingBasis;
  by?: GroupBy;
  reportCurrency?: string;
  timeZone?: string;
  /** Groups per page (in the report's order); without it, every group. */
  limit?: number;
  /** From the previous page's nextCursor. */
  cursor?: string;
}

/** Figures per bucket as parallel arrays (amounts in minor units, counts), and in total. */
export interface Figures {
  /** In the reporting currency; null where a rate is missing. */
  amounts: (number | null)[];
  counts: number[];
  amount: number | null;
  count: number;
}

export interface CurrencyFigures {
  currency: string;
  /** In the invoices' own currency. */
  amounts: number[];
  counts: number[];
  amount: number;
  count: number;
}

export interface AgingRow extends Figures {
  key: string;
  code: string | null;
  name: string;
  /** Per currency in its own units; left out when the group has only the reporting currency. */
  byCurrency?: CurrencyFigures[];
}

export interface AgingReport {
  asOf: string;
  basis: AgingBasis;
  by: GroupBy;
  reportCurrency: string;
  buckets: Bucket[];
  totals: Figures & { byCurrency: CurrencyFigures[] };
  groups: AgingRow[];
  /** How many groups the whole report has (every page). */
  groupCount: number;
  /** The next page of groups, when `limit` cut them; null on the last page or without `limit`. */
  nextCursor: string | null;
  missingRates: string[];
  conversion: string;
}

/** Folds cells into one row: per currency in original units, and converted per bucket and in total. */
export function foldCells(
  cells: AgingCell[],
  bucketCount: number,
  converter: Converter,
): Figures & { byCurrency: CurrencyFigures[] } {
  const byCurrency: CurrencyFigures[] = [];
  for (const cell of cells) {
    let f = byCurrency.find((x) => x.currency === cell.currency);
    if (!f) {
      f = {
        currency: cell.currency,
        amounts: new Array(bucketCount).fill(0),
        counts: new Array(bucketCount).fill(0),
        amount: 0,
        count: 0,
      };
      byCurrency.push(f);
    }
    f.amounts[cell.bucket] += cell.amount;
    f.counts[cell.bucket] += cell.count;
    f.amount += cell.amount;
    f.count += cell.count;
  }
  byCurrency.sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
  const counts = new Array(bucketCount).fill(0);
  let count = 0;
  for (const f of byCurrency) {
    for (let k = 0; k < bucketCount; k++) counts[k] += f.counts[k];
    count += f.count;
  }
  // One currency already in the reporting currency: nothing to convert.
  if (byCurrency.length === 1 && byCurrency[0].currency === converter.target) {
    const f = byCurrency[0];
    return { amounts: [...f.amounts], counts, amount: f.amount, count, byCurrency };
  }
  const amounts: (number | null)[] = new Array(bucketCount);
  for (let k = 0; k < bucketCount; k++) {
    amounts[k] = converter.sum(byCurrency.map((f) => ({ currency: f.currency, amount: f.amounts[k] })));
  }
  const amount = converter.sum(byCurrency.map((f) => ({ currency: f.currency, amount: f.amount })));
  return { amounts, counts, amount, count, byCurrency };
}

/**
 * One page of the sorted groups: those after the cursor's position (amount, key), at most `limit`. Only the
 * page is sent: at 100,000 customers the whole report is 12 MB of JSON, which cost more than its query.
 */
function pageOf(
  groups: AgingRow[],
  order: (a: { amount: number | null; key: string }, b: { amount: number | null; key: string }) => number,
  limit: number | undefined,
  cursor: string | undefined,
): { groups: AgingRow[]; nextCursor: string | null } {
  if (limit === undefined) return { groups, nextCursor: null };
  let from = 0;
  if (cursor !== undefined) {
    const [amount, key] = decodeCursor(cursor, 2);
    if ((amount !== null && typeof amount !== 'number') || typeof key !== 'string') {
      throw invalid(msg('cursorInvalid'));
    }
    const after = { amount, key };
    from = groups.findIndex((g) => order(g, after) > 0);
    if (from < 0) from = groups.length;
  }
  const slice = groups.slice(from, from + limit);
  const last = slice.at(-1);
  const more = from + limit < groups.length && last !== undefined;
  return { groups: slice, nextCursor: more ? encodeCursor([last.amount, last.key]) : null };
}

function fallbackName(by: GroupBy, key: string): string {
  if (by === 'none') return 'Total';
  if (key === '') return by === 'region' ? '(no region)' : '(unassigned)';
  return key;
}

export async function getAgingReport(db: Db, actor: Actor, input: AgingInput): Promise<AgingReport> {
  const asOf = checkDate(input.asOf ?? todayIn(input.timeZone), 'asOf');
  const basis = input.basis ?? 'due';
  const by = input.by ?? 'none';
  const ctx = await openReport(db, actor, {
    date: asOf,
    entityId: input.entityId,
    reportCurrency: input.reportCurrency,
  });
  const edges = basis === 'due' ? ctx.settings.dueBuckets : ctx.settings.ageBuckets;
  const buckets = makeBuckets(edges, basis);
  const filter = { entityId: input.entityId, customerId: input.customerId, currency: input.currency };
  const cells = await selectAgingCells(db, actor, { asOf, basis, edges, by, filter });
  const byKey = new Map<string, AgingCell[]>();
  for (const cell of cells) {
    const list = byKey.get(cell.key);
    if (list) list.push(cell);
    else byKey.set(cell.key, [cell]);
  }
  const groups: AgingRow[] = [...byKey.entries()].map(([key, list]) => {
    const figures: AgingRow = {
      key,
      code: list[0].code ?? (by === 'region' || by === 'currency' ? key || null : null),
      name: list[0].name ?? fallbackName(by, key),
      ...foldCells(list, buckets.length, ctx.converter),
    };
    // Same figures twice otherwise: keeps the answer small for 100,000 customers.
    if (figures.byCurrency?.length === 1 && figures.byCurrency[0].currency === ctx.reportCurrency) {
      delete figures.byCurrency;
    }
    return figures;
  });
  // Largest open amount first (a group with a missing rate last), then by key: the order pages follow.
  const order = (a: { amount: number | null; key: string }, b: { amount: number | null; key: string }) =>
    (b.amount ?? -1) - (a.amount ?? -1) || a.key.localeCompare(b.key);
  groups.sort(order);
  const page = pageOf(by === 'none' ? [] : groups, order, input.limit, input.cursor);
  return {
    asOf,
    basis,
    by,
    reportCurrency: ctx.reportCurrency,
    buckets,
    totals: foldCells(cells, buckets.length, ctx.converter),
    groups: page.groups,
    groupCount: by === 'none' ? 0 : groups.length,
    nextCursor: page.nextCursor,
    missingRates: [...ctx.converter.missing].map((c) => `${c}/${ctx.reportCurrency}`),
    conversion: CONVERSION_NOTE,
  };
}
