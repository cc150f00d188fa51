import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';
import { notFound } from '../../platform/errors';
import { type InvoiceDetail, toInvoiceAllocation, toInvoiceSummary } from './invoice-dto';
import { selectInvoiceAllocations, selectInvoiceById } from './invoice-queries';

/** One invoice with its allocations; invisible and missing invoices are both "not found". */
export async function getInvoice(
  db: Db | Tx,
  actor: Actor,
  input: { id: number; today: string },
): Promise<InvoiceDetail> {
  assertCan(actor, 'ledger:read');
  const row = await selectInvoiceById(db, actor, input.id);
  if (!row) throw notFound('Invoice', input.id);
  const allocations = await selectInvoiceAllocations(db, row.id);
  return { ...toInvoiceSummary(row, input.today), allocations: allocations.map(toInvoiceAllocation) };
}
