// The allocation screen's data for one customer: open invoices (oldest due first — the FIFO order) and
// the payments and credit notes that still have money to apply (未核销).
import { sql } from 'kysely';
import { type Actor, rowVisible } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { notFound } from '../../platform/errors';
import { daysBetween } from '../../shared/dates';

export interface OpenInvoiceItem {
  id: number;
  entityId: number;
  entityCode: string;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  amount: number;
  allocatedAmount: number;
  openAmount: number;
  daysPastDue: number;
  status: 'open' | 'overdue';
  disputed: boolean;
}

export interface UnappliedItem {
  id: number;
  entityId: number;
  entityCode: string;
  /** The payment's reference or the credit note's number. */
  reference: string;
  date: string;
  currency: string;
  amount: number;
  unappliedAmount: number;
  invoiceNumbers: string[];
}

export interface OpenItems {
  invoices: OpenInvoiceItem[];
  payments: UnappliedItem[];
  creditNotes: UnappliedItem[];
}

export async function getOpenItems(
  db: Db,
  actor: Actor,
  input: { customerId: number; today: string },
): Promise<OpenItems> {
  const customer = await db
    .selectFrom('customer')
    .select('id')
    .where('id', '=', input.customerId)
    .where(rowVisible(actor, { customer: 'customer.id', entity: null }))
    .executeTakeFirst();
  if (!customer) throw notFound('Customer', input.customerId);

  const invoices = await db
    .selectFrom('invoice')
    .innerJoin('entity', 'entity.id', 'invoice.entity_id')
    .select([
      'invoice.id',
      'invoice.entity_id',
      'entity.code as entity_code',
      'invoice.number',
      'invoice.issue_date',
      'invoice.due_date',
      'invoice.currency',
      'invoice.amount',
      'invoice.allocated_amount',
      'invoice.open_amount',
      'invoice.disputed',
    ])
    .where('invoice.customer_id', '=', customer.id)
    .where(sql<boolean>`invoice.allocated_amount < invoice.amount`)
    .where(rowVisible(actor, { customer: null, entity: 'invoice.entity_id' }))
    .orderBy('invoice.due_date')
    .orderBy('invoice.issue_date')
    .orderBy('invoice.id')
    .execute();

  const payments = await db
    .selectFrom('payment')
    .innerJoin('entity', 'entity.id', 'payment.entity_id')
    .select([
      'payment.id',
      'payment.entity_id',
      'entity.code as entity_code',
      'payment.reference',
      'payment.received_date',
      'payment.currency',
      'payment.amount',
      'payment.unapplied_amount',
      'payment.remittance_invoice_numbers',
    ])
    .where('payment.customer_id', '=', customer.id)
    .where('payment.reversed_on', 'is', null)
    .where('payment.unapplied_amount', '>', 0)
    .where(rowVisible(actor, { customer: null, entity: 'payment.entity_id' }))
    .orderBy('payment.received_date')
    .orderBy('payment.id')
    .execute();

  const creditNotes = await db
    .selectFrom('credit_note')
    .innerJoin('entity', 'entity.id', 'credit_note.entity_id')
    .select([
      'credit_note.id',
      'credit_note.entity_id',
      'entity.code as entity_code',
      'credit_note.number',
      'credit_note.issue_date',
      'credit_note.currency',
      'credit_note.amount',
      'credit_note.unapplied_amount',
      'credit_note.invoice_number',
    ])
    .where('credit_note.customer_id', '=', customer.id)
    .where('credit_note.unapplied_amount', '>', 0)
    .where(rowVisible(actor, { customer: null, entity: 'credit_note.entity_id' }))
    .orderBy('credit_note.issue_date')
    .orderBy('credit_note.id')
    .execute();

  return {
    invoices: invoices.map((row) => {
      const daysPastDue = Math.max(0, daysBetween(row.due_date, input.today));
      return {
        id: row.id,
        entityId: row.entity_id,
        entityCode: row.entity_code,
        number: row.number,
        issueDate: row.issue_date,
        dueDate: row.due_date,
        currency: row.currency,
        amount: row.amount,
        allocatedAmount: row.allocated_amount,
        openAmount: row.open_amount,
        daysPastDue,
        status: daysPastDue > 0 ? 'overdue' : 'open',
        disputed: row.disputed,
      };
    }),
    payments: payments.map((row) => ({
      id: row.id,
      entityId: row.entity_id,
      entityCode: row.entity_code,
      reference: row.reference,
      date: row.received_date,
      currency: row.currency,
      amount: row.amount,
      unappliedAmount: row.unapplied_amount,
      invoiceNumbers: row.remittance_invoice_numbers ?? [],
    })),
    creditNotes: creditNotes.map((row) => ({
      id: row.id,
      entityId: row.entity_id,
      entityCode: row.entity_code,
      reference: row.number,
      date: row.issue_date,
      currency: row.currency,
      amount: row.amount,
      unappliedAmount: row.unapplied_amount,
      invoiceNumbers: row.invoice_number ? [row.invoice_number] : [],
    })),
  };
}
