// What an import says beside its counts: the totals row of an ERP export skipped (not a reason to refuse the
// file), and invoice numbers that differ from existing ones only by leading zeros (Excel drops them).
import { expect, it } from 'vitest';
import { describeEachStore } from '../support/stores';
import { invoiceLines, runImport, tempFile } from './import.fixtures';

const HEADER = '客户编码,客户名称,发票号,开票日期,到期日,金额,币种';
const csv = (name: string, ...rows: string[]) => tempFile(name, [HEADER, ...rows].join('\n'));

describeEachStore('import notes', (store) => {
  it('skips the totals row at the end of a Kingdee export and says so', async () => {
    const path = csv(
      'kingdee.csv',
      'C001,上海甲公司,T-1,2024-01-06,2024-02-05,1234.50,CNY',
      'C002,北京乙公司,T-2,2024-01-08,2024-03-08,1000.00,CNY',
      '合计,,,,,2234.50,',
    );
    const report = await runImport(store(), 'invoices', path);
    expect(report).toMatchObject({ status: 'loaded', rowsTotal: 2, inserted: 2, errorCount: 0 });
    expect(report.skipped).toEqual([
      {
        line: 4,
        field: null,
        value: '合计',
        reason: 'a totals row (合计), not a record: skipped',
        code: 'totals_row',
        params: { word: '合计' },
      },
    ]);
    const other = csv(
      'total-en.csv',
      'C001,上海甲公司,T-3,2024-01-06,2024-02-05,1.00,CNY',
      ',Total :,,,,1.00,CNY',
      ',小 计,,,,1.00,',
    );
    const again = await runImport(store(), 'invoices', other, { dryRun: true });
    expect(again).toMatchObject({ status: 'validated', rowsTotal: 1 });
    expect(again.skipped.map((s) => [s.line, s.value])).toEqual([
      [3, 'Total :'],
      [4, '小 计'],
    ]);
    // A row with a customer code is a record, whatever its name says.
    const named = csv('named-total.csv', 'C009,Total,T-9,2024-01-06,2024-02-05,1.00,CNY');
    expect(await runImport(store(), 'invoices', named, { dryRun: true })).toMatchObject({
      rowsTotal: 1,
      skipped: [],
    });
    expect(await invoiceLines(store())).toHaveLength(2);
  });
});
