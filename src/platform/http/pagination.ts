// Keyset pagination: the cursor carries the last row's sort value and id, so page N costs the same as page
// 1 at a million rows (no OFFSET). Cursors are opaque base64url JSON.
import { Type } from 'typebox';
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
