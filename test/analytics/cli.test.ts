// `huikuan report …` in-process against a PGlite data directory holding the fixture ledger: the README's
// `--format xlsx > aging.xlsx` writes the workbook to a redirected stdout, and refuses a terminal.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerReportCommands } from '../../src/cli/commands/report';
import { migrate } from '../../src/platform/db/migrate';
import { openStore } from '../../src/platform/db/store';
import { addDays, todayIn } from '../../src/shared/dates';
import { loadFixture } from './fixture';

describe('huikuan report', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'huikuan-report-cli-'));
  const previous = process.env.HUIKUAN_DATA_DIR;

  beforeAll(async () => {
    const store = await openStore({ dataDir });
    await migrate(store);
    await loadFixture(store.db);
    await store.close();
    process.env.HUIKUAN_DATA_DIR = dataDir;
  });
  afterAll(() => {
    process.env.HUIKUAN_DATA_DIR = previous;
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Runs the command with stdout captured as bytes, as a terminal or as a redirected file. */
  async function run(tty: boolean, ...args: string[]): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const wasTty = process.stdout.isTTY;
    process.stdout.isTTY = tty;
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((
      chunk: string | Uint8Array,
      ...rest: unknown[]
    ) => {
      chunks.push(Buffer.from(chunk));
      const callback = rest.find((x) => typeof x === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write);
    const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const program = new Command().exitOverride();
      registerReportCommands(program);
      await program.parseAsync(['node', 'huikuan', 'report', ...args]);
    } finally {
      spy.mockRestore();
      quiet.mockRestore();
      process.stdout.isTTY = wasTty;
    }
    return Buffer.concat(chunks);
  }

  const firstSheet = async (bytes: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    return { name: sheet.name, header: sheet.getRow(1).getCell(1).value, first: sheet.getRow(2).values };
  };

  it('writes the Excel workbook to a redirected stdout, as in the README', async () => {
    const bytes = await run(false, 'aging', '--as-of', '2026-03-31', '--by', 'customer', '--format', 'xlsx');
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip: the .xlsx container
    const sheet = await firstSheet(bytes);
    expect(sheet.name).toBe('Aging 2026-03-31 (due)');
    expect(sheet.header).toBe('Group');
    expect(sheet.first).toContain('客户B');
  });

  it("writes the workbook in the user's language (HUIKUAN_LOCALE, LANG or --locale)", async () => {
    const before = process.env.HUIKUAN_LOCALE;
    process.env.HUIKUAN_LOCALE = 'zh-CN';
    try {
      const bytes = await run(
        false,
        'aging',
        '--as-of',
        '2026-03-31',
        '--by',
        'customer',
        '--format',
        'xlsx',
      );
      const sheet = await firstSheet(bytes);
      expect(sheet.name).toBe('账龄 2026-03-31（按到期日）');
      expect(sheet.header).toBe('分组');
    } finally {
      if (before === undefined) delete process.env.HUIKUAN_LOCALE;
      else process.env.HUIKUAN_LOCALE = before;
    }
  });

  it('refuses to write the workbook to a terminal, and still writes --out', async () => {
    await expect(run(true, 'aging', '--as-of', '2026-03-31', '--format', 'xlsx')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('--out FILE.xlsx'),
    });
    const out = join(dataDir, 'aging.xlsx');
    const printed = await run(true, 'aging', '--as-of', '2026-03-31', '--format', 'xlsx', '--out', out);
    expect(printed.length).toBe(0);
    expect((await firstSheet(readFileSync(out))).header).toBe('Group');
  });

  it('refuses `report dso --to` a future date instead of moving it to today, and shows the CEI formula', async () => {
    const tomorrow = addDays(todayIn('Asia/Shanghai'), 1);
    await expect(run(false, 'dso', '--from', '2026-01-01', '--to', tomorrow)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/after today/),
    });
    const report = JSON.parse(
      (await run(false, 'dso', '--from', '2026-01-01', '--to', '2026-03-31')).toString(),
    );
    expect(report.period.to).toBe('2026-03-31');
    expect(report.ceiSummary).toMatchObject({
      months: 3,
      formula: expect.stringContaining('credit sales / N'),
    });
    expect(typeof report.period.dso).toBe('number');
  });
});
