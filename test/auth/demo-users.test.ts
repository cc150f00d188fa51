// First start: demo sign-ins for each role when the demo data set is loaded, nothing on a real install.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLoginsFile, demoUsersStartHook } from '../../src/auth/demo-users';
import { ROLES } from '../../src/auth/roles';
import { loadDemo } from '../../src/demo/load-demo';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { createTestStore, type TestStore, testApp } from '../support/stores';
import { authTestServer, login } from './helpers';

describe('demo users', () => {
  let test: TestStore;
  let printed = '';
  // The data folder the sign-ins are saved in: a temporary one, not the repository's ./data.
  const dataDir = mkdtempSync(join(tmpdir(), 'huikuan-demo-users-'));
  const app = () => {
    const base = testApp(test.store);
    return { ...base, config: { ...base.config, dataDir } };
  };
  const hook = (options: { demoIfEmpty: boolean }) =>
    demoUsersStartHook(app(), {
      ...options,
      notice: (text) => {
        printed += text;
      },
    });

  beforeAll(async () => {
    test = await createTestStore('pglite');
  });
  afterAll(async () => {
    await test.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('on a store without the demo creates nobody and says how to make the first administrator', async () => {
    await hook({ demoIfEmpty: false });
    await hook({ demoIfEmpty: true });
    expect(printed).toContain('huikuan users create --admin');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from user_role`.execute(
      test.store.db,
    );
    expect(rows[0].n).toBe(0);
  });

  it('after the demo loads, makes one sign-in per role, prints them once, and they work', async () => {
    printed = '';
    await loadDemo(test.store, SYSTEM_ACTOR, {
      customers: 40,
      invoices: 400,
      seed: 7,
      months: 6,
      asOf: '2026-01-06',
    });
    await hook({ demoIfEmpty: true });
    const logins = [...printed.matchAll(/^ {2}(\S+) +(\S{4}-\S{4}-\S{4}-\S{4}) /gm)].map((m) => ({
      username: m[1],
      password: m[2],
    }));
    expect(logins.map((l) => l.username)).toEqual([
      'admin',
      'credit',
      'manager',
      'collector01',
      'sales01',
      'finance',
      'auditor',
    ]);
    const { rows: roles } = await sql<{ role: string }>`select role from user_role order by id`.execute(
      test.store.db,
    );
    expect(roles.map((r) => r.role)).toEqual([...ROLES]);

    const server = await authTestServer(test.store);
    try {
      for (const { username, password } of logins) {
        expect((await login(server, username, password)).statusCode, username).toBe(200);
      }
      // The demo collector is the staff row customers are assigned to: the scoped list is theirs, not empty.
      const collector = logins[3];
      const session = await login(server, collector.username, collector.password);
      const cookie = session.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const list = await server.inject({
        method: 'GET',
        url: '/api/customers?limit=500',
        headers: { cookie },
      });
      const { rows: assigned } = await sql<{ n: number }>`
        select count(*)::int as n from customer c join app_user u on u.id = c.collector_id
        where u.username = 'collector01'`.execute(test.store.db);
      expect(assigned[0].n).toBeGreaterThan(0);
      expect(list.json().items).toHaveLength(assigned[0].n);
    } finally {
      await server.close();
    }

    // Also saved in the data folder, for the owner only, and the notice says where.
    const file = demoLoginsFile(dataDir);
    expect(printed).toContain(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const saved = readFileSync(file, 'utf8');
    for (const { username, password } of logins)
      expect(saved).toMatch(new RegExp(`${username} +${password}`));

    printed = '';
    await hook({ demoIfEmpty: true });
    expect(printed).toBe(''); // second start: nothing new, no passwords printed again
  });
});
