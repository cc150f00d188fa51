// Keyset pagination: the cursor carries the last row's sort value and id, so page N costs the same as page
// 1 at a million rows (no OFFSET). Cursors are opaque base64url JSON.
import { Type } from 'typebox';
import { isValidIsoDate } from '../../shared/dates';
import { invalid, msg } from '../errors';

export type CursorValue = string | number | boolean | null;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, expectedLength: number): CursorValue[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === expectedLength) return values as CursorValue[];
  } catch {
    // fall through to the error below
  }
  throw badCursor(cursor);
}

/** The one error for a cursor this list did not make (tampered, cut off, or from another sort). */
export function badCursor(cursor: string, reason = 'not a cursor this list made; start again without it') {
  return invalid(msg('cursorInvalid'), [{ field: 'cursor', value: cursor.slice(0, 200), reason }]);
}

/** What a keyset list sorts on: a calendar date (YYYY-MM-DD) or a whole number (bigint). */
export type KeysetKind = 'date' | 'integer';

/**
 * A cursor of [sort value, row id], as a keyset list sorted on a date or a whole number makes it; anything
 * else — not base64 JSON, another shape, a value of the wrong kind, an impossible date, an id that is not a
 * positive whole number — is the one `badCursor` 400 on the `cursor` field, never a database error.
 * Whole numbers may arrive as text (bigint columns); they are returned as they came, for a `cast(… as bigint)`.
 */
export function readKeysetCursor(cursor: string, kind: 'date'): [string, number];
export function readKeysetCursor(cursor: string, kind: KeysetKind): [string | number, number];
export function readKeysetCursor(cursor: string, kind: KeysetKind): [string | number, number] {
  const [value, id] = decodeCursor(cursor, 2);
  const valueOk =
    kind === 'date'
      ? typeof value === 'string' && isValidIsoDate(value)
      : (typeof value === 'number' && Number.isSafeInteger(value)) ||
        (typeof value === 'string' && /^-?\d{1,18}$/.test(value));
  const idOk =
    (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) ||
    (typeof id === 'string' && /^\d{1,18}$/.test(id) && Number.isSafeInteger(Number(id)) && Number(id) > 0);
  if (!valueOk || !idOk) throw badCursor(cursor);
  return [value as string | number, Number(id)];
}

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 2000 })),
};

export function Page<T extends import('typebox').TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  });
}

export interface PageResult<T> {
  items: T[];
  nextCursor: string | null;
}
