// Bad input to the CLI is a clear error naming the field, never a stack trace; good input works.
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
