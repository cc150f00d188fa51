// Lock-out under parallel attempts: each sign-in reads and writes the account's failure count in one
// transaction with the row locked, so wrong passwords sent all at once are counted one after another and
// lock the account exactly as the same number sent in a row would. Before, every parallel attempt read the
// same count and the account never locked.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { authSettings } from '../../src/auth/auth-config';
import { SIGN_IN_FAILED } from '../../src/auth/sign-in';
import { describeEachStore } from '../support/stores';
import { authTestServer, login, userWithPassword } from './helpers';

const PARALLEL = 30;

describeEachStore('lock-out with parallel sign-ins', (store) => {
  let server: FastifyInstance;
  let userId: number;
  beforeAll(async () => {
    server = await authTestServer(store());
    userId = await userWithPassword(store(), 'qian.parallel', [{ role: 'collector' }]);
  });
  afterAll(() => server.close());

  it(`locks the account after ${PARALLEL} wrong passwords sent at once`, async () => {
    const attempts = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => login(server, 'qian.parallel', `wrong password ${i}`)),
    );
    expect(attempts.map((response) => response.statusCode)).toEqual(Array(PARALLEL).fill(401));

    const { rows } = await sql<{ locked: boolean }>`
      select locked_until > now() as locked from login_state where user_id = ${userId}`.execute(store().db);
    expect(rows).toEqual([{ locked: true }]);
    // The right password is refused now, with the same answer as any failure.
    const right = await login(server, 'qian.parallel');
    expect(right.statusCode).toBe(401);
    expect(right.json().error.message).toBe(SIGN_IN_FAILED);

    // Counted one after another: failures up to the threshold, one lock-out, then refusals.
    const threshold = authSettings().lockoutThreshold;
    const { rows: ops } = await sql<{ op: string; n: number }>`
      select op, count(*)::int as n from audit_log
      where table_name = 'app_user' and row_key = ${JSON.stringify({ id: userId })}::jsonb
        and op in ('LOGIN', 'LOGIN_FAILED', 'LOCKED', 'LOGIN_REFUSED')
      group by op order by op`.execute(store().db);
    expect(ops).toEqual([
      { op: 'LOCKED', n: 1 },
      { op: 'LOGIN_FAILED', n: threshold - 1 },
      { op: 'LOGIN_REFUSED', n: PARALLEL - threshold + 1 },
    ]);
  });
});
