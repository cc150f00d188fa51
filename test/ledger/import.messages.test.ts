// Import messages that say what is really wrong, where: a GBK row in a small UTF-8 file, dates out of the
// accepted range, an unclosed quote at its own line, a trailing lone quote, two columns of one name.
import iconv from 'iconv-lite';
import { expect, it } from 'vitest';
import { AppError } from '../../src/platform/errors';
import { describeEachStore } from '../support/stores';
import { runImport, tempFile } from './import.fixtures';

const HEADER = '客户编码,客户名称,发票号,开票日期,到期日,金额,币种';
const csv = (name: string, ...rows: string[]) => tempFile(name, [HEADER, ...rows].join('\n'));

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describeEachStore('import messages', (store) => {
  it('names the GBK line of a small UTF-8 file instead of reading it all as GBK', async () => {
    const utf8 = (text: string) => Buffer.from(text, 'utf8');
    const path = tempFile(
      'mostly-utf8.csv',
      Buffer.concat([
        utf8(`${HEADER}\nC001,上海甲公司,M-1,2024-01-06,2024-02-05,1.00,CNY\n`),
        iconv.encode('C002,北京乙公司,M-2,2024-01-06,2024-02-05,1.00,CNY\n', 'gbk'),
        utf8('C003,广州丙公司,M-3,2024-01-06,2024-02-05,1.00,CNY\n'),
      ]),
    );
    const report = await runImport(store(), 'invoices', path, { dryRun: true });
    expect(report.status).toBe('rejected');
    expect(report.errors).toEqual([
      {
        line: 3,
        field: null,
        value: null,
        reason: expect.stringMatching(
          /^not valid UTF-8 while the lines before it are: this row is probably GBK/,
        ),
        code: 'invalid_utf8_line',
        params: { line: 3 },
      },
    ]);
  });

  it('says a date is out of the accepted range, with the range', async () => {
    const report = await runImport(
      store(),
      'invoices',
      csv(
        'range.csv',
        'C001,甲,R-1,9999-12-31,,1.00,CNY',
        'C001,甲,R-2,0001-01-01,,1.00,CNY',
        'C001,甲,R-3,2024-01-06,31/12/9999,1.00,CNY',
      ),
      { dryRun: true },
    );
    expect(report.errors.map((e) => [e.line, e.field, e.reason])).toEqual([
      [2, 'issue_date', '"9999-12-31" is out of the accepted range of dates (1900-01-01 to 2999-12-31)'],
      [3, 'issue_date', '"0001-01-01" is out of the accepted range of dates (1900-01-01 to 2999-12-31)'],
      [4, 'due_date', expect.stringMatching(/^"31\/12\/9999" is out of the accepted range of dates/)],
    ]);
  });

  it('reports an unclosed quote at the line it opens, not as a bad value of another line', async () => {
    const error = await refusal(
      runImport(
        store(),
        'invoices',
        csv(
          'quote.csv',
          'C001,甲,Q-1,2024-01-06,2024-02-05,1.00,CNY',
          'C001,"甲,Q-2,2024-01-06,2024-02-05,1.00,CNY',
          'C001,甲,Q-3,2024-01-06,2024-02-05,1.00,CNY',
        ),
      ),
    );
    expect(error.status).toBe(400);
    expect(error.details?.problems).toEqual([
      expect.objectContaining({ line: 3, code: 'unclosed_quote', params: { line: 3, column: 2 } }),
    ]);
    expect(error.message).toMatch(/at line 3: the quote \("\) opened in column 2 is never closed/);
  });

  it('refuses a trailing line of just a quote instead of dropping it', async () => {
    const error = await refusal(
      runImport(store(), 'invoices', csv('lone.csv', 'C001,甲,L-1,2024-01-06,2024-02-05,1.00,CNY', '"')),
    );
    expect(error.details?.problems).toEqual([expect.objectContaining({ line: 3, code: 'unclosed_quote' })]);
  });

  it('refuses two columns of one name as ambiguous, naming both', async () => {
    const path = tempFile(
      'two-amounts.csv',
      '客户编码,客户名称,发票号,开票日期,到期日,金额,币种,金额\nC001,甲,A-1,2024-01-06,2024-02-05,1.00,CNY,2.00\n',
    );
    const report = await runImport(store(), 'invoices', path, { dryRun: true });
    expect(report.status).toBe('rejected');
    expect(report.errors).toEqual([
      {
        line: 1,
        field: 'amount',
        value: '金额',
        reason:
          '2 columns are named "金额" (columns F, H): which one is amount cannot be told; rename the others or remove them',
        code: 'ambiguous_column',
        params: { field: 'amount', header: '金额', columns: 'F, H' },
      },
    ]);
  });
});
