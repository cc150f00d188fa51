// Who sent this request: a session cookie (browser) or an `Authorization: Bearer hk_…` token (scripts, the
// CLI against a remote server). Anything else, or anything expired, revoked or disabled, is anonymous.
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import type { AuthSettings } from './auth-config';
import { ANONYMOUS_ACTOR, actorFor, type Role, type RoleGrant } from './roles';
import { sha256Hex, TOKEN_PREFIX } from './secrets';
import {
  type CredentialOwner,
  findLiveSession,
  findLiveToken,
  touchSession,
  touchToken,
} from './session-queries';
import { findUserById, selectGrants } from './user-queries';

export type RequestAuth =
  | { kind: 'none' }
  | { kind: 'session'; userId: number; tokenHash: string; csrfToken: string }
  | { kind: 'token'; userId: number; tokenId: number; scope: 'read' | 'write' };

export interface Credentials {
  sessionCookie?: string;
  authorization?: string;
}

export interface Authenticated {
  actor: Actor;
  auth: RequestAuth;
}

const NOBODY: Authenticated = { actor: ANONYMOUS_ACTOR, auth: { kind: 'none' } };
// Last-use stamps are written at most this often, so that reads do not turn into writes.
const TOUCH_AFTER_MS = 60_000;

export async function authenticate(
  db: Db,
  settings: AuthSettings,
  credentials: Credentials,
): Promise<Authenticated> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(credentials.authorization ?? '')?.[1];
  if (bearer) {
    if (!bearer.startsWith(TOKEN_PREFIX) || bearer.length > 200) return NOBODY;
    const token = await findLiveToken(db, sha256Hex(bearer));
    if (!token) return NOBODY;
    if (!token.last_used_at || Date.now() - token.last_used_at.getTime() > TOUCH_AFTER_MS) {
      await touchToken(db, token.id);
    }
    return {
      actor: actorFor(ownerOf(token), grantsOf(token), token.scope),
      auth: { kind: 'token', userId: token.user_id, tokenId: token.id, scope: token.scope },
    };
  }
  const cookie = credentials.sessionCookie;
  if (cookie && cookie.length <= 200) {
    const tokenHash = sha256Hex(cookie);
    const session = await findLiveSession(db, tokenHash, settings.sessionIdleMinutes);
    if (!session) return NOBODY;
    if (Date.now() - session.last_seen_at.getTime() > TOUCH_AFTER_MS) await touchSession(db, tokenHash);
    return {
      actor: actorFor(ownerOf(session), grantsOf(session)),
      auth: { kind: 'session', userId: session.user_id, tokenHash, csrfToken: session.csrf_token },
    };
  }
  return NOBODY;
}

function ownerOf(row: CredentialOwner) {
  return { id: row.user_id, username: row.username, displayName: row.display_name };
}

function grantsOf(row: CredentialOwner): RoleGrant[] {
  return row.grants.map((g) => ({ role: g.role as Role, entityId: g.entity_id }));
}

/** The actor of a user by id (after sign-in, and for the CLI acting as a named user). */
export async function actorOfUser(db: Db, userId: number): Promise<Actor> {
  const user = await findUserById(db, userId);
  if (!user) throw new Error(`user ${userId} does not exist`);
  const owner = { id: user.id, username: user.username, displayName: user.display_name };
  return actorFor(owner, await selectGrants(db, userId));
}
