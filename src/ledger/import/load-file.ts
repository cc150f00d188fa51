// The load of one file, all in one transaction on a pinned connection: read and check every row, COPY the
// good ones into a staging table, run the kind's set-based checks, and only when nothing at all is wrong
// upsert from staging. Anything wrong — or a dry run — rolls the whole transaction back.
import { stat } from 'node:fs/promises';
import type { Actor } from '../../platform/auth/actor';
import type { ImportError } from '../../platform/db/schema';
import { inPinnedTransaction, type PinnedConnection, type Store } from '../../platform/db/store';
import { setTransactionActor } from '../../platform/db/transaction';
import { copyLine } from './copy-text';
import type { ImportKind } from './fields';
import { recognisedHeaderCount } from './headers';
import { lockImports } from './import-lock';
import type { BatchOutcome } from './import-queries';
import { kindHandler } from './kinds';
import { type ImportMapping, resolveColumns } from './mapping';
import { MAX_REPORTED_ERRORS, ProblemLog } from './report';
import { prepareRowContext } from './row-context';
import { RowReader } from './row-reader';
import { headerTexts, openSource, type SourceRow } from './source';
import { analyzeStage, copyIntoStage, createStage } from './stage-queries';
import { keyColumns, totalsRowWord } from './totals-row';
import { cellText } from './values';

export interface LoadInput {
  kind: ImportKind;
  filePath: string;
  mapping: ImportMapping;
  dryRun: boolean;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  onPhase?: (phase: 'reading' | 'checking' | 'loading' | 'done') => void;
}

const SAMPLE_ROWS = 1000;
const COPY_CHUNK = 1 << 18;

/** Thrown inside the transaction to roll it back while still returning an outcome. */
class RollBack extends Error {
  constructor(readonly outcome: BatchOutcome) {
    super('roll back');
  }
}

export async function loadFile(store: Store, actor: Actor, input: LoadInput): Promise<BatchOutcome> {
  try {
    return await inPinnedTransaction(store, (conn) => load(conn, actor, input));
  } catch (error) {
    if (error instanceof RollBack) return error.outcome;
    throw error;
  }
}

async function load({ raw, db }: PinnedConnection, actor: Actor, input: LoadInput): Promise<BatchOutcome> {
  const { kind, mapping } = input;
  const handler = kindHandler(kind);
  await lockImports(raw); // before anything reads the ledger: one load at a time
  await setTransactionActor(db, actor);
  // Hash aggregates over a big staging table (duplicate checks) stay in memory.
  await raw.exec(`set local work_mem = '128MB'`);
  const { size } = await stat(input.filePath);
  let bytesRead = 0;
  const mappedSources = new Set(Object.values(mapping.columns ?? {}));
  const source = await openSource(input.filePath, {
    onBytes: (bytes) => {
      bytesRead += bytes;
      input.onProgress?.(bytesRead, size);
    },
    headerScore: (texts) =>
      recognisedHeaderCount(kind, texts) + texts.filter((text) => mappedSources.has(text)).length,
    encoding: mapping.encoding,
  });
  input.onPhase?.('reading');
  const outcome: BatchOutcome = {
    status: 'rejected',
    rowsTotal: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    errorCount: 0,
    errors: [],
    details: {
      source: { ...source.info, columns: {}, ignoredColumns: [], dateFormat: null },
      created: { entity: null, customers: 0, staff: 0, payments: 0 },
      allocations: { count: 0, amount: 0 },
      skipped: [],
      warnings: [],
    },
  };
  const reject = (errors: ImportError[], count = errors.length) => {
    throw new RollBack({ ...outcome, status: 'rejected', errorCount: count, errors });
  };
  try {
    if (!source.header) reject([{ line: 1, field: null, value: null, reason: 'the file has no header row' }]);
    const header = source.header!;
    const headers = headerTexts(header);
    const columns = resolveColumns(kind, headers, mapping, header.line);
    const used = new Set(columns.index.values());
    outcome.details.source.columns = columns.columns;
    outcome.details.source.ignoredColumns = headers.filter((text, i) => text && !used.has(i));
    if (columns.problems.length) reject(columns.problems as ImportError[]);

    // The first rows decide how to read a/b/yyyy dates and the currency of a new default entity.
    const pending: SourceRow[][] = [];
    let sampled = 0;
    while (sampled < SAMPLE_ROWS) {
      const next = await source.rows.next();
      if (next.done) break;
      pending.push(next.value);
      sampled += next.value.length;
    }
    const sample = pending.flat().slice(0, SAMPLE_ROWS);
    const prepared = await prepareRowContext(raw, actor, kind, mapping, columns, sample, header.line);
    if (prepared.problems.length) reject(prepared.problems);
    outcome.details.created.entity = prepared.createdEntity;
    outcome.details.source.dateFormat = prepared.ctx.dateReading;

    await createStage(raw, handler.stage);
    const log = new ProblemLog();
    const reader = new RowReader(prepared.ctx);
    const width = headers.length;
    const keys = keyColumns(kind, columns.index);
    const skipped = outcome.details.skipped;
    let rowsTotal = 0;
    async function* batches() {
      yield* pending;
      yield* source.rows;
    }
    async function* copyText() {
      let lines: string[] = [];
      let size = 0;
      for await (const batch of batches()) {
        for (const row of batch) {
          const total = totalsRowWord(row.cells, keys);
          if (total) {
            if (skipped.length < MAX_REPORTED_ERRORS)
              skipped.push({
                line: row.line,
                field: null,
                value: total,
                reason: `a totals row (${total}), not a record: skipped`,
                code: 'totals_row',
                params: { word: total },
              });
            continue;
          }
          rowsTotal++;
          reader.start(row.line, row.cells);
          if (row.cells.length > width && row.cells.slice(width).some((cell) => cellText(cell) !== '')) {
            reader.fail(
              null,
              null,
              `the row has ${row.cells.length} cells, the header ${width} (an unquoted delimiter inside a value?)`,
            );
          }
          const values = reader.ok ? handler.row(reader) : null;
          if (values) {
            const line = copyLine(values);
            lines.push(line);
            size += line.length;
          } else if (reader.problems.length === 0) {
            log.add({ line: row.line, field: null, value: null, reason: 'the row could not be read' });
          } else for (const problem of reader.problems) log.add(problem);
        }
        if (size >= COPY_CHUNK) {
          yield lines.join('');
          lines = [];
          size = 0;
        }
      }
      if (lines.length) yield lines.join('');
    }
    await copyIntoStage(raw, handler.stage, copyText());
    outcome.rowsTotal = rowsTotal;
    // A file that started with a megabyte of ASCII shows its encoding only further down.
    outcome.details.source.encoding = source.info.encoding;
    input.onPhase?.('checking');
    await analyzeStage(raw);
    if (mapping.createCustomers) await handler.nameCustomersByCode?.(raw);
    await handler.check(raw, log);
    if (log.count > 0 && !handler.checksWhileLoading) reject(log.first(), log.count);
    outcome.details.warnings = (await handler.warn?.(raw)) ?? [];

    input.onPhase?.('loading');
    const has = (field: string) => columns.index.has(field) || mapping.defaults?.[field] !== undefined;
    const result = await handler.load({ raw, log, db, actor, has, rows: rowsTotal });
    if (log.count > 0) reject(log.first(), log.count);
    outcome.inserted = result.inserted;
    outcome.updated = result.updated;
    outcome.unchanged = rowsTotal - result.inserted - result.updated;
    outcome.details.created = {
      entity: prepared.createdEntity,
      customers: result.customers ?? 0,
      staff: result.staff ?? 0,
      payments: result.payments ?? 0,
    };
    outcome.details.allocations = result.allocations ?? { count: 0, amount: 0 };
    outcome.status = input.dryRun ? 'validated' : 'loaded';
    input.onPhase?.('done');
    if (input.dryRun) throw new RollBack(outcome);
    return outcome;
  } finally {
    await source.rows.return(undefined);
  }
}
