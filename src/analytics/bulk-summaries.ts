// The AR summary of a bulk load (the import's initial load of an empty, locked invoice table): the insert
// trigger that summarises each statement's rows is off while they go in, and the batch is summarised by
// analytics_add_loaded_invoices() (migration 0033) in the same transaction.
import type { RawConnection } from '../platform/db/connection';

/** Turns the invoice summary trigger off; the returned function summarises the loaded invoices and turns it on. */
export async function suspendInvoiceSummaries(raw: RawConnection): Promise<() => Promise<void>> {
  await raw.exec('alter table invoice disable trigger analytics_invoice_insert');
  return async () => {
    await raw.query('select analytics_add_loaded_invoices()');
    await raw.exec('alter table invoice enable trigger analytics_invoice_insert');
  };
}
