// Keyset pagination for this module's lists: order by one column then id, the cursor holds the last
// row's (value, id). Shared by payments and credit notes.
import { type Expression, type SqlBool, sql } from 'kysely';
import { invalid } from '../../platform/errors';
import { type CursorValue, decodeCursor, encodeCursor } from '../../platform/http/pagination';

export interface SortSpec {
  column: string;
  idColumn: string;
  descending: boolean;
}

/** Parses `receivedDate` / `-amount` against the allowed fields (API name → column). */
export function parseSort(
  sort: string | undefined,
  allowed: Record<string, string>,
  fallback: string,
  idColumn: string,
): SortSpec {
  const text = sort ?? fallback;
  const descending = text.startsWith('-');
  const field = descending ? text.slice(1) : text;
  const column = allowed[field];
  if (!column) {
    throw invalid(`Cannot sort by ${text}`, [
      {
        field: 'sort',
        value: text,
        reason: `one of ${Object.keys(allowed)
          .flatMap((f) => [f, `-${f}`])
          .join(', ')}`,
      },
    ]);
  }
  return { column, idColumn, descending };
}

/** The condition "after the cursor" for this sort, or null without a cursor. */
export function afterCursor(spec: SortSpec, cursor: string | undefined): Expression<SqlBool> | null {
  if (!cursor) return null;
  const [value, id] = decodeCursor(cursor, 2);
  if (typeof id !== 'number' || (typeof value !== 'string' && typeof value !== 'number')) {
    throw invalid('cursor is not valid for this list; start again without it');
  }
  const op = sql.raw(spec.descending ? '<' : '>');
  return sql<SqlBool>`(${sql.ref(spec.column)}, ${sql.ref(spec.idColumn)}) ${op} (${value}, ${id})`;
}

/** Trims the extra row fetched to detect a next page and builds the next cursor. */
export function pageOf<R, T>(
  rows: R[],
  limit: number,
  key: (row: R) => [CursorValue, number],
  map: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: page.map(map),
    nextCursor: hasMore ? encodeCursor(key(page[page.length - 1])) : null,
  };
}

/** `%` and `_` typed by the user are literal characters in a "contains" search. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
