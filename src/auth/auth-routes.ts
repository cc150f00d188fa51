// /api/auth: sign-in, sign-out, who am I, change my password, the roles table.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { authSettings, CSRF_COOKIE, SESSION_COOKIE } from './auth-config';
import { ChangePasswordBody, LoginBody, Me, RoleInfo } from './auth-schemas';
import { actorOfUser } from './authenticate';
import { changePassword } from './change-password';
import { getMe } from './get-me';
import { ROLE_LABELS, ROLE_RIGHTS, ROLES } from './roles';
import { dummyPasswordHash } from './secrets';
import { signIn } from './sign-in';
import { signOut } from './sign-out';

const tags = ['auth'];

function cookieOptions(request: FastifyRequest, httpOnly: boolean, maxAgeSeconds?: number) {
  const { secureCookies } = authSettings();
  const secure = secureCookies === 'always' || (secureCookies === 'auto' && request.protocol === 'https');
  return {
    path: '/',
    httpOnly,
    sameSite: 'strict' as const,
    secure,
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  };
}

function clearCookies(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request, true));
  reply.clearCookie(CSRF_COOKIE, cookieOptions(request, false));
}

export const authRoutes: FastifyPluginAsyncTypebox = async (server) => {
  const db = () => server.app.store.db;
  const settings = authSettings();
  // Made now, so that the first unknown username does not also pay for hashing it.
  await dummyPasswordHash();

  server.post(
    '/auth/login',
    {
      config: {
        permission: 'public',
        rateLimit: { max: settings.loginRatePerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Sign in: sets the session cookie; send csrfToken back as x-csrf-token on changes',
        body: LoginBody,
        response: { 200: Me },
      },
    },
    async (request, reply) => {
      const result = await signIn(db(), settings, {
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      const maxAge = settings.sessionMaxHours * 3600;
      reply.setCookie(SESSION_COOKIE, result.sessionToken, cookieOptions(request, true, maxAge));
      reply.setCookie(CSRF_COOKIE, result.csrfToken, cookieOptions(request, false, maxAge));
      const auth = {
        kind: 'session' as const,
        userId: result.userId,
        tokenHash: '',
        csrfToken: result.csrfToken,
      };
      return getMe(db(), await actorOfUser(db(), result.userId), auth);
    },
  );

  server.post(
    '/auth/logout',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'Sign out: ends the session', response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await signOut(db(), request.actor, request.auth);
      clearCookies(request, reply);
      return reply.status(204).send(null);
    },
  );

  server.get(
    '/auth/me',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'The signed-in user, roles and rights', response: { 200: Me } },
    },
    (request) => getMe(db(), request.actor, request.auth),
  );

  server.post(
    '/auth/password',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Change my password (ends my other sessions)',
        body: ChangePasswordBody,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await changePassword(db(), request.actor, request.auth, request.body);
      return reply.status(204).send(null);
    },
  );

  server.get(
    '/auth/roles',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'The roles and the rights each grants',
        response: { 200: Type.Object({ items: Type.Array(RoleInfo) }) },
      },
    },
    async () => ({
      items: ROLES.map((role) => ({ role, label: ROLE_LABELS[role], rights: [...ROLE_RIGHTS[role]] })),
    }),
  );
};
