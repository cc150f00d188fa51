// Queries for personal API tokens.
import { sql } from 'kysely';
import type { Db, Tx } from '../platform/db/store';

export interface TokenRow {
  id: number;
  user_id: number;
  username: string;
  name: string;
  prefix: string;
  scope: 'read' | 'write';
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export function selectTokens(db: Db | Tx, filter: { userId?: number; id?: number }): Promise<TokenRow[]> {
  let query = db
    .selectFrom('api_token')
    .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
    .select([
      'api_token.id',
      'api_token.user_id',
      'app_user.username',
      'api_token.name',
      'api_token.prefix',
      'api_token.scope',
      'api_token.created_at',
      'api_token.expires_at',
      'api_token.last_used_at',
      'api_token.revoked_at',
    ])
    .orderBy('api_token.id', 'desc')
    .limit(500);
  if (filter.userId !== undefined) query = query.where('api_token.user_id', '=', filter.userId);
  if (filter.id !== undefined) query = query.where('api_token.id', '=', filter.id);
  return query.execute();
}

export async function insertToken(
  tx: Tx,
  values: {
    userId: number;
    name: string;
    tokenHash: string;
    prefix: string;
    scope: 'read' | 'write';
    expiresInDays?: number;
  },
): Promise<number> {
  const row = await tx
    .insertInto('api_token')
    .values({
      user_id: values.userId,
      name: values.name,
      token_hash: values.tokenHash,
      prefix: values.prefix,
      scope: values.scope,
      expires_at: values.expiresInDays
        ? sql<Date>`now() + make_interval(days => ${values.expiresInDays})`
        : null,
      last_used_at: null,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Revokes every live token of a user (its password changed); returns how many. */
export async function revokeUserTokens(tx: Tx, userId: number): Promise<number> {
  const result = await tx
    .updateTable('api_token')
    .set({ revoked_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return result.length;
}

export async function markTokenRevoked(tx: Tx, id: number): Promise<void> {
  await tx
    .updateTable('api_token')
    .set({ revoked_at: sql<Date>`coalesce(revoked_at, now())` })
    .where('id', '=', id)
    .execute();
}
