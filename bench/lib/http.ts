// The real HTTP server for read benchmarks: built as `huikuan serve` builds it, listening on port 0, with an
// administrator's API token; requests go through fetch (keep-alive), so figures include HTTP and JSON.
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/app/server';
import { createToken } from '../../src/auth/create-token';
import { createUser } from '../../src/auth/create-user';
import { findUserByUsername } from '../../src/auth/user-queries';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { loadConfig } from '../../src/platform/config';
import type { Store } from '../../src/platform/db/store';
import { createLogger } from '../../src/platform/logger';

export interface BenchServer {
  baseUrl: string;
  /** One GET; `ms` is the time of the answered request (a rate-limited attempt is retried, not timed). */
  get(path: string): Promise<{ status: number; body: unknown; ms: number }>;
  close(): Promise<void>;
}

async function adminToken(store: Store): Promise<string> {
  const username = 'bench_admin';
  const existing = await findUserByUsername(store.db, username);
  const userId =
    existing?.id ??
    (
      await createUser(store.db, SYSTEM_ACTOR, {
        username,
        displayName: 'benchmark',
        roles: [{ role: 'admin' }],
      })
    ).id;
  return (await createToken(store.db, SYSTEM_ACTOR, { userId, name: `bench ${Date.now()}`, scope: 'read' }))
    .token;
}

export async function startBenchServer(store: Store): Promise<BenchServer> {
  const config = { ...loadConfig({ ...process.env, LOG_LEVEL: 'silent' }), port: 0, host: '127.0.0.1' };
  const server: FastifyInstance = await buildServer({ config, store, logger: createLogger('silent') });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(server.server.address() as { port: number }).port}`;
  const token = await adminToken(store);
  const get = async (path: string) => {
    for (;;) {
      const start = performance.now();
      const response = await fetch(baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
      const body = await response.json();
      const ms = performance.now() - start;
      if (response.status !== 429) return { status: response.status, body, ms };
      // The API's rate limit (per minute) is not what is measured: wait it out and ask again.
      await new Promise((resolve) =>
        setTimeout(resolve, 1000 * Number(response.headers.get('retry-after') ?? 5)),
      );
    }
  };
  return { baseUrl, get, close: () => server.close() };
}
