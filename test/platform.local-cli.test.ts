// A server on a PGlite data folder and `huikuan` commands run meanwhile, as separate processes, the way an
// operator uses them: `npm start` in one shell, the CLI in another. A write made by the CLI must reach the
// server's store (and survive its restart); what cannot share the folder is refused with a clear message.
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/platform/db/store';
import { seedLedger } from './ledger/customers.fixtures';
import { usePgliteDataDir } from './support/cli';

/** The environment with the language set to `lang` alone (none of the variables that outrank LANG). */
function inLanguage(env: Record<string, string>, lang: string): NodeJS.ProcessEnv {
  const { HUIKUAN_LOCALE, LC_ALL, LC_MESSAGES, ...rest } = { ...process.env, ...env };
  return { ...rest, LANG: lang };
}

function huikuan(args: string[], env: Record<string, string>, baseEnv: NodeJS.ProcessEnv = process.env) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { ...baseEnv, LOG_LEVEL: 'silent', ...env },
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
    child.stdin.end('');
  });
}

/** Starts `huikuan serve` and resolves with the process and its port once it listens. */
function startServer(
  env: Record<string, string>,
  baseEnv: NodeJS.ProcessEnv = process.env,
): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
      env: { ...baseEnv, LOG_LEVEL: 'silent', PORT: '0', HUIKUAN_WEB_DIST: '/nonexistent', ...env },
    });
    let output = '';
    child.stdout?.on('data', (d) => {
      output += d;
      const port = /web app: +http:\/\/[^:]+:(\d+)\//.exec(output)?.[1];
      if (port) resolve({ child, port: Number(port) });
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });
    child.on('close', (code) => reject(new Error(`server ended (${code}) before listening:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('close', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('the CLI while a server runs on the same PGlite folder', { timeout: 600_000 }, () => {
  const dataDir = usePgliteDataDir('huikuan-local-cli-', seedLedger);
  const env = { HUIKUAN_DATA_DIR: dataDir };
  let server: ChildProcess | undefined;
  afterAll(async () => {
    if (server) await stop(server);
  });

  it('runs a CLI write on the server’s store: the server has it and keeps it after a restart', async () => {
    const started = await startServer(env);
    server = started.child;

    const recorded = await huikuan(
      [
        'payments',
        'record',
        '--customer',
        'C001',
        '--entity',
        'SZ',
        '--reference',
        'LOCAL-1',
        '--date',
        '2026-03-10',
        '--amount',
        '100.00',
      ],
      env,
    );
    expect(recorded.stderr).toBe('');
    expect(recorded.stdout).toMatch(/^recorded: LOCAL-1 /);
    expect(recorded.code).toBe(0);

    // The server sees it at once (its own health answer proves it still runs on the folder).
    const health = await fetch(`http://127.0.0.1:${started.port}/api/health`);
    expect(health.status).toBe(200);
    const shown = await huikuan(['payments', 'show', 'LOCAL-1', '--json'], env);
    expect(JSON.parse(shown.stdout)).toMatchObject({ reference: 'LOCAL-1', amount: 10_000 });

    // A command that fails reports as it would locally: message on stderr, its exit code.
    const missing = await huikuan(['payments', 'show', 'NO-SUCH'], env);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('Payment NO-SUCH not found');

    await stop(server);
    server = undefined;
    const store = await openStore({ dataDir });
    try {
      const kept = await store.db
        .selectFrom('payment')
        .select(['reference', 'amount'])
        .where('reference', '=', 'LOCAL-1')
        .execute();
      expect(kept).toEqual([{ reference: 'LOCAL-1', amount: 10_000 }]);
    } finally {
      await store.close();
    }
  });

  it('refuses a second server, a worker and migrate on the folder, in English and Chinese', async () => {
    const started = await startServer(env);
    server = started.child;
    for (const command of [['serve'], ['worker', '--once'], ['migrate']]) {
      const refused = await huikuan(command, { ...env, PORT: '0', HUIKUAN_LOCALE: 'en' });
      expect(refused.code, command.join(' ')).toBe(2);
      expect(refused.stderr).toContain(`is in use by a huikuan server (pid ${started.child.pid}`);
    }
    // In the user's language (HUIKUAN_LOCALE or LANG), the whole message.
    const chinese = await huikuan(['migrate'], { ...env, HUIKUAN_LOCALE: 'zh-CN' });
    expect(chinese.code).toBe(2);
    expect(chinese.stderr).toContain(`正被huikuan 服务器（进程 ${started.child.pid}`);
    expect(chinese.stderr).toContain('服务器启动时已执行数据库迁移');
  });

  it('answers a forwarded command in the caller’s language, not the server’s', async () => {
    if (server) await stop(server);
    const started = await startServer(env, inLanguage(env, 'en_US.UTF-8'));
    server = started.child;
    const chinese = await huikuan(['payments', 'show', 'NO-SUCH'], env, inLanguage(env, 'zh_CN.UTF-8'));
    expect(chinese.code).toBe(2);
    expect(chinese.stderr).toBe('错误: 付款 NO-SUCH 不存在\n');
    // --locale outranks LANG, as in a local run.
    const english = await huikuan(
      ['payments', 'show', 'NO-SUCH', '--locale', 'en'],
      env,
      inLanguage(env, 'zh_CN.UTF-8'),
    );
    expect(english.stderr).toBe('error: Payment NO-SUCH not found\n');
    await stop(server);
    // And a Chinese server answers an English caller in English.
    const zhServer = await startServer(env, inLanguage(env, 'zh_CN.UTF-8'));
    server = zhServer.child;
    const fromEnglish = await huikuan(['payments', 'show', 'NO-SUCH'], env, inLanguage(env, 'en_US.UTF-8'));
    expect(fromEnglish.stderr).toBe('error: Payment NO-SUCH not found\n');
  });
});
