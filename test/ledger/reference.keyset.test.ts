// Pure parts of the ledger lists: sorts, cursors, the keyset condition, search mapping, status, inputs.
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { checkContactInput } from '../../src/ledger/contacts/contact-input';
import { checkCustomerInput } from '../../src/ledger/customers/customer-input';
import { customerSearch } from '../../src/ledger/customers/customer-search';
import { checkUpdateInvoice, defaultDueDate } from '../../src/ledger/invoices/invoice-input';
import { INVOICE_SORTS } from '../../src/ledger/invoices/invoice-queries';
import { daysPastDue, invoiceStatus } from '../../src/ledger/invoices/invoice-status';
import {
  afterPosition,
  makeCursor,
  normalizeLimit,
  parseSort,
  readCursor,
  toPage,
} from '../../src/ledger/reference/keyset';
import type { Database } from '../../src/platform/db/schema';
import { encodeCursor } from '../../src/platform/http/pagination';

const compiler = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return ((error as { details?: { problems?: Array<{ field: string }> } }).details?.problems ?? []).map(
      (p) => p.field,
    );
  }
  throw new Error('expected a validation error');
};

describe('sorts and cursors', () => {
  const sortOf = (value?: string) => parseSort(value, INVOICE_SORTS, 'dueDate', 'invoice.id');

  it('parse the sort name with an optional minus', () => {
    expect(sortOf(undefined)).toMatchObject({
      name: 'dueDate',
      column: 'invoice.due_date',
      descending: false,
    });
    expect(sortOf('-openAmount')).toMatchObject({
      column: 'invoice.open_amount',
      type: 'int',
      descending: true,
    });
    expect(problemsOf(() => sortOf('customer'))).toEqual(['sort']);
  });

  it('check the limit', () => {
    expect(normalizeLimit(undefined)).toBe(50);
    expect(normalizeLimit(500)).toBe(500);
    expect(problemsOf(() => normalizeLimit(501))).toEqual(['limit']);
  });

  it('round-trip and refuse a cursor of another sort or a damaged one', () => {
    const sort = sortOf('-dueDate');
    const cursor = makeCursor(sort, { value: '2026-03-01', id: 42 });
    expect(readCursor(cursor, sort)).toEqual({ value: '2026-03-01', id: 42 });
    expect(readCursor(undefined, sort)).toBeNull();
    expect(problemsOf(() => readCursor(cursor, sortOf('dueDate')))).toEqual(['cursor']);
    expect(problemsOf(() => readCursor(encodeCursor(['-dueDate', 'soon', 42]), sort))).toEqual(['cursor']);
    expect(problemsOf(() => readCursor(encodeCursor(['-dueDate', '2026-03-01', -1]), sort))).toEqual([
      'cursor',
    ]);
    expect(() => readCursor('not-a-cursor', sort)).toThrow(/cursor/);
    const amount = sortOf('amount');
    expect(problemsOf(() => readCursor(encodeCursor(['amount', '12', 1]), amount))).toEqual(['cursor']);
  });

  it('compile to a row comparison the (column, id) index answers', () => {
    const asc = afterPosition(sortOf('dueDate'), { value: '2026-03-01', id: 7 }).compile(compiler);
    expect(asc.sql).toBe('("invoice"."due_date", "invoice"."id") > (cast($1 as date), cast($2 as bigint))');
    expect(asc.parameters).toEqual(['2026-03-01', 7]);
    const desc = afterPosition(sortOf('-amount'), { value: 500, id: 9 }).compile(compiler);
    expect(desc.sql).toBe('("invoice"."amount", "invoice"."id") < (cast($1 as bigint), cast($2 as bigint))');
  });

  it('cut a page and point the cursor at its last row', () => {
    const sort = sortOf('amount');
    const rows = [
      { id: 1, amount: 10 },
      { id: 2, amount: 20 },
      { id: 3, amount: 20 },
    ];
    const page = toPage(
      rows,
      2,
      sort,
      (r) => ({ value: r.amount, id: r.id }),
      (r) => r.id,
    );
    expect(page.items).toEqual([1, 2]);
    expect(readCursor(page.nextCursor ?? '', sort)).toEqual({ value: 20, id: 2 });
    expect(
      toPage(
        rows.slice(0, 2),
        2,
        sort,
        (r) => ({ value: r.amount, id: r.id }),
        (r) => r.id,
      ).nextCursor,
    ).toBeNull();
  });
});

describe('customer search', () => {
  it('maps text to code prefix, name substring and tax id, choosing the name index by length', () => {
    expect(customerSearch('  华为 ')).toEqual({
      codePrefix: '华为%',
      code: '华为',
      name: { kind: 'bigram', text: '华为' },
      taxId: '华为',
    });
    expect(customerSearch('acme')).toEqual({
      codePrefix: 'ACME%',
      code: 'ACME',
      name: { kind: 'trigram', pattern: '%acme%', caseless: false },
      taxId: 'ACME',
    });
    expect(customerSearch('宝钢贸易')?.name).toEqual({
      kind: 'trigram',
      pattern: '%宝钢贸易%',
      caseless: true,
    });
    expect(customerSearch('京')?.name).toEqual({ kind: 'scan', pattern: '%京%', caseless: true });
    // Characters outside the BMP count as one.
    expect(customerSearch('𠀋x')?.name.kind).toBe('bigram');
    expect(customerSearch('50%_off\\')?.name).toMatchObject({ pattern: '%50\\%\\_off\\\\%' });
    expect(customerSearch('   ')).toBeNull();
    expect(customerSearch(undefined)).toBeNull();
  });
});

describe('invoice status', () => {
  it('is paid, open or overdue as of today', () => {
    expect(invoiceStatus(0, '2026-01-01', '2026-03-15')).toBe('paid');
    expect(invoiceStatus(1, '2026-03-15', '2026-03-15')).toBe('open');
    expect(invoiceStatus(1, '2026-03-14', '2026-03-15')).toBe('overdue');
    expect(daysPastDue(1, '2026-01-31', '2026-03-15')).toBe(43);
    expect(daysPastDue(1, '2026-03-16', '2026-03-15')).toBe(0);
    expect(daysPastDue(0, '2026-01-31', '2026-03-15')).toBe(0);
  });

  it('derives a due date from payment terms and checks patches', () => {
    expect(defaultDueDate('2026-01-31', 30)).toBe('2026-03-02');
    expect(defaultDueDate('2026-01-31', null)).toBeNull();
    expect(checkUpdateInvoice({ disputed: true, description: '  ' }, '2026-01-01')).toEqual({
      disputed: true,
      description: null,
    });
    expect(problemsOf(() => checkUpdateInvoice({ dueDate: '2025-12-31' }, '2026-01-01'))).toEqual([
      'dueDate',
    ]);
    expect(problemsOf(() => checkUpdateInvoice({ amount: 5 } as never, '2026-01-01'))).toEqual(['amount']);
  });
});

describe('inputs', () => {
  it('contacts: hours, email, role and channel patches', () => {
    expect(checkContactInput({ name: '王会计', preferredHours: '09:00-18:00' }, 'create')).toEqual({
      name: '王会计',
      preferredHours: '09:00-18:00',
    });
    expect(
      problemsOf(() =>
        checkContactInput(
          { name: 'x', preferredHours: '18:00-09:00', email: 'nope', role: 'boss' },
          'create',
        ),
      ).sort(),
    ).toEqual(['email', 'preferredHours', 'role']);
    expect(problemsOf(() => checkContactInput({}, 'create'))).toEqual(['name']);
    expect(checkContactInput({ channels: { sms: false } }, 'update', { email: false })).toEqual({
      channels: { email: false, sms: false, phone: true, letter: true },
    });
    expect(problemsOf(() => checkContactInput({ channels: { fax: true } }, 'update'))).toEqual([
      'channels/fax',
    ]);
  });

  it('customers: normalises and names each bad field', () => {
    expect(checkCustomerInput({ code: ' C9 ', name: '客户', country: 'hk', taxId: '' }, 'create')).toEqual({
      code: 'C9',
      name: '客户',
      country: 'HK',
      taxId: null,
    });
    expect(
      problemsOf(() =>
        checkCustomerInput({ language: 'Chinese', attributes: [1], collectorId: 0 }, 'update'),
      ),
    ).toEqual(['language', 'collectorId', 'attributes']);
  });
});
