// A password that changes ends what the old one opened: the user's API tokens are revoked with it, and
// every session but the one making the change (an administrator's reset: every session). The answer says
// how many. Before, the tokens made with the old password kept working after a change or a reset.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiClient } from '../support/http';
import { describeEachStore } from '../support/stores';
import {
  asBrowser,
  authTestServer,
  type CookieSession,
  PASSWORD,
  signedIn,
  userWithPassword,
} from './helpers';

const NEW_PASSWORD = 'a much better passphrase 2026';

describeEachStore('password change revokes tokens', (store) => {
  let server: FastifyInstance;
  beforeAll(async () => {
    server = await authTestServer(store());
  });
  afterAll(() => server.close());

  const bearer = (token: string) =>
    server.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
  const newToken = async (session: CookieSession, name: string) => {
    const response = await asBrowser(server, session, 'POST', '/api/tokens', { name, scope: 'write' });
    expect(response.statusCode).toBe(201);
    return response.json().token as string;
  };

  it('revokes the own tokens and ends the other sessions on a change, keeping the current session', async () => {
    await userWithPassword(store(), 'zhou.change', [{ role: 'finance' }]);
    const current = await signedIn(server, 'zhou.change');
    const other = await signedIn(server, 'zhou.change');
    const tokens = [await newToken(current, 'erp sync'), await newToken(other, 'report script')];
    for (const token of tokens) expect((await bearer(token)).statusCode).toBe(200);

    const changed = await asBrowser(server, current, 'POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ endedSessions: 1, revokedTokens: 2 });
    for (const token of tokens) expect((await bearer(token)).statusCode).toBe(401);
    expect((await asBrowser(server, other, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await asBrowser(server, current, 'GET', '/api/auth/me')).statusCode).toBe(200);
    const listed = (await asBrowser(server, current, 'GET', '/api/tokens')).json().items;
    expect(listed.map((t: { revokedAt: string | null }) => t.revokedAt !== null)).toEqual([true, true]);
  });

  it('revokes every token and session of the user on an administrator’s reset', async () => {
    const userId = await userWithPassword(store(), 'wu.reset', [{ role: 'collector' }]);
    const session = await signedIn(server, 'wu.reset');
    const token = await newToken(session, 'phone app');
    const admin = await apiClient(server, 'admin');
    const reset = await admin.patch(`/api/users/${userId}`, { password: NEW_PASSWORD });
    expect(reset.statusCode).toBe(200);
    expect((await bearer(token)).statusCode).toBe(401);
    expect((await asBrowser(server, session, 'GET', '/api/auth/me')).statusCode).toBe(401);
    // The administrator's own credential is untouched.
    expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
  });
});
