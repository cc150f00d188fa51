// Sign-in, sessions, CSRF, lock-out, rate limit, tokens and security headers through the HTTP API.

import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_FAILED } from '../../src/auth/sign-in';
import { apiClient } from '../support/http';
import { createTestStore, describeEachStore } from '../support/stores';
import { asBrowser, authTestServer, login, PASSWORD, signedIn, userWithPassword } from './helpers';

describeEachStore('sessions', (store) => {
  let server: FastifyInstance;

  beforeAll(async () => {
    server = await authTestServer(store());
    await userWithPassword(store(), 'wang.fang', [{ role: 'finance' }]);
    await userWithPassword(store(), 'li.lei', [{ role: 'collector' }]);
  });
  afterAll(() => server.close());

  it('signs in with httpOnly, SameSite=Strict cookies and answers who is signed in', async () => {
    const response = await login(server, 'wang.fang');
    expect(response.statusCode).toBe(200);
    const session = response.cookies.find((c) => c.name === 'hk_session');
    const csrf = response.cookies.find((c) => c.name === 'hk_csrf');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(csrf?.httpOnly).toBeFalsy(); // the app reads it to echo it in x-csrf-token
    expect(response.json().csrfToken).toBe(csrf?.value);
    const stored = await sql<{ token_hash: string }>`select token_hash from user_session`.execute(store().db);
    expect(stored.rows.map((r) => r.token_hash)).not.toContain(session?.value); // only the hash is kept

    const me = await asBrowser(server, await signedIn(server, 'wang.fang'), 'GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { username: 'wang.fang', roles: [{ role: 'finance', entityId: null }] },
      rights: [
        'ledger:read',
        'ledger:write',
        'payments:write',
        'imports:write',
        'reports:read',
        'collections:read',
      ],
      customerScope: 'all',
      authenticatedBy: 'session',
    });
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await login(server, 'nobody.here', PASSWORD);
    const wrong = await login(server, 'li.lei', 'not the password at all');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().error.message).toBe(SIGN_IN_FAILED);
    expect(wrong.cookies).toEqual([]);
  });

  it('needs the CSRF token for changes, and signs out for good', async () => {
    const session = await signedIn(server, 'wang.fang');
    const noHeader = await asBrowser(
      server,
      session,
      'POST',
      '/api/tokens',
      { name: 'x', scope: 'read' },
      { csrf: null },
    );
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error.message).toContain('x-csrf-token');
    const withHeader = await asBrowser(server, session, 'POST', '/api/tokens', { name: 'x', scope: 'read' });
    expect(withHeader.statusCode).toBe(201);

    const out = await asBrowser(server, session, 'POST', '/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'hk_session')?.value).toBe('');
    // The old cookie no longer works, even if a browser (or a thief) kept it.
    expect((await asBrowser(server, session, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('ends a session after the idle time and at the absolute end', async () => {
    const idle = await signedIn(server, 'wang.fang');
    const ended = await signedIn(server, 'wang.fang');
    const hashOf = async (s: typeof idle) =>
      (
        await sql<{
          h: string;
        }>`select encode(sha256(convert_to(${s.cookie.match(/hk_session=([^;]+)/)?.[1]}, 'UTF8')), 'hex') as h`.execute(
          store().db,
        )
      ).rows[0].h;
    await sql`update user_session set last_seen_at = now() - interval '3 hours' where token_hash = ${await hashOf(idle)}`.execute(
      store().db,
    );
    await sql`update user_session set expires_at = now() - interval '1 second' where token_hash = ${await hashOf(ended)}`.execute(
      store().db,
    );
    expect((await asBrowser(server, idle, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await asBrowser(server, ended, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('locks the account after 5 wrong passwords: then even the right one fails, with the same message', async () => {
    await userWithPassword(store(), 'zhao.lock', [{ role: 'collector' }]);
    for (let i = 0; i < 5; i++)
      expect((await login(server, 'zhao.lock', `wrong password ${i}`)).statusCode).toBe(401);
    const locked = await login(server, 'zhao.lock');
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.message).toBe(SIGN_IN_FAILED);
    const state = await sql<{ locked: boolean }>`
      select locked_until > now() + interval '14 minutes' as locked from login_state l
      join app_user u on u.id = l.user_id where u.username = 'zhao.lock'`.execute(store().db);
    expect(state.rows[0].locked).toBe(true);
    // When the lock has passed, the right password works again.
    await sql`update login_state set locked_until = now() - interval '1 second'
              where user_id = (select id from app_user where username = 'zhao.lock')`.execute(store().db);
    expect((await login(server, 'zhao.lock')).statusCode).toBe(200);
  });

  it('records sign-ins, failures and lock-outs in the audit log, without the password', async () => {
    await userWithPassword(store(), 'qian.audit', [{ role: 'collector' }]);
    for (let i = 0; i < 6; i++) await login(server, 'qian.audit', `wrong password ${i}`);
    await sql`update login_state set locked_until = null
              where user_id = (select id from app_user where username = 'qian.audit')`.execute(store().db);
    await asBrowser(server, await signedIn(server, 'qian.audit'), 'POST', '/api/auth/logout');
    const events = await sql<{ op: string; after: unknown }>`
      select op, after from audit_log where table_name = 'app_user'
        and row_key = (select jsonb_build_object('id', id) from app_user where username = 'qian.audit')
        and op in ('LOGIN', 'LOGIN_FAILED', 'LOCKED', 'LOGIN_REFUSED', 'LOGOUT')`.execute(store().db);
    const ops = new Set(events.rows.map((e) => e.op));
    expect([...ops].sort()).toEqual(['LOCKED', 'LOGIN', 'LOGIN_FAILED', 'LOGIN_REFUSED', 'LOGOUT']);
    const everything = await sql<{
      text: string;
    }>`select string_agg(coalesce(after::text, '') || coalesce(before::text, ''), ' ') as text from audit_log`.execute(
      store().db,
    );
    expect(everything.rows[0].text).not.toContain(PASSWORD);
    expect(everything.rows[0].text).not.toContain('$argon2');
  });

  it('ends sessions and tokens of a disabled user at once', async () => {
    const session = await signedIn(server, 'li.lei');
    const admin = await apiClient(server, 'admin');
    const token = await asBrowser(server, session, 'POST', '/api/tokens', { name: 'script', scope: 'read' });
    const bearer = { authorization: `Bearer ${token.json().token}` };
    expect((await server.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(
      200,
    );
    const userId = (await asBrowser(server, session, 'GET', '/api/auth/me')).json().user.id;
    expect((await admin.patch(`/api/users/${userId}`, { disabled: true })).statusCode).toBe(200);
    expect((await asBrowser(server, session, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await server.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(
      401,
    );
    expect((await login(server, 'li.lei')).statusCode).toBe(401);
    await admin.patch(`/api/users/${userId}`, { disabled: false });
    expect((await login(server, 'li.lei')).statusCode).toBe(200);
  });

  it('revokes a token at once; a read token may only read', async () => {
    const session = await signedIn(server, 'wang.fang');
    const created = await asBrowser(server, session, 'POST', '/api/tokens', {
      name: 'ERP sync',
      scope: 'read',
    });
    const { id, token, prefix } = created.json();
    expect(token.startsWith(prefix)).toBe(true);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await server.inject({ method: 'GET', url: '/api/customers', headers: bearer })).statusCode).toBe(
      200,
    );
    const write = await server.inject({
      method: 'POST',
      url: '/api/customers',
      headers: bearer,
      payload: { code: 'T1', name: 'x' },
    });
    expect(write.statusCode).toBe(403);
    const listed = (await asBrowser(server, session, 'GET', '/api/tokens')).json().items;
    expect(JSON.stringify(listed)).not.toContain(token); // the secret is never listed
    expect((await asBrowser(server, session, 'DELETE', `/api/tokens/${id}`)).json().revokedAt).not.toBeNull();
    expect((await server.inject({ method: 'GET', url: '/api/customers', headers: bearer })).statusCode).toBe(
      401,
    );
  });

  it('changes the own password with the current one, and refuses weak passwords', async () => {
    await userWithPassword(store(), 'sun.pw', [{ role: 'auditor' }]);
    const session = await signedIn(server, 'sun.pw');
    const other = await signedIn(server, 'sun.pw');
    const weak = await asBrowser(server, session, 'POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.problems[0]).toMatchObject({ field: 'password' });
    const wrongCurrent = await asBrowser(server, session, 'POST', '/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'a much better passphrase',
    });
    expect(wrongCurrent.statusCode).toBe(400);
    const ok = await asBrowser(server, session, 'POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'a much better passphrase',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ endedSessions: 1, revokedTokens: 0 });
    expect((await asBrowser(server, session, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await asBrowser(server, other, 'GET', '/api/auth/me')).statusCode).toBe(401); // other sessions end
    expect((await login(server, 'sun.pw', 'a much better passphrase')).statusCode).toBe(200);
  });

  it('sends security headers on every answer, refusals included', async () => {
    const refused = await server.inject({ method: 'GET', url: '/api/customers' });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
    });
    expect(refused.headers['content-security-policy']).toContain("script-src 'self'");
    expect(refused.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 after too many attempts from one address, before checking any password', async () => {
    const previous = process.env.HUIKUAN_LOGIN_RATE_PER_MINUTE;
    process.env.HUIKUAN_LOGIN_RATE_PER_MINUTE = '3';
    const test = await createTestStore('pglite');
    const server = await authTestServer(test.store);
    try {
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await login(server, 'whoever', 'whatever')).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      if (previous === undefined) delete process.env.HUIKUAN_LOGIN_RATE_PER_MINUTE;
      else process.env.HUIKUAN_LOGIN_RATE_PER_MINUTE = previous;
      await server.close();
      await test.dispose();
    }
  });
});
