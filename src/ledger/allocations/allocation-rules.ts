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
      code: 'exceedsInvoiceOpen',
      params: { amount: money(amount), open: money(invoiceOpen) },
    });
  }
  if (sourceUnapplied !== null && amount > sourceUnapplied) {
    problems.push({
      field: 'amount',
      value: String(amount),
      reason: `${money(amount)} exceeds the unapplied amount ${money(sourceUnapplied)}`,
      code: 'exceedsUnapplied',
      params: { amount: money(amount), unapplied: money(sourceUnapplied) },
    });
  }
  return problems;
}

/** Per invoice, payment and credit note: the last day an earlier allocation of it stopped being in effect. */
export interface LastReversals {
  invoice: ReadonlyMap<number, string>;
  payment: ReadonlyMap<number, string>;
  creditNote: ReadonlyMap<number, string>;
}

/** What a new allocation draws on: a payment or credit note with its date; null for a write-off. */
export interface AllocationSource {
  paymentId?: number | null;
  creditNoteId?: number | null;
  date: string;
}

export interface EarliestEffective {
  date: string;
  /** Why not earlier, for the user. */
  reason: string;
}

/**
 * The earliest date on which a new allocation (核销) may take effect: not before the money existed (the
 * payment's or credit note's date), not before the invoice was issued, and not before the last reversal of
 * an earlier allocation of the same invoice or of the same payment or credit note. The amount checks see
 * only the allocations in effect now; one reversed later still counts on the days before its reversal, so
 * dating the new allocation into that time would settle the invoice (or spend the payment) twice on those
 * days and reports as of them would show a negative open amount. From this date on, the allocations in
 * effect on any day are a subset of those in effect now, which passed the checks.
 */
export function earliestEffectiveOn(
  invoice: { id: number; issue_date: string },
  source: AllocationSource | null,
  reversals: LastReversals,
): EarliestEffective {
  const lastOf = (map: ReadonlyMap<number, string>, id: number | null | undefined) =>
    id ? map.get(id) : undefined;
  const candidates: [string | undefined, string][] = [
    [invoice.issue_date, 'the invoice was issued then'],
    [
      source?.date,
      source?.creditNoteId ? 'the credit note was issued then' : 'the payment was received then',
    ],
    [lastOf(reversals.invoice, invoice.id), 'an earlier allocation of the invoice was reversed then'],
    [lastOf(reversals.payment, source?.paymentId), 'an earlier allocation of the payment was reversed then'],
    [
      lastOf(reversals.creditNote, source?.creditNoteId),
      'an earlier allocation of the credit note was reversed then',
    ],
  ];
  let latest: EarliestEffective = { date: invoice.issue_date, reason: candidates[0][1] };
  for (const [date, reason] of candidates) if (date && date > latest.date) latest = { date, reason };
  return latest;
}
