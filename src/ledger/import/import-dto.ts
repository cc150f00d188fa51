// import_batch rows as the ImportReport the API and CLI show.

import type { ImportKind } from './fields';
import type { BatchOutcome, BatchRow } from './import-queries';
import type { ImportReport } from './report';

/** The details of a batch that never got to read its file. */
export const EMPTY_DETAILS: BatchOutcome['details'] = {
  source: {
    format: null,
    encoding: null,
    delimiter: null,
    totalBytes: 0,
    columns: {},
    ignoredColumns: [],
    dateFormat: null,
  },
  created: { entity: null, customers: 0, staff: 0, payments: 0 },
  allocations: { count: 0, amount: 0 },
  skipped: [],
  warnings: [],
};

export function batchToReport(row: BatchRow, options: { withErrors?: boolean } = {}): ImportReport {
  const details = { ...EMPTY_DETAILS, ...(row.details as Partial<BatchOutcome['details']>) };
  return {
    batchId: row.id,
    kind: row.kind as ImportKind,
    fileName: row.file_name,
    status: row.status,
    dryRun: row.dry_run,
    rowsTotal: row.rows_total,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    errorCount: row.error_count,
    errors: options.withErrors === false ? [] : (row.errors ?? []),
    // Batches recorded before a field was added lack it.
    source: { ...EMPTY_DETAILS.source, ...details.source },
    created: details.created,
    allocations: details.allocations,
    skipped: details.skipped ?? [],
    warnings: details.warnings ?? [],
    sha256: row.file_sha256,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
  };
}
