// Aging buckets (账龄区间). Edges are the inclusive upper bounds in days; the first bucket of the
// due-date basis is "not yet due" (days past due <= 0), the first of the invoice-date basis starts at 0.
import { invalid, msg } from '../platform/errors';

export type AgingBasis = 'due' | 'invoice';

export interface Bucket {
  index: number;
  key: string;
  /** Inclusive bounds in days (past due, or since invoice date); null = unbounded. */
  minDays: number | null;
  maxDays: number | null;
  label: string;
}

export function validateEdges(edges: unknown, field: string): number[] {
  if (!Array.isArray(edges) || edges.length === 0 || edges.length > 20) {
    throw invalid(msg('bucketsList', { field }), [{ field, reason: 'not a list' }]);
  }
  let previous = 0;
  for (const edge of edges) {
    if (!Number.isInteger(edge) || edge <= previous || edge > 36500) {
      throw invalid(msg('bucketsIncreasing', { field }), [
        {
          field,
          value: String(edge),
          reason: 'edges must increase, each a whole number of days above 0',
          code: 'edgesIncrease',
        },
      ]);
    }
    previous = edge;
  }
  return edges as number[];
}

export function makeBuckets(edges: readonly number[], basis: AgingBasis): Bucket[] {
  const buckets: Bucket[] = [];
  if (basis === 'due')
    buckets.push({ index: 0, key: 'current', minDays: null, maxDays: 0, label: 'Not yet due' });
  let lower = basis === 'due' ? 1 : 0;
  for (const edge of edges) {
    buckets.push({
      index: buckets.length,
      key: `${lower}-${edge}`,
      minDays: lower,
      maxDays: edge,
      label: `${lower}–${edge}`,
    });
    lower = edge + 1;
  }
  buckets.push({
    index: buckets.length,
    key: `>${lower - 1}`,
    minDays: lower,
    maxDays: null,
    label: `>${lower - 1}`,
  });
  return buckets;
}

/** The bucket index of an item `days` past due (basis due) or old (basis invoice). */
export function bucketIndex(days: number, edges: readonly number[], basis: AgingBasis): number {
  if (basis === 'due' && days <= 0) return 0;
  const offset = basis === 'due' ? 1 : 0;
  for (let k = 0; k < edges.length; k++) if (days <= edges[k]) return k + offset;
  return edges.length + offset;
}
