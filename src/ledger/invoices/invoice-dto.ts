// The invoice as the API shows it (pure mapping): status and days past due as of the business's today.
import type { AllocationRow, InvoiceRow } from './invoice-queries';
import { daysPastDue, type InvoiceStatus, invoiceStatus } from './invoice-status';

export interface InvoiceSummary {
  id: number;
  entityId: number;
  entityCode: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  amount: number;
  allocatedAmount: number;
  openAmount: number;
  daysPastDue: number;
  status: InvoiceStatus;
  disputed: boolean;
  orderNumber: string | null;
  description: string | null;
}

export interface InvoiceAllocation {
  id: number;
  amount: number;
  effectiveOn: string;
  reversedOn: string | null;
  method: string;
  source: { kind: 'payment' | 'credit_note' | 'write_off'; id: number; reference: string };
}

export interface InvoiceDetail extends InvoiceSummary {
  allocations: InvoiceAllocation[];
}

export function toInvoiceSummary(row: InvoiceRow, today: string): InvoiceSummary {
  return {
    ...row,
    currency: row.currency.trim(),
    daysPastDue: daysPastDue(row.openAmount, row.dueDate, today),
    status: invoiceStatus(row.openAmount, row.dueDate, today),
  };
}

export function toInvoiceAllocation(row: AllocationRow): InvoiceAllocation {
  const source: InvoiceAllocation['source'] =
    row.paymentId !== null
      ? { kind: 'payment', id: row.paymentId, reference: row.paymentReference ?? '' }
      : row.creditNoteId !== null
        ? { kind: 'credit_note', id: row.creditNoteId, reference: row.creditNoteNumber ?? '' }
        : { kind: 'write_off', id: row.writeOffId as number, reference: row.writeOffReason ?? '' };
  return {
    id: row.id,
    amount: row.amount,
    effectiveOn: row.effectiveOn,
    reversedOn: row.reversedOn,
    method: row.method,
    source,
  };
}
