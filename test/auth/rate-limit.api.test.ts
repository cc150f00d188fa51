// The request budget (HUIKUAN_RATE_LIMIT_PER_MINUTE, default 3,000) is counted per signed-in user or API
// token, and per client address only for anonymous requests: behind a reverse proxy or a NAT, where every
// user comes from one address, each keeps a budget of their own. The client address is taken from
// X-Forwarded-For only from a proxy named in HUIKUAN_TRUST_PROXY. Before, one budget per address was shared
// by everyone behind it (50 busy users got 70,022 × 429 in a minute).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/app/server';
import { loadConfig } from '../../src/platform/config';
import { type ApiClient, apiClientFor } from '../support/http';
import { createTestStore, type TestStore, testApp } from '../support/stores';

const BUDGET = 5;

describe('rate limit per user', () => {
  let test: TestStore;
  let server: FastifyInstance;
  let first: ApiClient;
  let second: ApiClient;
  beforeAll(async () => {
    test = await createTestStore('pglite');
    const app = testApp(test.store);
    const config = loadConfig({
      NODE_ENV: 'test',
      HUIKUAN_RATE_LIMIT_PER_MINUTE: String(BUDGET),
      HUIKUAN_TRUST_PROXY: '127.0.0.1',
    });
    server = await buildServer({ ...app, config: { ...config, logLevel: 'silent' } });
    first = await apiClientFor(server, { username: 'rl.first', roles: [{ role: 'auditor' }] });
    second = await apiClientFor(server, { username: 'rl.second', roles: [{ role: 'auditor' }] });
  });
  afterAll(async () => {
    await server.close();
    await test.dispose();
  });

  const statuses = async (send: () => Promise<{ statusCode: number }>, n: number) => {
    const codes: number[] = [];
    for (let i = 0; i < n; i++) codes.push((await send()).statusCode);
    return codes;
  };

  it('gives two users from one address a budget each', async () => {
    // Both through the same address (server.inject comes from 127.0.0.1).
    expect(await statuses(() => first.get('/api/auth/me'), BUDGET + 1)).toEqual([
      ...Array(BUDGET).fill(200),
      429,
    ]);
    expect(await statuses(() => second.get('/api/auth/me'), BUDGET)).toEqual(Array(BUDGET).fill(200));
  });

  it('counts anonymous requests per client address, from X-Forwarded-For only behind a trusted proxy', async () => {
    const anonymous =
      (forwardedFor: string, remoteAddress = '127.0.0.1') =>
      () =>
        server.inject({
          method: 'GET',
          url: '/api/health',
          remoteAddress,
          headers: { 'x-forwarded-for': forwardedFor },
        });
    const one = await statuses(anonymous('203.0.113.7'), BUDGET + 1);
    expect(one.at(-1)).toBe(429);
    expect(one.slice(0, BUDGET).every((code) => code !== 429)).toBe(true);
    // Another client behind the same trusted proxy has its own budget…
    expect((await anonymous('203.0.113.8')()).statusCode).not.toBe(429);
    // …but an untrusted sender cannot pick its address by a header: it is counted as itself.
    const untrusted = await statuses(anonymous('198.51.100.1', '192.0.2.50'), BUDGET);
    expect(untrusted.every((code) => code !== 429)).toBe(true);
    expect((await anonymous('198.51.100.2', '192.0.2.50')()).statusCode).toBe(429);
  });
});

it('reads HUIKUAN_TRUST_PROXY: off by default, addresses, a hop count or true', () => {
  expect(loadConfig({}).trustProxy).toBe(false);
  expect(loadConfig({ HUIKUAN_TRUST_PROXY: '' }).trustProxy).toBe(false);
  expect(loadConfig({ HUIKUAN_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  expect(loadConfig({ HUIKUAN_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  expect(loadConfig({ HUIKUAN_TRUST_PROXY: '2' }).trustProxy).toBe(2);
  expect(loadConfig({ HUIKUAN_TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }).trustProxy).toBe(
    '10.0.0.1,10.1.0.0/16',
  );
  expect(loadConfig({}).rateLimitPerMinute).toBe(3000);
  expect(() => loadConfig({ HUIKUAN_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/HUIKUAN_RATE_LIMIT_PER_MINUTE/);
});
