// Pure parts of the import: header recognition, mapping files, cell values, encoding and delimiter
// sniffing, the CSV splitter and COPY text.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { copyLine } from '../../src/ledger/import/copy-text';
import { type CsvRecord, CsvSplitter } from '../../src/ledger/import/csv-splitter';
import { decideDateOrder } from '../../src/ledger/import/date-order';
import { TextReader, type TextReaderOptions } from '../../src/ledger/import/decode-text';
import { normalizeHeader, suggestColumns } from '../../src/ledger/import/headers';
import { parseMapping, parseMappingJson, resolveColumns } from '../../src/ledger/import/mapping';
import { contactRole } from '../../src/ledger/import/rows-parties';
import { sniffDelimiter, sniffEncoding } from '../../src/ledger/import/sniff';
import {
  cellAmount,
  cellBoolean,
  cellCurrency,
  cellDate,
  cellInteger,
  cellList,
} from '../../src/ledger/import/values';

describe('header recognition', () => {
  it('folds case, spaces, punctuation and full-width forms', () => {
    expect(normalizeHeader(' Invoice No. ')).toBe('invoiceno');
    expect(normalizeHeader('INVOICE_NO')).toBe('invoiceno');
    expect(normalizeHeader('客户编码*')).toBe('客户编码');
    expect(normalizeHeader('金额（元）')).toBe('金额元');
    expect(normalizeHeader('ＡＭＯＵＮＴ')).toBe('amount');
  });

  it('recognises Chinese ERP headers', () => {
    expect(
      suggestColumns('invoices', [
        '客户编号',
        '客户',
        '单据编号',
        '业务日期',
        '应收日期',
        '价税合计',
        '币别',
        '备注',
      ]),
    ).toEqual({
      customer_code: '客户编号',
      customer_name: '客户',
      invoice_number: '单据编号',
      issue_date: '业务日期',
      due_date: '应收日期',
      amount: '价税合计',
      currency: '币别',
      description: '备注',
    });
  });

  it('recognises English headers whatever their case and spacing', () => {
    expect(
      suggestColumns('invoices', [
        'customer',
        'INVOICE NUMBER',
        'Invoice Date',
        'due_date',
        'Amount',
        'Currency',
      ]),
    ).toEqual({
      customer_code: 'customer',
      invoice_number: 'INVOICE NUMBER',
      issue_date: 'Invoice Date',
      due_date: 'due_date',
      amount: 'Amount',
      currency: 'Currency',
    });
    expect(suggestColumns('history', ['Invoice No', 'Customer Code', 'Paid Date', 'Payment Ref'])).toEqual({
      invoice_number: 'Invoice No',
      customer_code: 'Customer Code',
      settled_date: 'Paid Date',
      payment_reference: 'Payment Ref',
    });
  });

  it('gives each header to one field only', () => {
    // 发票号 is an alias of the invoice number and, for payments, of the remittance's invoice numbers.
    const columns = suggestColumns('payments', ['客户编码', '收款单号', '收款日期', '金额', '发票号']);
    expect(columns.invoice_numbers).toBe('发票号');
    expect(columns.payment_reference).toBe('收款单号');
    expect(suggestColumns('customers', ['客户编码', '客户名称', '业务员', '催收员', '账期'])).toEqual({
      customer_code: '客户编码',
      customer_name: '客户名称',
      payment_terms_days: '账期',
      salesperson: '业务员',
      collector: '催收员',
    });
  });
});

describe('mapping files', () => {
  it('accepts columns, dateFormat and defaults for known fields', () => {
    const mapping = parseMappingJson(
      'invoices',
      '{"columns": {"invoice_number": "Inv #"}, "dateFormat": "M/D/YYYY", "defaults": {"currency": "USD"}}',
    );
    expect(mapping).toEqual({
      columns: { invoice_number: 'Inv #' },
      dateFormat: 'M/D/YYYY',
      defaults: { currency: 'USD' },
    });
  });

  it('reports every mistake at once', () => {
    try {
      parseMapping('invoices', { columns: { invoice_no: 'x' }, defaults: { colour: 'red' }, extra: 1 });
      expect.unreachable();
    } catch (error) {
      const problems = (error as { details: { problems: Array<{ field: string }> } }).details.problems;
      expect(problems.map((p) => p.field).sort()).toEqual(['columns.invoice_no', 'defaults.colour', 'extra']);
    }
    expect(() => parseMappingJson('invoices', '{not json')).toThrow(/not valid JSON/);
  });

  it('accepts an encoding by its usual names', () => {
    expect(parseMapping('invoices', { encoding: ' GBK ' })).toEqual({ encoding: 'gb18030' });
    expect(parseMapping('invoices', { encoding: 'gb2312' })).toEqual({ encoding: 'gb18030' });
    expect(parseMapping('invoices', { encoding: 'UTF8' })).toEqual({ encoding: 'utf-8' });
    expect(parseMapping('invoices', { encoding: 'utf-16le' })).toEqual({ encoding: 'utf-16le' });
    expect(() => parseMapping('invoices', { encoding: 'latin1' })).toThrow(
      expect.objectContaining({
        details: { problems: [expect.objectContaining({ field: 'encoding', value: 'latin1' })] },
      }),
    );
  });

  it('maps named columns first and recognises the rest; missing required columns are line-1 problems', () => {
    const headers = ['Cust', 'Inv #', 'Invoice Date', 'Due Date', 'Total', 'Notes'];
    const resolved = resolveColumns(
      'invoices',
      headers,
      { columns: { customer_code: 'cust', invoice_number: 'Inv #' } },
      1,
    );
    expect(resolved.columns).toEqual({
      customer_code: 'Cust',
      invoice_number: 'Inv #',
      issue_date: 'Invoice Date',
      due_date: 'Due Date',
      amount: 'Total',
    });
    expect(resolved.problems).toEqual([]);
    const missing = resolveColumns('invoices', ['Cust', 'Total'], { columns: { customer_code: 'Kunde' } }, 3);
    expect(missing.problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'customer_code'],
      [3, 'customer_code'],
      [3, 'invoice_number'],
      [3, 'issue_date'],
    ]);
    // A default satisfies a required field.
    const defaulted = resolveColumns(
      'payments',
      ['客户编码', '收款单号', '收款日期'],
      { defaults: { amount: '1' } },
      1,
    );
    expect(defaulted.problems).toEqual([]);
  });
});

describe('cell values', () => {
  it('converts numeric cells exactly, refusing extra precision', () => {
    expect(cellAmount(1234.5, 2)).toEqual({ ok: true, minor: 123_450 });
    expect(cellAmount(0.1 + 0.2, 2)).toEqual({ ok: true, minor: 30 });
    expect(cellAmount(1.005, 2).ok).toBe(false);
    expect(cellAmount(1234, 0)).toEqual({ ok: true, minor: 1234 });
    expect(cellAmount('¥1,234.50', 2)).toEqual({ ok: true, minor: 123_450 });
  });

  it('reads dates from text, Date cells and Excel serials', () => {
    expect(cellDate(new Date(Date.UTC(2013, 0, 6)), undefined, 'MDY')).toEqual({
      ok: true,
      date: '2013-01-06',
    });
    expect(cellDate(41_280, undefined, 'MDY')).toEqual({ ok: true, date: '2013-01-06' });
    expect(cellDate('1/6/2013', 'D/M/YYYY', 'MDY')).toEqual({ ok: true, date: '2013-06-01' });
    expect(cellDate(12.5, undefined, 'MDY').ok).toBe(false);
  });

  it('reads yes/no, days, currencies and lists', () => {
    expect([
      cellBoolean('是'),
      cellBoolean('否'),
      cellBoolean('Y'),
      cellBoolean(''),
      cellBoolean('maybe'),
    ]).toEqual([true, false, true, false, null]);
    expect([cellInteger('30'), cellInteger('30天'), cellInteger(45), cellInteger('x')]).toEqual([
      30,
      30,
      45,
      null,
    ]);
    expect([cellCurrency('人民币'), cellCurrency('usd'), cellCurrency('RMB'), cellCurrency('XYZ')]).toEqual([
      'CNY',
      'USD',
      'CNY',
      'XYZ',
    ]);
    expect(cellList('INV-1, INV-2；INV-3、INV-4')).toEqual(['INV-1', 'INV-2', 'INV-3', 'INV-4']);
    expect([contactRole('财务经理'), contactRole('老板'), contactRole('采购'), contactRole('司机')]).toEqual([
      'finance',
      'owner',
      'purchasing',
      'other',
    ]);
  });
});

describe('reading a/b/yyyy dates', () => {
  const at = (line: number, value: string, field = 'issue_date') => ({ line, field, value });
  it('takes the mapping first, then a value that fits one order only, then month first', () => {
    expect(decideDateOrder([at(2, '13/6/2013')], 'M/D/YYYY')).toEqual({
      reading: { format: 'M/D/YYYY', basis: 'mapping', evidence: null },
      problem: null,
    });
    expect(decideDateOrder([at(2, '1/6/2013'), at(3, '2013-06-01'), at(4, '25/6/2013')])).toEqual({
      reading: { format: 'D/M/YYYY', basis: 'inferred', evidence: at(4, '25/6/2013') },
      problem: null,
    });
    expect(decideDateOrder([at(2, '1/6/2013'), at(3, '6/25/2013', 'due_date')]).reading).toEqual({
      format: 'M/D/YYYY',
      basis: 'inferred',
      evidence: at(3, '6/25/2013', 'due_date'),
    });
    expect(decideDateOrder([at(2, ''), at(3, '1/6/2013')]).reading).toEqual({
      format: 'M/D/YYYY',
      basis: 'assumed',
      evidence: at(3, '1/6/2013'),
    });
    expect(decideDateOrder([at(2, '2013-01-06'), at(3, '06.01.2013')])).toEqual({
      reading: null,
      problem: null,
    });
  });

  it('refuses a sample holding both orders, at the value that contradicts the first', () => {
    const { reading, problem } = decideDateOrder([
      at(2, '25/6/2013'),
      at(2, '1/6/2013', 'due_date'),
      at(5, '6/25/2013'),
    ]);
    expect(reading).toBeNull();
    expect(problem).toEqual({
      line: 5,
      field: 'issue_date',
      value: '6/25/2013',
      reason:
        'this date is month first, but line 2 issue_date "25/6/2013" is day first: set "dateFormat" in the mapping ("D/M/YYYY" or "M/D/YYYY")',
    });
  });
});

describe('encoding and delimiter sniffing', () => {
  const gbk = iconv.encode('客户编码,金额\nC1,100\n', 'gbk');
  it('tells BOM, UTF-8, UTF-16 and GB18030 apart', () => {
    expect(sniffEncoding(Buffer.from('\ufeffa,b', 'utf8'), true)).toEqual({
      encoding: 'utf-8',
      bomLength: 3,
    });
    expect(sniffEncoding(Buffer.from('客户编码,金额', 'utf8'), true)).toEqual({
      encoding: 'utf-8',
      bomLength: 0,
    });
    expect(sniffEncoding(Buffer.from('plain ascii', 'utf8'), true).encoding).toBe('utf-8');
    expect(sniffEncoding(gbk, true)).toEqual({ encoding: 'gb18030', bomLength: 0 });
    expect(sniffEncoding(Buffer.from([0xff, 0xfe, 0x61, 0]), true).encoding).toBe('utf-16le');
  });

  it('does not mistake a UTF-8 character cut at the end of a sample for GBK', () => {
    const bytes = Buffer.from('客户编码,金额', 'utf8');
    expect(sniffEncoding(bytes.subarray(0, bytes.length - 1), false).encoding).toBe('utf-8');
    expect(sniffEncoding(bytes.subarray(0, bytes.length - 1), true).encoding).toBe('gb18030');
  });

  it('sniffs the delimiter from the header line, outside quotes, under title lines', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(sniffDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('a|b|c')).toBe('|');
    expect(sniffDelimiter('"x,y";b;c')).toBe(';');
    expect(sniffDelimiter('应收账款明细表\n客户;金额')).toBe(';');
    expect(sniffDelimiter('one column')).toBe(',');
  });
});

describe('TextReader', () => {
  const read = (chunks: Uint8Array[], options: Partial<TextReaderOptions> = {}) => {
    const seen: string[] = [];
    const reader = new TextReader({
      encoding: 'utf-8',
      bomLength: 0,
      crOnly: false,
      onEncoding: (encoding) => seen.push(encoding),
      ...options,
    });
    let text = '';
    for (const chunk of chunks) text += reader.write(Buffer.from(chunk));
    return { text: text + reader.end(), seen };
  };
  const problemOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return (error as { details: { problems: Array<{ line: number; reason: string }> } }).details
        .problems[0];
    }
    throw new Error('no error');
  };

  it('reads UTF-8 whatever the chunk boundaries, without its BOM', () => {
    const bytes = Buffer.from('\ufeff客户,金额\n甲公司,¥5\n', 'utf8');
    for (let cut = 1; cut < bytes.length; cut++) {
      const { text } = read([bytes.subarray(0, cut), bytes.subarray(cut)], { bomLength: 3 });
      expect(text).toBe('客户,金额\n甲公司,¥5\n');
    }
  });

  it('reports the exact line of the first byte that is not UTF-8', () => {
    const good = Buffer.from('a,b\n"x\ny",1\n', 'utf8');
    const bad = Buffer.concat([Buffer.from('3,'), iconv.encode('北京', 'gbk'), Buffer.from('\n4,4\n')]);
    const problem = problemOf(() => read([good.subarray(0, 5), good.subarray(5), bad]));
    expect(problem.line).toBe(4);
    expect(problem.reason).toMatch(/probably GBK/);
    // CR-only line ends count as well.
    const cr = Buffer.concat([Buffer.from('a\rb\r'), iconv.encode('北京', 'gbk')]);
    expect(problemOf(() => read([cr], { crOnly: true })).line).toBe(3);
  });

  it('decides an ASCII start at its first other bytes, holding a few until there are enough', () => {
    const gbk = iconv.encode('甲公司,北京乙公司,上海丙公司\n', 'gbk');
    const ascii = Buffer.from('code,name\nC1,Acme\n');
    const gbkRead = read([ascii, gbk.subarray(0, 1), gbk.subarray(1)], { encoding: null });
    expect(gbkRead).toEqual({ text: `${ascii}甲公司,北京乙公司,上海丙公司\n`, seen: ['gb18030'] });
    const utf8 = Buffer.from('甲公司\n', 'utf8');
    expect(read([ascii, utf8.subarray(0, 2), utf8.subarray(2)], { encoding: null })).toEqual({
      text: `${ascii}甲公司\n`,
      seen: ['utf-8'],
    });
    expect(read([ascii, ascii], { encoding: null })).toEqual({ text: `${ascii}${ascii}`, seen: [] });
  });
});

describe('CsvSplitter', () => {
  const split = (chunks: string[], delimiter = ',') => {
    const splitter = new CsvSplitter(delimiter);
    const out: CsvRecord[] = [];
    for (const chunk of chunks) splitter.push(chunk, out);
    splitter.end(out);
    return out;
  };

  it('splits plain, quoted and CRLF records with their line numbers', () => {
    expect(split(['a,b\r\n"x, y","say ""hi"""\r\n3,4'])).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['3', '4'] },
    ]);
  });

  it('keeps newlines inside quotes and counts the lines they take', () => {
    expect(split(['a,"multi\nline",c\nd,e,f\n'])).toEqual([
      { line: 1, cells: ['a', 'multi\nline', 'c'] },
      { line: 3, cells: ['d', 'e', 'f'] },
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'h1;h2\n"a;1";"b""\nc"\n2;3\r\n"";x\n';
    const whole = split([text], ';');
    for (let cut = 1; cut < text.length; cut++) {
      expect(split([text.slice(0, cut), text.slice(cut)], ';')).toEqual(whole);
    }
    expect(whole).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 2, cells: ['a;1', 'b"\nc'] },
      { line: 4, cells: ['2', '3'] },
      { line: 5, cells: ['', 'x'] },
    ]);
  });
});

describe('COPY text', () => {
  it('escapes tabs, newlines and backslashes and writes NULL, booleans and arrays', () => {
    expect(copyLine([1, 'a\tb', null, true, 'x\\y\nz', ['INV-1', 'a"b']])).toBe(
      '1\ta\\tb\t\\N\tt\tx\\\\y\\nz\t{"INV-1","a\\\\"b"}\n',
    );
  });
});
