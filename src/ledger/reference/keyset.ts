// Keyset pagination for the ledger lists: a sort is one column plus the row id as tie-breaker, the cursor
// carries the sort name, the last row's sort value and its id, and the next page starts strictly after that
// pair with a row comparison `(col, id) > (v, id)` — which PostgreSQL answers from an index on (col, id), so
// page 1000 costs what page 1 costs. No OFFSET, no count(*).
import { type RawBuilder, sql } from 'kysely';
import { invalid, msg } from '../../platform/errors';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination';
import { isValidIsoDate } from '../../shared/dates';

export type SortValueType = 'text' | 'date' | 'int';

export interface SortField {
  /** Qualified column, e.g. `invoice.due_date`. */
  column: string;
  type: SortValueType;
}

export interface Sort {
  /** As the client wrote it: `dueDate` or `-dueDate`. */
  name: string;
  /** The field without the minus, which is also the column's alias in the list query's select. */
  key: string;
  column: string;
  type: SortValueType;
  descending: boolean;
  /** Qualified id column used as tie-breaker. */
  idColumn: string;
}

export interface KeysetPosition {
  value: string | number;
  id: number;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export function parseSort(
  value: string | undefined,
  fields: Record<string, SortField>,
  fallback: string,
  idColumn: string,
): Sort {
  const name = value?.trim() || fallback;
  const descending = name.startsWith('-');
  const key = descending ? name.slice(1) : name;
  const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
  if (!field) {
    const allowed = Object.keys(fields).flatMap((key) => [key, `-${key}`]);
    throw invalid(msg('sortOneOf', { allowed: allowed.join(', ') }), [
      { field: 'sort', value: name, reason: `unknown sort; use one of ${allowed.join(', ')}` },
    ]);
  }
  return { name, key, column: field.column, type: field.type, descending, idColumn };
}

export function normalizeLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw invalid(msg('limitRange', { max: MAX_LIMIT }), [
      { field: 'limit', value: String(limit), reason: `must be 1–${MAX_LIMIT}` },
    ]);
  }
  return limit;
}

export function makeCursor(sort: Sort, position: KeysetPosition): string {
  return encodeCursor([sort.name, position.value, position.id]);
}

/** Reads a cursor made by `makeCursor` for the same sort; anything else is the client's error. */
export function readCursor(cursor: string | undefined, sort: Sort): KeysetPosition | null {
  if (!cursor) return null;
  const [name, value, id] = decodeCursor(cursor, 3);
  if (name !== sort.name) {
    throw invalid(msg('cursorWrongSort', { made: String(name), sort: sort.name }), [
      { field: 'cursor', value: cursor, reason: 'cursor does not match the sort' },
    ]);
  }
  const valueOk =
    sort.type === 'int'
      ? Number.isSafeInteger(value)
      : typeof value === 'string' && (sort.type === 'text' || isValidIsoDate(value));
  if (!valueOk || !Number.isSafeInteger(id) || (id as number) < 1) {
    throw invalid(msg('cursorInvalid'), [{ field: 'cursor', value: cursor, reason: 'damaged cursor' }]);
  }
  return { value: value as string | number, id: id as number };
}

const CASTS: Record<SortValueType, RawBuilder<unknown>> = {
  text: sql.raw('text'),
  date: sql.raw('date'),
  int: sql.raw('bigint'),
};

/** `(col, id) > (value, id)` (or `<` when descending): rows strictly after the cursor position. */
export function afterPosition(sort: Sort, position: KeysetPosition): RawBuilder<boolean> {
  const op = sql.raw(sort.descending ? '<' : '>');
  return sql<boolean>`(${sql.ref(sort.column)}, ${sql.ref(sort.idColumn)}) ${op} (cast(${position.value} as ${CASTS[sort.type]}), cast(${position.id} as bigint))`;
}

/**
 * Cuts the `limit + 1` rows a query fetched down to one page and makes the cursor for the next page from
 * the last row kept; the extra row only tells that there is more.
 */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  sort: Sort,
  positionOf: (row: R) => KeysetPosition,
  map: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const kept = rows.slice(0, limit);
  const nextCursor =
    rows.length > limit && kept.length > 0 ? makeCursor(sort, positionOf(kept[kept.length - 1])) : null;
  return { items: kept.map(map), nextCursor };
}
