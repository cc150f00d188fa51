// `huikuan import` in-process against a PGlite data directory: the summary, --json, --mapping, --dry-run
// and the exit code 3 of a rejected file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerImportCommands } from '../../src/cli/commands/import';
import { fixture } from './import.fixtures';

describe('huikuan import', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'huikuan-import-cli-'));
  const previous = process.env.HUIKUAN_DATA_DIR;
  beforeAll(() => {
    process.env.HUIKUAN_DATA_DIR = dataDir;
  });
  afterAll(() => {
    process.env.HUIKUAN_DATA_DIR = previous;
    process.exitCode = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function run(...args: string[]): Promise<{ output: string; exitCode: number }> {
    let output = '';
    process.exitCode = undefined;
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output += String(chunk);
      return true;
    });
    try {
      const program = new Command().exitOverride();
      registerImportCommands(program);
      await program.parseAsync(['node', 'huikuan', ...args]);
    } finally {
      spy.mockRestore();
    }
    const exitCode = Number(process.exitCode ?? 0);
    process.exitCode = undefined;
    return { output, exitCode };
  }

  it('validates with --dry-run, loads, and reports a re-import as unchanged', async () => {
    const dry = await run('import', 'invoices', fixture('invoices-utf8.csv'), '--dry-run');
    expect(dry.exitCode).toBe(0);
    expect(dry.output).toContain(
      'validated (dry run, nothing written): 3 row(s) would be 3 inserted, 0 updated, 0 unchanged',
    );
    const loaded = await run('import', 'invoices', fixture('invoices-utf8.csv'));
    expect(loaded.output).toMatch(/^invoices {2}invoices-utf8\.csv {2}\(csv, utf-8, comma\) {2}batch #2\n/);
    expect(loaded.output).toContain('loaded: 3 row(s) — 3 inserted, 0 updated, 0 unchanged');
    expect(loaded.output).toContain('created: entity MAIN, 2 customer(s)');
    const again = JSON.parse((await run('import', 'invoices', fixture('invoices-bom.csv'), '--json')).output);
    expect(again).toMatchObject({ status: 'loaded', inserted: 0, updated: 0, unchanged: 3 });
  });

  it('follows --mapping and exits 3 with each bad row when rejected', async () => {
    const mapped = await run(
      'import',
      'invoices',
      fixture('invoices-mdy.csv'),
      '--mapping',
      fixture('mapping-mdy.json'),
    );
    expect(mapped).toMatchObject({ exitCode: 0 });
    expect(mapped.output).toContain('3 inserted');
    const rejected = await run('import', 'invoices', fixture('invoices-bad.csv'));
    expect(rejected.exitCode).toBe(3);
    expect(rejected.output).toContain('rejected: 8 problem(s) in 9 row(s); nothing was loaded');
    expect(rejected.output).toContain('  line 8  invoice_number "INV-101": duplicate of line 2');
    await expect(run('import', 'bills', fixture('invoices-bad.csv'))).rejects.toThrow(/kind must be one of/);
  });
});
