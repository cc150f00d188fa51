// One reader over the formats an import accepts: CSV-like text (any encoding and delimiter) and XLSX.
// It also finds the header row: the first row with two or more non-empty cells, so that report titles
// above the table (应收账款明细表, 2024年1月) are skipped.
import { open, stat } from 'node:fs/promises';
import { AppError, msg } from '../../platform/errors';
import { fileProblem } from './file-problem';
import { importLimits } from './import-limits';
import { readCsvRecords, sniffCsvLayout } from './read-csv';
import { readXlsxRecords, sniffSpreadsheet } from './read-xlsx';
import type { TextEncoding } from './sniff';
import type { Cell } from './values';
import { cellText } from './values';

export interface SourceInfo {
  format: 'csv' | 'xlsx';
  /** Of a CSV; a file that starts with a megabyte of ASCII has it once its first other byte is read. */
  encoding: string | null;
  delimiter: string | null;
  totalBytes: number;
}

export interface SourceRow {
  line: number;
  cells: Cell[];
}

export interface OpenedSource {
  info: SourceInfo;
  /** The header row, or null for a file without one. */
  header: SourceRow | null;
  /** Data rows after the header, in batches; blank rows are left out. */
  rows: AsyncGenerator<SourceRow[]>;
}

export function isBlankRow(cells: Cell[]): boolean {
  for (const cell of cells) if (cellText(cell) !== '') return false;
  return true;
}

function filledCount(cells: Cell[]): number {
  let count = 0;
  for (const cell of cells) if (cellText(cell) !== '') count++;
  return count;
}

export interface OpenOptions {
  onBytes?: (bytes: number) => void;
  headerScore?: HeaderScore;
  /** The encoding the user stated (mapping "encoding"): no sniffing. */
  encoding?: TextEncoding;
}

export async function openSource(path: string, options: OpenOptions = {}): Promise<OpenedSource> {
  const { onBytes } = options;
  const { size } = await stat(path);
  const handle = await open(path, 'r');
  const head = Buffer.alloc(4);
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  const spreadsheet = sniffSpreadsheet(head);
  if (spreadsheet === 'xls') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', msg('oldXls'));
  }
  let info: SourceInfo;
  let batches: AsyncGenerator<SourceRow[]>;
  if (spreadsheet === 'xlsx') {
    info = { format: 'xlsx', encoding: null, delimiter: null, totalBytes: size };
    batches = readXlsxRecords(path, onBytes);
  } else {
    const layout = await sniffCsvLayout(path, options.encoding);
    const csvInfo: SourceInfo = {
      format: 'csv',
      encoding: layout.encoding,
      delimiter: layout.delimiter,
      totalBytes: size,
    };
    info = csvInfo;
    batches = readCsvRecords(path, layout, {
      onBytes,
      onEncoding: (encoding) => {
        csvInfo.encoding = encoding;
      },
    });
  }
  return splitHeader(info, counted(batches, importLimits().cells), options.headerScore);
}

/** Refuses a file with more cells than one import may read (a sheet of a million columns, a bomb). */
async function* counted(batches: AsyncGenerator<SourceRow[]>, limit: number): AsyncGenerator<SourceRow[]> {
  let cells = 0;
  try {
    for await (const batch of batches) {
      for (const row of batch) {
        cells += row.cells.length;
        if (cells > limit) {
          throw fileProblem(
            'too_many_cells',
            `the file has more than ${limit.toLocaleString('en')} cells (the limit for one import), reached at line ${row.line}: split it into several files`,
            { line: row.line, params: { limit } },
          );
        }
      }
      yield batch;
    }
  } finally {
    await batches.return(undefined);
  }
}

/** Scores a candidate header row: how many of its cells name a field (recognised or mapped). */
export type HeaderScore = (texts: string[]) => number;

const HEADER_SEARCH_ROWS = 20;

async function splitHeader(
  info: SourceInfo,
  batches: AsyncGenerator<SourceRow[]>,
  score?: HeaderScore,
): Promise<OpenedSource> {
  // Look at the first rows: the header is the one naming the most fields, else the first with 2+ cells.
  const head: SourceRow[] = [];
  let exhausted = false;
  while (head.length < HEADER_SEARCH_ROWS) {
    const next = await batches.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    for (const row of next.value) if (!isBlankRow(row.cells)) head.push(row);
  }
  let headerAt = -1;
  let best = 0;
  if (score) {
    head.slice(0, HEADER_SEARCH_ROWS).forEach((row, i) => {
      const points = score(row.cells.map((cell) => cellText(cell)));
      if (points > best) {
        best = points;
        headerAt = i;
      }
    });
  }
  if (headerAt < 0) headerAt = head.findIndex((row) => filledCount(row.cells) >= 2);
  const header = headerAt >= 0 ? head[headerAt] : null;
  const rest = header ? head.slice(headerAt + 1) : [];
  async function* rows(): AsyncGenerator<SourceRow[]> {
    try {
      if (rest.length) yield rest;
      if (!header || exhausted) return;
      for await (const batch of batches) {
        const filled = batch.filter((row) => !isBlankRow(row.cells));
        if (filled.length) yield filled;
      }
    } finally {
      await batches.return(undefined);
    }
  }
  return { info, header, rows: rows() };
}

export function headerTexts(header: SourceRow | null): string[] {
  return (header?.cells ?? []).map((cell) => cellText(cell));
}
