// Imported codes and names: control characters are refused by line and field; codes are normalised and a
// code that only differs from another by invisible characters or full-width letters is refused; parent
// cycles are refused.
import { expect, it } from 'vitest';
import { runImport, tempFile } from '../ledger/import.fixtures';
import { describeEachStore } from '../support/stores';

const HEADER = '客户编码,客户名称,上级客户编码\n';

describeEachStore('imported codes and names', (store) => {
  it('refuses control characters in codes and names, by line and field', async () => {
    const file = tempFile(
      'controls.csv',
      `${HEADER}CTL\u0007X,贝尔公司,\nCTL-2,"红色\u001b[31m公司",\nCTL-3,"two\nlines",\n`,
    );
    const report = await runImport(store(), 'customers', file);
    expect(report.status).not.toBe('loaded');
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'customer_code'],
      [3, 'customer_name'],
      [4, 'customer_name'],
    ]);
    expect(report.errors[0].reason).toContain('control characters');
  });
});

describeEachStore('imported codes are normalised', (store) => {
  it('matches a code with invisible or full-width characters to the stored one, and refuses a look-alike', async () => {
    const first = await runImport(store(), 'customers', tempFile('n1.csv', `${HEADER}NRM-1,甲,\n`));
    expect(first.errors).toEqual([]);
    const second = await runImport(
      store(),
      'customers',
      tempFile('n2.csv', `${HEADER}\u200bＮＲＭ-1,甲改名,\nNRM-2\ufeff,乙,ＮＲＭ-1\n`),
    );
    expect(second.errors).toEqual([]);
    const rows = await store()
      .db.selectFrom('customer as c')
      .leftJoin('customer as p', 'p.id', 'c.parent_id')
      .select(['c.code', 'c.name', 'p.code as parent'])
      .where('c.code', 'like', 'NRM%')
      .orderBy('c.code')
      .execute();
    expect(rows).toEqual([
      { code: 'NRM-1', name: '甲改名', parent: null },
      { code: 'NRM-2', name: '乙', parent: 'NRM-1' },
    ]);
    await store().db.insertInto('customer').values({ code: 'OLD\u200b-9', name: '旧' }).execute();
    const lookalike = await runImport(store(), 'customers', tempFile('n3.csv', `${HEADER}OLD-9,新,\n`));
    expect(lookalike.errors.map((e) => [e.line, e.field])).toEqual([[2, 'customer_code']]);
    expect(lookalike.errors[0].reason).toContain('OLD<U+200B>-9');
  });
});

describeEachStore('imported customer groups without loops', (store) => {
  it('refuses parents that form a loop within the file or with stored customers', async () => {
    const inFile = await runImport(
      store(),
      'customers',
      tempFile('loop1.csv', `${HEADER}CY-1,一,CY-2\nCY-2,二,CY-1\nCY-3,三,\n`),
    );
    expect(inFile.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'parent_code'],
      [3, 'parent_code'],
    ]);
    expect(inFile.errors[0].reason).toContain('loop');
    const stored = await runImport(
      store(),
      'customers',
      tempFile('loop2.csv', `${HEADER}ST-1,一,\nST-2,二,ST-1\n`),
    );
    expect(stored.errors).toEqual([]);
    const closing = await runImport(store(), 'customers', tempFile('loop3.csv', `${HEADER}ST-1,一,ST-2\n`));
    expect(closing.errors.map((e) => [e.line, e.field])).toEqual([[2, 'parent_code']]);
  });
});

describeEachStore('imported history dates', (store) => {
  it('refuses a history row settled before its invoice date, by line and field, instead of moving it', async () => {
    const report = await runImport(
      store(),
      'history',
      tempFile(
        'history-early.csv',
        'Customer Code,Customer Name,Invoice No,Invoice Date,Due Date,Amount,Settled Date\n' +
          'HS-1,早付公司,HE-001,2023-03-10,2023-04-09,100.00,2023-03-10\n' +
          'HS-1,早付公司,HE-002,2023-03-10,2023-04-09,100.00,2023-03-09\n',
      ),
    );
    expect(report.errors).toEqual([
      {
        line: 3,
        field: 'settled_date',
        value: '2023-03-09',
        reason: 'settled on 2023-03-09, before the invoice date 2023-03-10',
      },
    ]);
    expect(report.status).not.toBe('loaded');
  });
});
