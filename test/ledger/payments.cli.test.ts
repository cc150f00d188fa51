// `huikuan payments record|reverse`, `allocate` and `unallocate` in-process against a PGlite data directory
// seeded with the fixture ledger (customers.fixtures.ts): C001 owes I-001 (open 700.00) and I-002 (500.00) in SZ.
import { describe, expect, it } from 'vitest';
import { registerAllocationCommands } from '../../src/cli/commands/allocations';
import { registerPaymentCommands } from '../../src/cli/commands/payments';
import { openStore } from '../../src/platform/db/store';
import { cliRunner, usePgliteDataDir } from '../support/cli';
import { seedLedger } from './customers.fixtures';

// Every command opens the PGlite store from disk (seconds each on a busy machine): tests here run several.
describe('huikuan payments and allocations', { timeout: 240_000 }, () => {
  const dataDir = usePgliteDataDir('huikuan-payments-cli-', seedLedger);
  const run = cliRunner(registerPaymentCommands, registerAllocationCommands);

  /** Open amounts of C001's SZ invoices, read straight from the store. */
  async function openAmounts(): Promise<Record<string, number>> {
    const store = await openStore({ dataDir });
    try {
      const rows = await store.db
        .selectFrom('invoice')
        .select(['number', 'open_amount'])
        .where('number', 'in', ['I-001', 'I-002'])
        .execute();
      return Object.fromEntries(rows.map((row) => [row.number, row.open_amount]));
    } finally {
      await store.close();
    }
  }

  const record = (...extra: string[]) =>
    run(
      'payments',
      'record',
      '--customer',
      'C001',
      '--entity',
      'SZ',
      '--reference',
      'CLI-1',
      '--date',
      '2026-03-10',
      '--amount',
      '800.00',
      '--invoices',
      'I-002',
      ...extra,
    );

  it('records a payment and allocates it: named invoice first, then oldest due; a repeat records nothing', async () => {
    const recorded = await record();
    expect(recorded).toMatch(/^recorded: CLI-1 +2026-03-10 +C001 +CNY 800\.00 +unapplied 0\.00 +applied\n/);
    expect(recorded).toContain('  → I-002 500.00 (reference)\n  → I-001 300.00 (fifo)\n');
    expect(await openAmounts()).toEqual({ 'I-001': 40_000, 'I-002': 0 });
    expect(await record()).toMatch(/^already recorded: CLI-1 /);
    await expect(record('--amount', '1.00')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(record('--reference', 'CLI-X', '--amount', '-1')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('records without allocating, allocates by hand, and unallocates', async () => {
    const unapplied = JSON.parse(
      await run(
        'payments',
        'record',
        '--customer',
        'C001',
        '--entity',
        'SZ',
        '--reference',
        'CLI-2',
        '--date',
        '2026-03-11',
        '--amount',
        '100',
        '--no-auto-allocate',
        '--json',
      ),
    );
    expect(unapplied).toMatchObject({ created: true, payment: { unappliedAmount: 10_000, allocations: [] } });

    const allocation = JSON.parse(
      await run('allocate', '--payment', 'CLI-2', '--invoice', 'I-001', '--amount', '60.00', '--json'),
    );
    expect(allocation).toMatchObject({
      paymentId: unapplied.payment.id,
      invoiceNumber: 'I-001',
      amount: 6_000,
      method: 'manual',
      reversedOn: null,
      invoiceOpenAmount: 34_000,
    });
    expect(await openAmounts()).toMatchObject({ 'I-001': 34_000 });

    const undone = await run('unallocate', String(allocation.id), '--date', '2026-03-12');
    expect(undone).toBe(
      `allocation #${allocation.id}: payment #${unapplied.payment.id} → I-001 CNY 60.00 (manual, reversed 2026-03-12); invoice open 400.00\n`,
    );
    expect(await openAmounts()).toMatchObject({ 'I-001': 40_000 });

    await expect(run('allocate', '--invoice', 'I-001', '--amount', '1')).rejects.toThrow(
      /exactly one of --payment and --credit-note/,
    );
    await expect(run('unallocate', 'abc')).rejects.toThrow(/allocation id must be a number/);
  });

  it('reverses a bounced payment: its allocations are reversed and its invoices re-open', async () => {
    const reversed = await run('payments', 'reverse', 'CLI-1', '--date', '2026-03-14', '--reason', 'bounced');
    expect(reversed).toMatch(
      /^reversed: CLI-1 +2026-03-10 .* reversed 2026-03-14\n {2}2 allocation\(s\) reversed\n$/,
    );
    expect(await openAmounts()).toEqual({ 'I-001': 70_000, 'I-002': 50_000 });
    const shown = JSON.parse(await run('payments', 'show', 'CLI-1', '--json'));
    expect(shown).toMatchObject({ reversedOn: '2026-03-14', reversalReason: 'bounced', unappliedAmount: 0 });
    expect(shown.allocations.map((a: { reversedOn: string }) => a.reversedOn)).toEqual([
      '2026-03-14',
      '2026-03-14',
    ]);
    await expect(
      run('payments', 'reverse', 'NOPE', '--date', '2026-03-14', '--reason', 'x'),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
