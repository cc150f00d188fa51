// Queries for browser sessions, API tokens and sign-in failures (not audited: they change on every sign-in).
import { sql } from 'kysely';
import type { Db, Tx } from '../platform/db/store';

export interface CredentialOwner {
  user_id: number;
  username: string;
  display_name: string;
  /** The owner's role grants, read with the credential: a request is authenticated in one statement. */
  grants: GrantRow[];
}

export interface GrantRow {
  role: string;
  entity_id: number | null;
}

/** The grants of the credential's user (app_user in the query), in grant order, as one JSON column. */
const GRANTS = sql<
  GrantRow[]
>`coalesce((select json_agg(json_build_object('role', r.role, 'entity_id', r.entity_id)
  order by r.id) from user_role r where r.user_id = app_user.id), '[]'::json)`.as('grants');

export interface SessionRow extends CredentialOwner {
  csrf_token: string;
  last_seen_at: Date;
}

/** A live session of an enabled user: not past its absolute end, not idle longer than `idleMinutes`. */
export function findLiveSession(
  db: Db,
  tokenHash: string,
  idleMinutes: number,
): Promise<SessionRow | undefined> {
  return db
    .selectFrom('user_session')
    .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
    .select([
      'user_session.user_id',
      'app_user.username',
      'app_user.display_name',
      'user_session.csrf_token',
      'user_session.last_seen_at',
      GRANTS,
    ])
    .where('user_session.token_hash', '=', tokenHash)
    .where('user_session.expires_at', '>', sql<Date>`now()`)
    .where('user_session.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
    .where('app_user.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function touchSession(db: Db, tokenHash: string): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ last_seen_at: sql<Date>`now()` })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function insertSession(
  db: Db | Tx,
  values: {
    tokenHash: string;
    userId: number;
    csrfToken: string;
    maxHours: number;
    ip: string;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto('user_session')
    .values({
      token_hash: values.tokenHash,
      user_id: values.userId,
      csrf_token: values.csrfToken,
      expires_at: sql<Date>`now() + make_interval(hours => ${values.maxHours})`,
      ip: values.ip,
      user_agent: values.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
}

export async function deleteSession(db: Db | Tx, tokenHash: string): Promise<void> {
  await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
}

/** Ends a user's sessions, except the one given (the session that changed its own password). */
export async function deleteUserSessions(
  db: Db | Tx,
  userId: number,
  exceptTokenHash?: string,
): Promise<number> {
  let query = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (exceptTokenHash) query = query.where('token_hash', '<>', exceptTokenHash);
  // Counted from the rows returned: PGlite's driver reports no affected-row count.
  return (await query.returning('token_hash').execute()).length;
}

/** Housekeeping on sign-in: ended sessions are of no use to anyone. */
export async function deleteEndedSessions(db: Db | Tx, idleMinutes: number): Promise<void> {
  await db
    .deleteFrom('user_session')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', sql<Date>`now()`),
        eb('last_seen_at', '<=', sql<Date>`now() - make_interval(mins => ${idleMinutes})`),
      ]),
    )
    .execute();
}

export interface TokenOwnerRow extends CredentialOwner {
  id: number;
  scope: 'read' | 'write';
  last_used_at: Date | null;
}

export function findLiveToken(db: Db, tokenHash: string): Promise<TokenOwnerRow | undefined> {
  return db
    .selectFrom('api_token')
    .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
    .select([
      'api_token.id',
      'api_token.user_id',
      'app_user.username',
      'app_user.display_name',
      'api_token.scope',
      'api_token.last_used_at',
      GRANTS,
    ])
    .where('api_token.token_hash', '=', tokenHash)
    .where('api_token.revoked_at', 'is', null)
    .where((eb) =>
      eb.or([eb('api_token.expires_at', 'is', null), eb('api_token.expires_at', '>', sql<Date>`now()`)]),
    )
    .where('app_user.disabled_at', 'is', null)
    .executeTakeFirst();
}

/** Last use, kept to the minute. The audit trigger leaves this column out, so it adds no entries. */
export async function touchToken(db: Db, id: number): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: sql<Date>`now()` }).where('id', '=', id).execute();
}

export interface LoginStateRow {
  failed_count: number;
  last_failed_at: Date | null;
  locked_until: Date | null;
}

/**
 * The user's sign-in state, locked (FOR UPDATE) until the transaction ends: concurrent sign-ins of one
 * account then count their failures one after another instead of each reading the same count. The row is
 * made on first use, so that there is always a row to lock.
 */
export async function lockLoginState(tx: Tx, userId: number): Promise<LoginStateRow> {
  await tx
    .insertInto('login_state')
    .values({
      user_id: userId,
      failed_count: 0,
      last_failed_at: null,
      locked_until: null,
      last_login_at: null,
    })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  return tx
    .selectFrom('login_state')
    .select(['failed_count', 'last_failed_at', 'locked_until'])
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** The state row of an account that cannot sign in, read and locked like lockLoginState's (none: nothing). */
export async function peekLoginState(tx: Tx, userId: number): Promise<void> {
  await tx
    .selectFrom('login_state')
    .select('failed_count')
    .where('user_id', '=', userId)
    .forUpdate()
    .execute();
}

export async function saveLoginState(
  db: Db | Tx,
  userId: number,
  state: { failedCount: number; lastFailedAt: Date | null; lockedUntil: Date | null; loggedIn: boolean },
): Promise<void> {
  const values = {
    failed_count: state.failedCount,
    last_failed_at: state.lastFailedAt,
    locked_until: state.lockedUntil,
    ...(state.loggedIn ? { last_login_at: new Date() } : {}),
  };
  await db
    .insertInto('login_state')
    .values({ user_id: userId, last_login_at: null, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}
