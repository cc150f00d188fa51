// `huikuan report limitation` in-process against a PGlite data directory holding the limitation fixture.
import { describe, expect, it } from 'vitest';
import { registerReportCommands } from '../../src/cli/commands/report';
import { cliRunner, usePgliteDataDir } from '../support/cli';
import { loadLegalFixture } from './fixture';

describe('huikuan report limitation', () => {
  usePgliteDataDir('huikuan-limitation-cli-', loadLegalFixture);
  const run = cliRunner(registerReportCommands);

  it('--json lists each open invoice with start, expiry, the event that set it and its evidence', async () => {
    const report = JSON.parse(
      await run('report', 'limitation', '--as-of', '2026-06-30', '--entity', 'LG-E', '--json'),
    );
    expect(
      report.invoices.map((l: Record<string, unknown>) => [
        l.number,
        l.start,
        l.expiry,
        l.expiryWithWeak,
        l.band,
      ]),
    ).toEqual([
      ['LG-L3', '2023-01-11', '2026-01-12', '2026-01-12', 'expired'],
      ['LG-L1', '2023-10-02', '2026-10-08', '2028-12-01', '180'],
      ['LG-L2', '2024-03-16', '2027-03-15', '2028-12-01', 'ok'],
    ]);
    expect(report.invoices[2].setBy).toMatchObject({ kind: 'payment', evidence: 'LG-P1', proven: true });
  });

  it('prints one line per invoice without --json, filtered by customer', async () => {
    const out = await run('report', 'limitation', '--as-of', '2026-06-30', '--customer', 'LG-B');
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0].split('\t').slice(0, 10)).toEqual([
      'LG-E',
      'LG-B',
      'LG-L3',
      '2023-01-10',
      'due',
      '2023-01-10',
      '2026-01-12',
      '2026-01-12',
      '-169',
      'expired',
    ]);
  });
});
