// What an import run reports, and the error log behind it: every bad row is counted, the first 1000 (by
// line) are kept for the report and the batch row.
import type { ImportError } from '../../platform/db/schema';
import type { DateReading } from './date-order';
import type { ImportKind } from './fields';

export const MAX_REPORTED_ERRORS = 1000;

export type ImportStatus = 'loaded' | 'validated' | 'rejected' | 'failed' | 'running';

export interface ImportReport {
  batchId: number;
  kind: ImportKind;
  fileName: string;
  status: ImportStatus;
  dryRun: boolean;
  rowsTotal: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  errors: ImportError[];
  /** How the file was read and which column fed which field. */
  source: {
    format: 'csv' | 'xlsx' | null;
    encoding: string | null;
    delimiter: string | null;
    totalBytes: number;
    /** field → the header it was read from */
    columns: Record<string, string>;
    /** Headers no field was read from. */
    ignoredColumns: string[];
    /** How a/b/yyyy dates were read (the mapping's format, or inferred from the first rows); null: none. */
    dateFormat: DateReading | null;
  };
  /** Records made along the way: customers named by invoices, staff named by customers, the entity. */
  created: { entity: string | null; customers: number; staff: number; payments: number };
  allocations: { count: number; amount: number };
  /** Rows left out on purpose (a totals row), each with its line and why. */
  skipped: ImportError[];
  /** Loaded or not, what deserves a look: invoice numbers that differ only by leading zeros. */
  warnings: ImportError[];
  sha256: string;
  startedAt: string;
  finishedAt: string | null;
}

export class ProblemLog {
  private stored: ImportError[] = [];
  count = 0;

  /** Row problems arrive in line order, so the first ones kept are the lowest lines. */
  add(problem: ImportError): void {
    this.count++;
    if (this.stored.length < MAX_REPORTED_ERRORS) this.stored.push(problem);
  }

  /** Problems from a set-based check: its first rows by line, and how many there were in all. */
  addSet(problems: ImportError[], total: number): void {
    this.count += total;
    this.stored.push(...problems);
  }

  first(): ImportError[] {
    return [...this.stored].sort((a, b) => a.line - b.line).slice(0, MAX_REPORTED_ERRORS);
  }
}
