// The HTTP server: one Fastify instance for the API (/api), its OpenAPI docs (/docs) and the built web app.
import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyRequest,
  LogController,
  type RouteOptions,
} from 'fastify';
import type { AppContext } from '../app';
import { AppError, fromDatabaseError, msg } from '../errors';
import { registerInputGuard } from './input-guard';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The right a route needs, e.g. `ledger:read`. Every /api route declares one; the auth layer denies a
     * route without it.
     */
    permission?: string;
  }
  interface FastifyInstance {
    app: AppContext;
  }
}

/**
 * What the composition root (src/app/server.ts) plugs into the server, so that the platform knows no
 * feature: every feature's routes, and the one hook that says who is asking and whether they may.
 */
export interface ServerWiring {
  /** Every feature's routes, mounted under /api. */
  apiRoutes: (server: FastifyInstance) => Promise<void>;
  /** Sets `request.actor` and refuses what the route's permission does not allow (deny by default). */
  guardRequest: (request: FastifyRequest) => Promise<void>;
  /** The rate limit's budget for a request: per user or token, per address only when anonymous. */
  rateLimitKey: (request: FastifyRequest) => Promise<string>;
  /** Sees each route as it is registered (the route rules the guard enforces). */
  onRoute: (server: FastifyInstance, route: RouteOptions) => void;
}

/** A hop count as the function Fastify's types ask for (the first `hops` proxies are believed). */
function trustProxyOption(setting: boolean | number | string) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

export async function createServer(app: AppContext, wiring: ServerWiring): Promise<FastifyInstance> {
  const server = Fastify({
    loggerInstance: app.logger as FastifyBaseLogger,
    // One line per request at debug (below), not two at info: at info the first start's thousands of
    // requests scrolled everything else away. Failures are logged by the error handler at error. (Through
    // the log controller, as Fastify 5 asks: the top-level disableRequestLogging is deprecated, FSTDEP023.)
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 10 * 1024 * 1024,
    // request.ip: the connection's address, or X-Forwarded-For's when it comes from a trusted proxy.
    trustProxy: trustProxyOption(app.config.trustProxy),
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false } },
  }).setValidatorCompiler(TypeBoxValidatorCompiler);
  server.decorate('app', app);
  server.decorateRequest('actor', null as never);
  server.decorateRequest('auth', null as never);
  server.addHook('onRoute', (route) => wiring.onRoute(server, route));
  server.addHook('onResponse', async (request, reply) => {
    request.log.debug(
      { method: request.method, url: request.url, statusCode: reply.statusCode, ms: reply.elapsedTime },
      'request completed',
    );
  });
  registerInputGuard(server);
  // API answers carry ledger data and personal details: no browser or proxy may keep a copy. The web app's
  // files and the docs keep their own caching.
  server.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });

  server.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = error instanceof AppError ? error : fromDatabaseError(error);
    if (appError) {
      return reply.status(appError.status).send({ error: appError.toPayload() });
    }
    if (error.validation) {
      return reply.status(400).send({
        error: {
          ...new AppError('INVALID_INPUT', msg('invalidRequest', { detail: error.message })).toPayload(),
          problems: error.validation.map((issue) => ({
            field: String(
              issue.instancePath || (issue.params as { missingProperty?: string })?.missingProperty || '',
            ),
            reason: issue.message ?? 'invalid',
          })),
        },
      });
    }
    if (error.statusCode && error.statusCode < 500) {
      if (error.statusCode === 413) {
        const coded = new AppError('PAYLOAD_TOO_LARGE', msg('payloadTooLarge')).toPayload();
        return reply.status(413).send({ error: { ...coded, message: error.message } });
      }
      if (error.statusCode === 429) {
        const coded = new AppError('RATE_LIMITED', msg('rateLimited')).toPayload();
        return reply.status(429).send({ error: { ...coded, message: error.message } });
      }
      return reply
        .status(error.statusCode)
        .send({ error: { code: 'INVALID_INPUT', message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: new AppError('INTERNAL', msg('internal')).toPayload() });
  });

  await server.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Ant Design injects component styles at run time
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  // Cookies first: the rate limit's key needs the session.
  await server.register(cookie);
  // One budget per signed-in user or API token, per client address only for anonymous requests: behind a
  // proxy or NAT everyone shares one address.
  await server.register(rateLimit, {
    global: true,
    max: app.config.rateLimitPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (request) => wiring.rateLimitKey(request),
  });
  await server.register(multipart, { limits: { fileSize: app.config.maxUploadBytes, files: 1 } });
  // Who is asking and may they: one hook for every request, after the security headers, the rate limit and
  // cookie parsing, before any body is read (src/auth/request-actor.ts).
  server.addHook('onRequest', async (request) => {
    await wiring.guardRequest(request);
  });
  await server.register(swagger, {
    openapi: {
      info: {
        title: 'huikuan (回款) API',
        version: '0.1.0',
        description: 'Receivables ledger, credit and collections',
      },
      tags: [
        { name: 'system' },
        { name: 'customers' },
        { name: 'contacts' },
        { name: 'invoices' },
        { name: 'payments' },
        { name: 'allocations' },
        { name: 'imports' },
        { name: 'reference' },
        { name: 'collections' },
        { name: 'reports' },
        { name: 'auth' },
        { name: 'users' },
        { name: 'audit' },
      ],
    },
  });
  await server.register(wiring.apiRoutes, { prefix: '/api' });

  const webApp = existsSync(app.config.webDistDir);
  await server.register(async (assets) => {
    // The API docs and the built web app hold no data and must load before anyone signs in: every route
    // these two plugins register is declared public here, in one place. Any other route, /api or not,
    // declares its own rule or is refused (src/auth/request-actor.ts).
    assets.addHook('onRoute', (route) => {
      route.config = { ...route.config, permission: route.config?.permission ?? 'public' };
    });
    await assets.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
    if (webApp) await assets.register(fastifyStatic, { root: app.config.webDistDir, wildcard: false });
    // Client-side routes: any non-API GET that is not a file gets the app shell. Set in this scope, where
    // reply.sendFile is.
    assets.setNotFoundHandler((request, reply) => {
      if (
        webApp &&
        request.method === 'GET' &&
        !request.url.startsWith('/api/') &&
        !request.url.startsWith('/docs')
      ) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply.status(404).send({
        error: new AppError(
          'NOT_FOUND',
          msg('noRoute', { method: request.method, url: request.url }),
        ).toPayload(),
      });
    });
  });
  return server;
}
