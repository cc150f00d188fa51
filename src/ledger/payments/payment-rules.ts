// Pure rules for recording a payment (收款单): input normalisation and validation, and the idempotency
// check — recording the same (entity, reference) again with the same data is a repeat, not a new payment.

import type { FieldProblem } from '../../platform/errors';
import { isValidIsoDate } from '../../shared/dates';

export interface PaymentFields {
  reference: string;
  receivedDate: string;
  currency: string;
  amount: number;
  method: string | null;
  remittanceInvoiceNumbers: string[];
  note: string | null;
}

export interface RawPaymentFields {
  reference: string;
  receivedDate: string;
  currency: string;
  amount: number;
  method?: string | null;
  remittanceInvoiceNumbers?: string[] | null;
  note?: string | null;
}

/** The method of the payments a history import makes; the import recognises its own payments by it. */
export const HISTORY_METHOD = 'history';

/** Why a payment recorded otherwise may not use the history method (null when it does not). */
export function reservedMethodProblem(method: string | null): string | null {
  return method?.trim().toLowerCase() === HISTORY_METHOD
    ? `method "${HISTORY_METHOD}" marks the payments a history import makes; name the method otherwise`
    : null;
}

const blankToNull = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** Remittance invoice numbers, trimmed, blanks dropped, first occurrence kept. */
export function cleanInvoiceNumbers(numbers: readonly string[] | null | undefined): string[] {
  const out: string[] = [];
  for (const number of numbers ?? []) {
    const trimmed = number.trim();
    if (trimmed && !out.includes(trimmed)) out.push(trimmed);
  }
  return out;
}

export function normalizePayment(input: RawPaymentFields): {
  fields: PaymentFields;
  problems: FieldProblem[];
} {
  const fields: PaymentFields = {
    reference: input.reference.trim(),
    receivedDate: input.receivedDate.trim(),
    currency: input.currency.trim().toUpperCase(),
    amount: input.amount,
    method: blankToNull(input.method),
    remittanceInvoiceNumbers: cleanInvoiceNumbers(input.remittanceInvoiceNumbers),
    note: blankToNull(input.note),
  };
  const problems: FieldProblem[] = [];
  if (fields.reference.length < 1 || fields.reference.length > 100) {
    problems.push({ field: 'reference', value: input.reference, reason: 'must be 1 to 100 characters' });
  }
  if (!isValidIsoDate(fields.receivedDate)) {
    problems.push({
      field: 'receivedDate',
      value: input.receivedDate,
      reason: 'must be a real date YYYY-MM-DD',
    });
  }
  if (!/^[A-Z]{3}$/.test(fields.currency)) {
    problems.push({ field: 'currency', value: input.currency, reason: 'must be an ISO 4217 code' });
  }
  const reserved = reservedMethodProblem(fields.method);
  if (reserved) problems.push({ field: 'method', value: input.method ?? '', reason: reserved });
  if (!Number.isSafeInteger(fields.amount) || fields.amount <= 0) {
    problems.push({
      field: 'amount',
      value: String(input.amount),
      reason: 'must be a positive integer of minor units',
    });
  }
  return { fields, problems };
}

export interface StoredPayment {
  customer_id: number;
  received_date: string;
  currency: string;
  amount: number;
  method: string | null;
  remittance_invoice_numbers: string[];
  note: string | null;
}

/** Fields in which a repeat of (entity, reference) differs from the stored payment; empty = same payment. */
export function paymentDifferences(
  stored: StoredPayment,
  customerId: number,
  fields: PaymentFields,
): string[] {
  const differences: string[] = [];
  if (stored.customer_id !== customerId) differences.push('customer');
  if (stored.received_date !== fields.receivedDate) differences.push('receivedDate');
  if (stored.currency.trim() !== fields.currency) differences.push('currency');
  if (stored.amount !== fields.amount) differences.push('amount');
  if ((stored.method ?? null) !== fields.method) differences.push('method');
  if ((stored.note ?? null) !== fields.note) differences.push('note');
  const storedNumbers = stored.remittance_invoice_numbers ?? [];
  if (
    storedNumbers.length !== fields.remittanceInvoiceNumbers.length ||
    storedNumbers.some((n, i) => n !== fields.remittanceInvoiceNumbers[i])
  ) {
    differences.push('remittanceInvoiceNumbers');
  }
  return differences;
}
