// Row → staging values for the document kinds (invoices, history, payments, credit notes, orders).
// Each kind lists its staging columns beside the function that fills them, in the same order.
import { addDays } from '../../shared/dates';
import { reservedMethodProblem } from '../payments/payment-rules';
import type { StageValue } from './copy-text';
import type { RowReader } from './row-reader';

export type StageColumns = ReadonlyArray<readonly [name: string, type: string]>;

export const INVOICE_STAGE: StageColumns = [
  ['line', 'integer'],
  ['entity_id', 'bigint'],
  ['customer_code', 'text'],
  ['customer_name', 'text'],
  ['number', 'text'],
  ['issue_date', 'date'],
  ['due_date', 'date'], // null: derive from the customer's payment terms
  ['currency', 'text'],
  ['amount', 'bigint'],
  ['order_number', 'text'],
  ['description', 'text'],
  ['disputed', 'boolean'],
  ['settled_date', 'date'], // history only
  ['payment_reference', 'text'], // history only
];

/** Invoices and history rows (history adds the settlement). */
export function invoiceRow(r: RowReader, history: boolean): StageValue[] | null {
  const entity = r.entity();
  const customerCode = r.text('customer_code');
  const customerName = r.text('customer_name');
  const number = r.text('invoice_number');
  const issueDate = r.date('issue_date');
  let dueDate = r.date('due_date', false);
  const terms = r.integer('terms_days');
  const currency = r.currency(entity?.baseCurrency);
  const amount = r.amount('amount', currency?.minorUnits ?? null, { positive: true });
  if (!dueDate && issueDate && terms !== null) dueDate = addDays(issueDate, terms);
  if (dueDate && issueDate && dueDate < issueDate) {
    r.fail('due_date', dueDate, `due date ${dueDate} is before the issue date ${issueDate}`);
  }
  const orderNumber = r.text('order_number');
  const description = r.text('description');
  const disputed = r.boolean('disputed');
  let settledDate: string | null = null;
  let paymentReference: string | null = null;
  if (history) {
    settledDate = r.date('settled_date');
    // A payment cannot settle an invoice not yet issued; the allocation would otherwise be moved silently.
    if (settledDate && issueDate && settledDate < issueDate) {
      r.fail('settled_date', settledDate, `settled on ${settledDate}, before the invoice date ${issueDate}`);
    }
    paymentReference = r.text('payment_reference');
    if (settledDate && !paymentReference && number) {
      paymentReference = `HIST-${number}`;
      if (paymentReference.length > 100) r.fail('invoice_number', number, 'too long for a payment reference');
    }
  }
  if (!r.ok || !entity) return null;
  return [
    r.line,
    entity.id,
    customerCode,
    customerName,
    number,
    issueDate,
    dueDate,
    currency!.code,
    amount,
    orderNumber,
    description,
    disputed,
    settledDate,
    paymentReference,
  ];
}

export const PAYMENT_STAGE: StageColumns = [
  ['line', 'integer'],
  ['entity_id', 'bigint'],
  ['customer_code', 'text'],
  ['reference', 'text'],
  ['received_date', 'date'],
  ['currency', 'text'],
  ['amount', 'bigint'],
  ['method', 'text'],
  ['invoice_numbers', 'text[]'],
  ['note', 'text'],
];

export function paymentRow(r: RowReader): StageValue[] | null {
  const entity = r.entity();
  const customerCode = r.text('customer_code');
  const reference = r.text('payment_reference');
  const receivedDate = r.date('received_date');
  const currency = r.currency(entity?.baseCurrency);
  const amount = r.amount('amount', currency?.minorUnits ?? null, { positive: true });
  const method = r.text('method');
  const reserved = reservedMethodProblem(method);
  if (reserved) r.fail('method', method, reserved);
  const invoiceNumbers = r.list('invoice_numbers');
  const note = r.text('note');
  if (!r.ok || !entity) return null;
  return [
    r.line,
    entity.id,
    customerCode,
    reference,
    receivedDate,
    currency!.code,
    amount,
    method,
    invoiceNumbers,
    note,
  ];
}

export const CREDIT_NOTE_STAGE: StageColumns = [
  ['line', 'integer'],
  ['entity_id', 'bigint'],
  ['customer_code', 'text'],
  ['number', 'text'],
  ['issue_date', 'date'],
  ['currency', 'text'],
  ['amount', 'bigint'],
  ['invoice_number', 'text'],
  ['reason', 'text'],
];

export function creditNoteRow(r: RowReader): StageValue[] | null {
  const entity = r.entity();
  const customerCode = r.text('customer_code');
  const number = r.text('credit_note_number');
  const issueDate = r.date('issue_date');
  const currency = r.currency(entity?.baseCurrency);
  // Red-letter invoices (红字发票) are often exported negative: the sign says "credit", not a refund.
  const amount = r.amount('amount', currency?.minorUnits ?? null, { positive: true, absolute: true });
  const invoiceNumber = r.text('invoice_number');
  const reason = r.text('reason');
  if (!r.ok || !entity) return null;
  return [r.line, entity.id, customerCode, number, issueDate, currency!.code, amount, invoiceNumber, reason];
}

export const ORDER_STAGE: StageColumns = [
  ['line', 'integer'],
  ['entity_id', 'bigint'],
  ['customer_code', 'text'],
  ['number', 'text'],
  ['order_date', 'date'],
  ['currency', 'text'],
  ['amount', 'bigint'],
  ['open_amount', 'bigint'],
  ['shipped_not_invoiced_amount', 'bigint'],
  ['status', 'text'],
];

const ORDER_STATUS: Array<[RegExp, string]> = [
  [/^(open|未发货|未出库|待发货|未执行|执行中|新建|审核)/i, 'open'],
  [/^(shipped|已发货|已出库|部分发货|发货)/i, 'shipped'],
  [/^(invoiced|已开票|开票)/i, 'invoiced'],
  [/^(closed|关闭|已关闭|完成|已完成)/i, 'closed'],
  [/^(cancell?ed|作废|已作废|取消|已取消)/i, 'cancelled'],
];

export function orderRow(r: RowReader): StageValue[] | null {
  const entity = r.entity();
  const customerCode = r.text('customer_code');
  const number = r.text('order_number');
  const orderDate = r.date('order_date');
  const currency = r.currency(entity?.baseCurrency);
  const units = currency?.minorUnits ?? null;
  const amount = r.amount('amount', units);
  const statusText = r.text('status');
  let status = 'open';
  if (statusText) {
    const found = ORDER_STATUS.find(([pattern]) => pattern.test(statusText));
    if (found) status = found[1];
    else r.fail('status', statusText, 'status must be open, shipped, invoiced, closed or cancelled');
  }
  // Without the ERP's own figures, the whole order counts where its status puts it (for credit exposure).
  const open = r.has('open_amount') ? r.amount('open_amount', units, { required: false }) : null;
  const shipped = r.has('shipped_not_invoiced_amount')
    ? r.amount('shipped_not_invoiced_amount', units, { required: false })
    : null;
  if (!r.ok || !entity || amount === null) return null;
  return [
    r.line,
    entity.id,
    customerCode,
    number,
    orderDate,
    currency!.code,
    amount,
    open ?? (r.has('open_amount') ? 0 : status === 'open' ? amount : 0),
    shipped ?? (r.has('shipped_not_invoiced_amount') ? 0 : status === 'shipped' ? amount : 0),
    status,
  ];
}
