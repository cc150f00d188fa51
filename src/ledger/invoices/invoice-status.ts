// Status and days past due of an invoice as of a date (pure). 逾期 = open and due before today, where
// today is the business time zone's date; paid means nothing is left open (settled by payments, credit
// notes or write-offs).
import { daysBetween } from '../../shared/dates';

export type InvoiceStatus = 'open' | 'overdue' | 'paid';
/** List filter: `open` means every invoice with an open amount, overdue ones included (未结清). */
export type InvoiceStatusFilter = InvoiceStatus | 'all';
export const INVOICE_STATUS_FILTERS: readonly InvoiceStatusFilter[] = ['open', 'overdue', 'paid', 'all'];

export function invoiceStatus(openAmount: number, dueDate: string, today: string): InvoiceStatus {
  if (openAmount <= 0) return 'paid';
  return dueDate < today ? 'overdue' : 'open';
}

/** Whole days past the due date for an open invoice; 0 when not yet due or nothing is open. */
export function daysPastDue(openAmount: number, dueDate: string, today: string): number {
  if (openAmount <= 0) return 0;
  return Math.max(0, daysBetween(dueDate, today));
}
