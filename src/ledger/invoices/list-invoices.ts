// Invoice list (应收单列表): filters, status, sorts, keyset pages.
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { notFound } from '../../platform/errors';
import type { PageResult } from '../../platform/http/pagination';
import { selectCustomerIdByCode } from '../customers/customer-queries';
import { FieldChecks } from '../reference/field-checks';
import { normalizeLimit, parseSort, readCursor, toPage } from '../reference/keyset';
import { type InvoiceSummary, toInvoiceSummary } from './invoice-dto';
import { INVOICE_SORTS, type InvoiceFilter, type InvoiceRow, selectInvoicePage } from './invoice-queries';
import { INVOICE_STATUS_FILTERS } from './invoice-status';

export interface ListInvoicesInput extends InvoiceFilter {
  /** The CLI and imports name customers by code; resolved here (unknown or invisible → not found). */
  customerCode?: string;
  sort?: string;
  limit?: number;
  cursor?: string;
}

const SORT_VALUE: Record<keyof typeof INVOICE_SORTS, (row: InvoiceRow) => string | number> = {
  dueDate: (row) => row.dueDate,
  issueDate: (row) => row.issueDate,
  amount: (row) => row.amount,
  openAmount: (row) => row.openAmount,
  number: (row) => row.number,
};

export async function listInvoices(
  db: Db,
  actor: Actor,
  input: ListInvoicesInput,
): Promise<PageResult<InvoiceSummary>> {
  assertCan(actor, 'ledger:read');
  const checks = new FieldChecks();
  checks.date('today', input.today);
  if (input.dueFrom !== undefined) checks.date('dueFrom', input.dueFrom);
  if (input.dueTo !== undefined) checks.date('dueTo', input.dueTo);
  const currency = input.currency ? checks.currency('currency', input.currency) : undefined;
  const status = input.status ?? 'all';
  if (!INVOICE_STATUS_FILTERS.includes(status)) {
    checks.add('status', status, `must be one of ${INVOICE_STATUS_FILTERS.join(', ')}`);
  }
  checks.throwIfAny('invoice filter');
  const sort = parseSort(input.sort, INVOICE_SORTS, 'dueDate', 'invoice.id');
  const limit = normalizeLimit(input.limit);
  const after = readCursor(input.cursor, sort);
  const key = (sort.name.startsWith('-') ? sort.name.slice(1) : sort.name) as keyof typeof INVOICE_SORTS;
  let customerId = input.customerId;
  if (input.customerCode !== undefined) {
    const found = await selectCustomerIdByCode(db, actor, input.customerCode.trim());
    if (found === null) throw notFound('Customer', input.customerCode);
    customerId = found;
  }
  const rows = await selectInvoicePage(
    db,
    actor,
    { ...input, customerId, currency, status },
    sort,
    after,
    limit,
  );
  return toPage(
    rows,
    limit,
    sort,
    (row) => ({ value: SORT_VALUE[key](row), id: row.id }),
    (row) => toInvoiceSummary(row, input.today),
  );
}
