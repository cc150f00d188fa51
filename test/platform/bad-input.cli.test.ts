// Bad input to the CLI is a clear error naming the field, never a stack trace; good input works; names are
// printed without the control characters that a terminal would obey.
// biome-ignore-all lint/suspicious/noControlCharactersInRegex: the test looks for control characters
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { registerAuditCommands } from '../../src/cli/commands/audit';
import { registerCustomerCommands } from '../../src/cli/commands/customers';
import { AppError } from '../../src/platform/errors';
import { seedLedger } from '../ledger/customers.fixtures';
import { cliRunner, usePgliteDataDir } from '../support/cli';

/** The AppError a command threw (the CLI prints it as `error: … field: reason` and exits 2). */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function fields(error: AppError): (string | null | undefined)[] {
  return (error.details?.problems ?? []).map((p) => p.field);
}

describe('CLI bad input', () => {
  usePgliteDataDir('huikuan-badinput-cli-', seedLedger);
  const run = cliRunner(registerAuditCommands, registerCustomerCommands);

  it('searches the audit log by date, and refuses an impossible date naming the option', async () => {
    const found = await run('audit', 'search', '--from', '2026-01-01', '--table', 'customer', '--json');
    expect(JSON.parse(found).length).toBeGreaterThan(0);
    const until = await run('audit', 'search', '--to', '2000-01-01', '--json');
    expect(JSON.parse(until)).toEqual([]);
    const bad = await failure(run('audit', 'search', '--from', '2026-02-30'));
    expect(bad.code).toBe('INVALID_INPUT');
    expect(fields(bad)).toEqual(['from']);
  });
});

/** `huikuan …` as a separate process, as an operator runs it. */
function huikuan(args: string[], env: Record<string, string>) {
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
    child.stdin.end();
  });
}

const ESCAPES = '\u001b]0;pwned\u0007\u001b[2J\u001b[31m红色\u009b1m\u0007';

describe('CLI output of names with terminal escapes', () => {
  const dataDir = usePgliteDataDir('huikuan-escapes-cli-', async (db) => {
    await seedLedger(db);
    // Written past the API's checks, as older data or another tool could have.
    await db
      .updateTable('customer')
      .set({ name: `恶意${ESCAPES}公司` })
      .where('code', '=', 'C001')
      .execute();
  });

  it('prints names without control characters, in tables, details and errors', {
    timeout: 180_000,
  }, async () => {
    for (const args of [
      ['customers', 'list'],
      ['customers', 'show', 'C001'],
      ['customers', 'show', `NOPE${ESCAPES}`],
    ]) {
      const result = await huikuan(args, { HUIKUAN_DATA_DIR: dataDir });
      const output = result.stdout + result.stderr;
      expect(output, args.join(' ')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      if (args[1] !== 'show' || args[2] === 'C001') expect(output, args.join(' ')).toContain('恶意红色公司');
    }
  });
});
