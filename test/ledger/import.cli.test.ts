// `huikuan import` in-process against a PGlite data directory: the summary, --json, --mapping, --dry-run
// and the exit code 3 of a rejected file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerImportCommands } from '../../src/cli/commands/import';
import { migrate } from '../../src/platform/db/migrate';
import { openStore } from '../../src/platform/db/store';
import { fixture } from './import.fixtures';

describe('huikuan import', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'huikuan-import-cli-'));
  const previous = process.env.HUIKUAN_DATA_DIR;
  beforeAll(async () => {
    // Migrating a fresh data directory takes PGlite most of a minute on a busy machine: not in a test.
    const store = await openStore({ dataDir });
    await migrate(store);
    await store.close();
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

  it('reads the file in the encoding --encoding names', async () => {
    const file = join(dataDir, 'gbk.csv');
    // An ASCII header and a name whose GBK bytes are valid UTF-8: without --encoding it reads as UTF-8.
    const text =
      'Customer Code,Customer Name,Invoice No,Invoice Date,Due Date,Amount\nC007,一为业,INV-701,2024-01-06,2024-02-05,1\n';
    writeFileSync(file, iconv.encode(text, 'gbk'));
    const loaded = JSON.parse((await run('import', 'invoices', file, '--encoding', 'gbk', '--json')).output);
    expect(loaded).toMatchObject({ status: 'loaded', inserted: 1, source: { encoding: 'gb18030' } });
    await expect(run('import', 'invoices', file, '--encoding', 'latin1')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  }, 120_000);

  it('says how it read a/b/yyyy dates when no mapping said', async () => {
    const file = join(dataDir, 'dmy.csv');
    writeFileSync(
      file,
      '客户编码,客户名称,发票号,开票日期,到期日,金额\nC008,Acme,INV-801,13/6/2024,13/7/2024,1\n',
    );
    const loaded = await run('import', 'invoices', file);
    expect(loaded.output).toContain('dates: read as D/M/YYYY, inferred from line 2 issue_date "13/6/2024"');
  }, 120_000);

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
