// Streams the first worksheet of an XLSX workbook (exceljs WorkbookReader: rows are parsed as the zip is
// read, so a sheet of a million rows never sits in memory). Cells keep their types: numbers, dates
// (exceljs turns date-formatted cells into UTC-midnight Dates), booleans and text. The archive is checked
// first (xlsx-archive.ts): nothing unpacks beyond the caps, and what the reader still refuses is a 400.
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors';
import { fileProblem } from './file-problem';
import { importLimits } from './import-limits';
import type { Cell } from './values';
import { checkXlsxArchive, firstBadReference, sheetPart, type ZipEntry } from './xlsx-archive';

export interface XlsxRecord {
  line: number;
  cells: Cell[];
}

const BATCH = 500;

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as {
      richText?: Array<{ text: string }>;
      result?: unknown;
      formula?: string;
      sharedFormula?: string;
      text?: unknown;
      error?: string;
    };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return toCell(v.result);
    if (v.text !== undefined) return toCell(v.text);
    if (v.error) return v.error; // #N/A and friends are reported by validation as bad values
  }
  return String(value);
}

export async function* readXlsxRecords(
  path: string,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<XlsxRecord[]> {
  const entries = await checkXlsxArchive(path, importLimits());
  let lastRow = 0;
  try {
    yield* readChecked(path, onBytes, (row) => {
      lastRow = row;
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw await unreadable(path, entries, lastRow, error as Error);
  }
}

/** What the reader refused, said with the row: a bad cell reference named, else malformed XML. */
async function unreadable(
  path: string,
  entries: ZipEntry[],
  lastRow: number,
  error: Error,
): Promise<AppError> {
  const sheet = entries.find((entry) => sheetPart(entry.name));
  const bad = sheet ? await firstBadReference(path, sheet) : null;
  const line = bad?.row ?? lastRow + 1;
  if (bad) {
    return fileProblem(
      'cell_reference_invalid',
      `the sheet refers to cell "${bad.ref}", which is not a cell of a worksheet (columns A to XFD, rows 1 to 1048576): save the file again from Excel`,
      { line, value: bad.ref, params: { ref: bad.ref } },
    );
  }
  const detail = error.message.split('\n')[0].slice(0, 200);
  return fileProblem(
    'xml_malformed',
    `the sheet is not well-formed XML ${lastRow ? `after row ${lastRow}` : 'in its first row'} (${detail}): save the file again from Excel`,
    { line, params: { row: lastRow, detail } },
  );
}

async function* readChecked(
  path: string,
  onBytes: ((bytes: number) => void) | undefined,
  onRow: (row: number) => void,
): AsyncGenerator<XlsxRecord[]> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  if (onBytes) stream.on('data', (chunk) => onBytes(chunk.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell date cells from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      let batch: XlsxRecord[] = [];
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        // row.values is 1-based and sparse.
        for (let i = 1; i < values.length; i++) cells.push(toCell(values[i]));
        batch.push({ line: row.number, cells });
        onRow(row.number);
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
      return; // the first worksheet is the data
    }
  } finally {
    stream.destroy();
  }
}

/** XLSX is a zip: PK\x03\x04. The old binary .xls (OLE2) starts D0 CF 11 E0. */
export function sniffSpreadsheet(head: Uint8Array): 'xlsx' | 'xls' | null {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'xls';
  return null;
}
