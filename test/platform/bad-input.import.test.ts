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
