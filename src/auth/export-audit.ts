// Audit-log export (CSV or JSON), oldest first, streamed in batches so that any size fits in memory. The
// export itself is recorded on the chain: who took a copy of the log, and with which filter.
import { type Actor, assertCan } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { inTransaction } from '../platform/db/transaction';
import { checkAuditFilter } from './audit-filter';
import { type AuditFilter, appendAuditEvent, streamAudit } from './audit-queries';
import { AUDIT_CSV_COLUMNS, auditCsvLine, toAuditEntryView } from './audit-view';

export type AuditExportFormat = 'csv' | 'json';

export async function exportAudit(
  db: Db,
  actor: Actor,
  input: AuditFilter & { format: AuditExportFormat; timeZone: string },
): Promise<AsyncGenerator<string>> {
  assertCan(actor, 'audit:read');
  const { format, timeZone, ...rest } = input;
  const filter = checkAuditFilter(rest);
  await inTransaction(db, actor, (tx) =>
    appendAuditEvent(tx, 'audit_log', 'EXPORT', null, { format, filter: filter as Record<string, unknown> }),
  );
  // The first batch is read before anything is sent: a query that fails does so while the answer can still
  // be an error, not a 200 whose stream is cut after the header line.
  const batches = streamAudit(db, filter, timeZone)[Symbol.asyncIterator]();
  const first = await batches.next();
  return (async function* () {
    if (format === 'csv')
      yield `\ufeff${AUDIT_CSV_COLUMNS.join(',')}\r\n`; // BOM: Excel reads UTF-8 Chinese
    else yield '[';
    let firstEntry = true;
    for (let next = first; !next.done; next = await batches.next()) {
      const batch = next.value;
      let chunk = '';
      for (const row of batch) {
        const entry = toAuditEntryView(row);
        if (format === 'csv') chunk += auditCsvLine(entry);
        else {
          chunk += `${firstEntry ? '\n' : ',\n'}${JSON.stringify(entry)}`;
          firstEntry = false;
        }
      }
      yield chunk;
    }
    if (format === 'json') yield '\n]\n';
  })();
}
