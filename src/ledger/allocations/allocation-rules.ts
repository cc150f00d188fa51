// Pure checks for a manual allocation (手工核销): both sides must belong together and have the money.
import type { FieldProblem } from '../../platform/errors';
import { formatMoney } from '../../shared/money';

export interface Side {
  entity_id: number;
  customer_id: number;
  currency: string;
}

/** Why an invoice and a payment/credit note cannot be allocated to each other, if they cannot. */
export function mismatchProblems(invoice: Side, source: Side, sourceField: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (invoice.customer_id !== source.customer_id) {
    problems.push({ field: sourceField, reason: 'belongs to another customer than the invoice' });
  }
  if (invoice.entity_id !== source.entity_id) {
    problems.push({ field: sourceField, reason: 'belongs to another entity than the invoice' });
  }
  if (invoice.currency !== source.currency) {
    problems.push({
      field: sourceField,
      value: source.currency,
      reason: `is in ${source.currency}, the invoice in ${invoice.currency}`,
    });
  }
  return problems;
}

/** Over-allocation problems: the amount must fit in both open amounts. Amounts shown with the currency. */
export function exceedProblems(
  amount: number,
  invoiceOpen: number,
  sourceUnapplied: number | null,
  currency: string,
): FieldProblem[] {
  const money = (value: number) => `${currency} ${formatMoney(value, currency)}`;
  const problems: FieldProblem[] = [];
  if (amount > invoiceOpen) {
    problems.push({
      field: 'amount',
      value: String(amount),
      reason: `${money(amount)} exceeds the invoice's open amount ${money(invoiceOpen)}`,
    });
  }
  if (sourceUnapplied !== null && amount > sourceUnapplied) {
    problems.push({
      field: 'amount',
      value: String(amount),
      reason: `${money(amount)} exceeds the unapplied amount ${money(sourceUnapplied)}`,
    });
  }
  return problems;
}
