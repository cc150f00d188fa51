// Automatic allocation (自动核销) of payments and credit notes to their customer's open invoices: by the
// invoice numbers they name, then oldest due first (see allocate.ts). Runs inside the caller's transaction
// — record-payment, the auto-allocate route and the import all call it — and works set-wise so that an
// import of thousands of payments costs a few queries: one read of the sources, one locking read of the
// customers' open invoices, one locking read per source table, one read of earlier reversals, bulk
// inserts.
import { type Actor, rowVisible } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';
import { type OpenInvoice, type PlannedAllocation, type PlanSource, planBatch } from './allocate';
import {
  idIn,
  insertAllocations,
  type LockedInvoice,
  lockCreditNotes,
  lockOpenInvoicesOfCustomers,
  lockPayments,
  type NewAllocation,
  selectLastReversals,
} from './allocation-queries';
import { earliestEffectiveOn } from './allocation-rules';

export interface AutoAllocateInput {
  paymentIds?: number[];
  creditNoteIds?: number[];
}

export interface AutoAllocateResult {
  allocationCount: number;
  allocatedAmount: number;
}

interface Source extends PlanSource {
  kind: 'payment' | 'credit_note';
  id: number;
  groupKey: string;
}

const groupKeyOf = (row: { customer_id: number; entity_id: number; currency: string }) =>
  `${row.customer_id}|${row.entity_id}|${row.currency}`;

export async function autoAllocate(
  db: Db | Tx,
  actor: Actor,
  input: AutoAllocateInput,
): Promise<AutoAllocateResult> {
  const paymentIds = [...new Set(input.paymentIds ?? [])];
  const creditNoteIds = [...new Set(input.creditNoteIds ?? [])];
  if (paymentIds.length === 0 && creditNoteIds.length === 0)
    return { allocationCount: 0, allocatedAmount: 0 };

  // 1. Which customers are concerned (customer of a document never changes, so no lock is needed here).
  const customerIds = new Set<number>();
  if (paymentIds.length > 0) {
    const rows = await db
      .selectFrom('payment')
      .select('customer_id')
      .distinct()
      .where(idIn('payment.id', paymentIds))
      .where('reversed_on', 'is', null)
      .where(rowVisible(actor, { customer: 'payment.customer_id', entity: 'payment.entity_id' }))
      .execute();
    for (const row of rows) customerIds.add(row.customer_id);
  }
  if (creditNoteIds.length > 0) {
    const rows = await db
      .selectFrom('credit_note')
      .select('customer_id')
      .distinct()
      .where(idIn('credit_note.id', creditNoteIds))
      .where(rowVisible(actor, { customer: 'credit_note.customer_id', entity: 'credit_note.entity_id' }))
      .execute();
    for (const row of rows) customerIds.add(row.customer_id);
  }
  if (customerIds.size === 0) return { allocationCount: 0, allocatedAmount: 0 };

  // 2. Lock in the global order: invoices, then payments, then credit notes (each by id).
  const invoices = await lockOpenInvoicesOfCustomers(db, actor, [...customerIds]);
  const payments = await lockPayments(db, actor, paymentIds);
  const creditNotes = await lockCreditNotes(db, actor, creditNoteIds);

  // 3. Group by customer, entity and currency: only those invoices may be paid by a source.
  const invoicesByGroup = new Map<string, LockedInvoice[]>();
  for (const invoice of invoices) {
    const key = groupKeyOf(invoice);
    const list = invoicesByGroup.get(key);
    if (list) list.push(invoice);
    else invoicesByGroup.set(key, [invoice]);
  }
  const sourcesByGroup = new Map<string, Source[]>();
  const addSource = (source: Source) => {
    if (!invoicesByGroup.has(source.groupKey) || source.amount <= 0) return;
    const list = sourcesByGroup.get(source.groupKey);
    if (list) list.push(source);
    else sourcesByGroup.set(source.groupKey, [source]);
  };
  for (const p of payments) {
    if (p.reversed_on !== null) continue; // a bounced payment pays nothing
    addSource({
      kind: 'payment',
      id: p.id,
      key: `p:${p.id}`,
      groupKey: groupKeyOf(p),
      date: p.received_date,
      // Same day: payments before credit notes, each by id — a stable, documented order.
      order: p.id,
      amount: p.unapplied_amount,
      invoiceNumbers: p.remittance_invoice_numbers ?? [],
    });
  }
  for (const c of creditNotes) {
    addSource({
      kind: 'credit_note',
      id: c.id,
      key: `c:${c.id}`,
      groupKey: groupKeyOf(c),
      date: c.issue_date,
      order: 1e15 + c.id,
      amount: c.unapplied_amount,
      invoiceNumbers: c.invoice_number ? [c.invoice_number] : [],
    });
  }

  // 4. Plan each group in memory.
  const planned: { invoice: LockedInvoice; source: Source; line: PlannedAllocation }[] = [];
  for (const [groupKey, sources] of sourcesByGroup) {
    const groupInvoices = invoicesByGroup.get(groupKey)!;
    const byId = new Map(groupInvoices.map((invoice) => [invoice.id, invoice]));
    const open: OpenInvoice[] = groupInvoices.map((invoice) => ({
      id: invoice.id,
      number: invoice.number,
      issueDate: invoice.issue_date,
      dueDate: invoice.due_date,
      openAmount: invoice.open_amount,
      disputed: invoice.disputed,
    }));
    const plans = planBatch(sources, open);
    for (const source of sources) {
      for (const line of plans.get(source.key)?.lines ?? []) {
        planned.push({ invoice: byId.get(line.invoiceId)!, source, line });
      }
    }
  }

  // 5. Insert every line in bulk, each on the earliest date it may take effect: a payment on account
  // applied to a later invoice on that invoice's issue date, one applied after an earlier allocation was
  // reversed on the reversal date — so that reports as of earlier dates stay true.
  const reversals = await selectLastReversals(db, {
    invoiceIds: [...new Set(planned.map((p) => p.invoice.id))],
    paymentIds: payments.map((p) => p.id),
    creditNoteIds: creditNotes.map((c) => c.id),
  });
  let allocatedAmount = 0;
  const rows = planned.map(({ invoice, source, line }): NewAllocation => {
    allocatedAmount += line.amount;
    const paymentId = source.kind === 'payment' ? source.id : null;
    const creditNoteId = source.kind === 'credit_note' ? source.id : null;
    return {
      invoice_id: invoice.id,
      payment_id: paymentId,
      credit_note_id: creditNoteId,
      amount: line.amount,
      effective_on: earliestEffectiveOn(invoice, { paymentId, creditNoteId, date: source.date }, reversals)
        .date,
      method: line.method,
      created_by: actor.userId,
    };
  });
  await insertAllocations(db, rows);
  return { allocationCount: rows.length, allocatedAmount };
}
