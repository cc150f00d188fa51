// The CLI as an operator uses it: first administrator, tokens, `audit verify` (also after tampering), and
// `remote` calls against a running server with a token.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/auth/create-token';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { inPinnedTransaction, openStore } from '../../src/platform/db/store';
import { createTestStore, type TestStore } from '../support/stores';
import { authTestServer, userWithPassword } from './helpers';

function huikuan(args: string[], env: Record<string, string>, input?: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

// Each command is a fresh Node process that opens the store: allow for a busy machine.
const SLOW = { timeout: 180_000 };

describe('huikuan users / tokens / audit on a local store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'huikuan-cli-'));
  const env = { HUIKUAN_DATA_DIR: dir };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the first administrator with the password from stdin', SLOW, async () => {
    const created = await huikuan(
      [
        'users',
        'create',
        '--admin',
        '--username',
        'root',
        '--display-name',
        '管理员',
        '--password-stdin',
        '--json',
      ],
      env,
      'a long enough passphrase\n',
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({
      username: 'root',
      hasPassword: true,
      roles: [{ role: 'admin' }],
    });
    const weak = await huikuan(
      ['users', 'create', '--username', 'weak', '--display-name', 'w', '--password-stdin'],
      env,
      'short',
    );
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('at least 10 characters');
  });

  it(
    'verifies the audit log, and reports the entry a superuser altered behind the triggers',
    SLOW,
    async () => {
      const ok = await huikuan(['audit', 'verify'], env);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/^audit log OK: \d+ entries/);
      const head = await huikuan(['audit', 'head'], env);
      expect(head.code).toBe(0);
      const hash = /hash ([0-9a-f]{64})/.exec(head.stdout)?.[1] as string;
      expect(head.stdout).toMatch(/^audit head: \d+ entries, hash [0-9a-f]{64}, newest entry \d{4}-/);
      const throughHead = await huikuan(['audit', 'verify', '--head', hash], env);
      expect(throughHead.code).toBe(0);
      expect(throughHead.stdout).toContain('recorded head found at entry #');
      const unknownHead = await huikuan(['audit', 'verify', '--head', 'f'.repeat(64)], env);
      expect(unknownHead.code).toBe(4);
      expect(unknownHead.stdout).toContain('no entry has the recorded head hash');
      const store = await openStore({ dataDir: dir });
      await inPinnedTransaction(store, async ({ db }) => {
        await sql`set local session_replication_role = replica`.execute(db);
        await sql`update audit_log set after = jsonb_set(after, '{display_name}', '"mallory"') where id = 1`.execute(
          db,
        );
      });
      await store.close();
      const broken = await huikuan(['audit', 'verify'], env);
      expect(broken.code).toBe(4);
      expect(broken.stdout).toContain('audit log BROKEN at entry #1: content does not match its hash');
    },
  );
});

describe('huikuan remote with an API token', () => {
  let test: TestStore;
  let server: Awaited<ReturnType<typeof authTestServer>>;
  let base: string;
  let readToken: string;

  beforeAll(async () => {
    test = await createTestStore('pglite');
    server = await authTestServer(test.store);
    await server.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(server.server.address() as { port: number }).port}`;
    const userId = await userWithPassword(test.store, 'remote.finance', [{ role: 'finance' }]);
    readToken = (await createToken(test.store.db, SYSTEM_ACTOR, { userId, name: 'laptop', scope: 'read' }))
      .token;
  });
  afterAll(async () => {
    await server.close();
    await test.dispose();
  });

  it('reads with the token, is refused a change with a read token, and without a token', SLOW, async () => {
    const env = { HUIKUAN_SERVER: base, HUIKUAN_TOKEN: readToken };
    const me = await huikuan(['remote', 'get', '/api/auth/me'], env);
    expect(me.code).toBe(0);
    expect(JSON.parse(me.stdout)).toMatchObject({
      user: { username: 'remote.finance' },
      authenticatedBy: 'token',
    });
    const write = await huikuan(
      ['remote', 'post', '/api/customers', '--data', '{"code":"R1","name":"远程"}'],
      env,
    );
    expect(write.code).toBe(2);
    expect(JSON.parse(write.stdout).error.code).toBe('FORBIDDEN');
    const noToken = await huikuan(['remote', 'get', '/api/customers'], {
      HUIKUAN_SERVER: base,
      HUIKUAN_TOKEN: 'hk_wrong',
    });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('refused the token');
  });
});
