// Sign-in costs the same whoever signs in: an unknown username, a disabled account, a locked one and a wrong
// password each take one argon2 verification (a dummy hash with the same parameters where there is no
// usable one) and one audited transaction. Before, an unknown or disabled account skipped the transaction
// and answered faster (27 vs 21 ms, 16 vs 11 ms), which told which usernames exist.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { authSettings } from '../../src/auth/auth-config';
import { passwordCheck } from '../../src/auth/secrets';
import { SIGN_IN_FAILED } from '../../src/auth/sign-in';
import { describeEachStore } from '../support/stores';
import { authTestServer, login, userWithPassword } from './helpers';

type Path = 'unknown' | 'disabled' | 'locked' | 'wrong password';
const ATTEMPT: Record<Path, [string, string]> = {
  unknown: ['timing.nobody', 'some password 1'],
  disabled: ['timing.disabled', 'some password 1'],
  locked: ['timing.locked', 'some password 1'],
  'wrong password': ['timing.active', 'some password 1'],
};
const PATHS = Object.keys(ATTEMPT) as Path[];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** The argon2 parameters part of a PHC string: `$argon2id$v=19$m=…,t=…,p=…$`. */
const parameters = (phc: string) => phc.split('$').slice(0, 4).join('$');

describeEachStore('sign-in timing', (store, kind) => {
  let server: FastifyInstance;
  let realHash: string;
  beforeAll(async () => {
    server = await authTestServer(store());
    const db = store().db;
    await userWithPassword(store(), 'timing.active', [{ role: 'collector' }]);
    const disabled = await userWithPassword(store(), 'timing.disabled', [{ role: 'collector' }]);
    await sql`update app_user set disabled_at = now() where id = ${disabled}`.execute(db);
    await userWithPassword(store(), 'timing.locked', [{ role: 'collector' }]);
    for (let i = 0; i < authSettings().lockoutThreshold; i++)
      await login(server, 'timing.locked', `wrong ${i}`);
    const { rows } = await sql<{ password_hash: string }>`
      select password_hash from app_user where username = 'timing.active'`.execute(db);
    realHash = rows[0].password_hash;
  });
  afterAll(() => server.close());
  afterEach(() => vi.restoreAllMocks());

  it('verifies one argon2 hash of the same parameters and records one audit entry on every path', async () => {
    const verify = vi.spyOn(passwordCheck, 'verify');
    const auditCount = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(store().db)).rows[0].n;
    for (const path of PATHS) {
      verify.mockClear();
      const before = await auditCount();
      const response = await login(server, ...ATTEMPT[path]);
      expect(response.statusCode, path).toBe(401);
      expect(response.json().error.message, path).toBe(SIGN_IN_FAILED);
      expect(verify, path).toHaveBeenCalledTimes(1);
      expect(parameters(verify.mock.calls[0][0]), path).toBe(parameters(realHash));
      expect((await auditCount()) - before, path).toBe(1);
    }
  });

  it('answers every failure in about the same time', async () => {
    const times: Record<Path, number[]> = { unknown: [], disabled: [], locked: [], 'wrong password': [] };
    // Interleaved, so that the machine's load falls on every path alike; each round from an address of its
    // own, so that the sign-in rate limit (per address) does not answer instead.
    for (let round = 0; round < 15; round++) {
      for (const path of PATHS) {
        const [username, password] = ATTEMPT[path];
        const start = performance.now();
        const response = await server.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password },
          remoteAddress: `10.9.0.${round + 1}`,
        });
        times[path].push(performance.now() - start);
        expect(response.statusCode).toBe(401);
      }
    }
    const medians = Object.fromEntries(PATHS.map((p) => [p, Math.round(median(times[p]) * 10) / 10]));
    console.log(`sign-in failure medians (ms, ${kind}):`, JSON.stringify(medians));
    const reference = medians['wrong password'];
    for (const path of PATHS) {
      expect(medians[path] / reference, `${path}: ${JSON.stringify(medians)}`).toBeGreaterThan(0.5);
      expect(medians[path] / reference, `${path}: ${JSON.stringify(medians)}`).toBeLessThan(2);
    }
  });
});
