// The CLI commands run in-process against a PGlite data directory seeded with the fixture ledger.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerCustomerCommands } from '../../src/cli/commands/customers';
import { parseRateLines, registerEntityCommands } from '../../src/cli/commands/entities';
import { registerInvoiceCommands } from '../../src/cli/commands/invoices';
import { displayWidth, formatTable } from '../../src/cli/commands/ledger-table';
import { cliRunner, usePgliteDataDir } from '../support/cli';
import { seedLedger } from './customers.fixtures';

describe('CLI output', () => {
  it('aligns tables by display width, Chinese counting double', () => {
    expect(displayWidth('华为ab')).toBe(6);
    const table = formatTable(
      [{ header: 'Name' }, { header: 'Open', align: 'right' }],
      [
        ['华为', 'CNY 1,200.00\nUSD 200.00'],
        ['Acme', ''],
      ],
    );
    expect(table).toBe(
      [
        'Name          Open',
        '----  ------------',
        '华为  CNY 1,200.00',
        '        USD 200.00',
        'Acme',
        '',
      ].join('\n'),
    );
  });

  it('reads rate files with or without a header', () => {
    expect(parseRateLines('\uFEFFfrom,to,date,rate\nusd,cny,2026-01-01,7.1\n\n')).toEqual([
      { fromCurrency: 'USD', toCurrency: 'CNY', rateDate: '2026-01-01', rate: '7.1' },
    ]);
    expect(parseRateLines('JPY;CNY;2026-01-02;0.0478')).toHaveLength(1);
    expect(() => parseRateLines('USD,CNY,2026-01-01')).toThrow(/from,to,date,rate/);
  });
});

describe('CLI commands', () => {
  const dataDir = usePgliteDataDir('huikuan-cli-', seedLedger);
  const run = cliRunner(registerEntityCommands, registerCustomerCommands, registerInvoiceCommands);

  it('lists customers with balances and shows one customer', async () => {
    const list = await run('customers', 'list', '--q', '华为');
    expect(list).toContain('C001  深圳华为技术有限公司  华南    李催收');
    expect(list).toContain('CNY 1,200.00');
    expect(list).toContain('USD 15.00');
    const shown = JSON.parse(await run('customers', 'show', 'C001', '--json'));
    expect(shown.customer.lastPaymentDate).toBe('2026-03-01');
    expect(shown.openInvoices.map((i: { number: string }) => i.number)).toEqual(['I-001', 'I-003', 'I-002']);
    const human = await run('customers', 'show', 'C001');
    expect(human).toMatch(/I-001 +SZ +2026-01-01 +2026-01-31 +\d+ +CNY 1,000.00 +CNY 700.00/);
  });

  it('lists invoices of a customer and imports rates', async () => {
    const page = JSON.parse(await run('invoices', 'list', '--customer', 'C002', '--json'));
    expect(page.items.map((i: { number: string }) => i.number)).toEqual(['I-101']);
    const file = join(dataDir, 'rates.csv');
    writeFileSync(file, 'from,to,date,rate\nUSD,CNY,2026-01-01,7.1\n');
    expect(await run('rates', 'import', file)).toBe('rates: 1 inserted, 0 replaced\n');
    expect(await run('rates', 'list', '--date', '2026-02-01')).toContain('USD   CNY  2026-01-01   7.1');
    await expect(run('invoices', 'list', '--customer', 'NOPE')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
