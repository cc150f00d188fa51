// Streams a delimited text file as batches of records with flat memory: bytes → TextReader (UTF-8,
// UTF-16 or GB18030) → CsvSplitter. Encoding and delimiter are sniffed from the first megabyte, unless the
// mapping states the encoding.
import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { type CsvRecord, CsvSplitter } from './csv-splitter';
import { TextReader } from './decode-text';
import { fileProblem } from './file-problem';
import {
  type Delimiter,
  type EncodingGuess,
  sniffDelimiter,
  sniffEncoding,
  type TextEncoding,
  wideEncodingOf,
} from './sniff';

const SAMPLE_BYTES = 1 << 20;
const CHUNK_BYTES = 1 << 20;

export interface CsvLayout extends EncodingGuess {
  /** The sample is plain ASCII but not the whole file: the encoding is decided at the first other byte. */
  undecided: boolean;
  delimiter: Delimiter;
  /** Old Mac exports end lines with a bare CR. */
  crOnly: boolean;
}

const BOMS: Partial<Record<TextEncoding, number[]>> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
};

/** The stated encoding, skipping its byte-order mark when the file has one. */
function statedEncoding(encoding: TextEncoding, sample: Buffer): EncodingGuess {
  const bom = BOMS[encoding] ?? [];
  const hasBom = bom.length > 0 && bom.every((byte, i) => sample[i] === byte);
  return { encoding, bomLength: hasBom ? bom.length : 0 };
}

export async function sniffCsvLayout(path: string, stated?: TextEncoding): Promise<CsvLayout> {
  const handle = await open(path, 'r');
  try {
    const sample = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(sample, 0, SAMPLE_BYTES, 0);
    const bytes = sample.subarray(0, bytesRead);
    const complete = bytesRead < SAMPLE_BYTES;
    if (!stated) refuseWideWithoutBom(bytes);
    const guess = stated ? statedEncoding(stated, bytes) : sniffEncoding(bytes, complete);
    const undecided = !stated && !complete && isAscii(bytes);
    // Only for the delimiter and line ends: a bad byte here is reported with its line when the rows are read.
    const text =
      guess.encoding === 'gb18030'
        ? iconv.decode(bytes, 'gb18030')
        : new TextDecoder(guess.encoding).decode(bytes.subarray(guess.bomLength));
    const crOnly = !text.includes('\n') && text.includes('\r');
    return { ...guess, undecided, delimiter: sniffDelimiter(text), crOnly };
  } finally {
    await handle.close();
  }
}

/**
 * UTF-16 and UTF-32 text without a byte-order mark is full of NUL bytes: read as UTF-8 it would be garbage
 * (or a NUL sent to the database). UTF-16 is read when the user states it; UTF-32 is not read at all.
 */
function refuseWideWithoutBom(sample: Buffer): void {
  const wide = wideEncodingOf(sample);
  if (!wide) return;
  if (wide.startsWith('utf-32')) {
    throw fileProblem(
      'utf32',
      `the file is ${wide.toUpperCase()} text, which is not read: save it as CSV in UTF-8 (or GBK)`,
      { params: { encoding: wide.toUpperCase() } },
    );
  }
  throw fileProblem(
    'utf16_without_bom',
    `the file is ${wide.toUpperCase()} text without a byte-order mark: save it as CSV in UTF-8, or state "encoding": "${wide}" in the mapping (huikuan import --encoding ${wide})`,
    { params: { encoding: wide.toUpperCase(), name: wide } },
  );
}

/**
 * Records in batches. `onBytes` is told how many bytes were read (progress), `onEncoding` the encoding
 * of a file that was ASCII at first once it is known. Throws IMPORT_REJECTED with the line where the
 * bytes stop being valid in the encoding.
 */
export async function* readCsvRecords(
  path: string,
  layout: CsvLayout,
  options: { onBytes?: (bytes: number) => void; onEncoding?: (encoding: TextEncoding) => void } = {},
): AsyncGenerator<CsvRecord[]> {
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  const reader = new TextReader({
    encoding: layout.undecided ? null : layout.encoding,
    bomLength: layout.bomLength,
    crOnly: layout.crOnly,
    onEncoding: options.onEncoding,
  });
  const splitter = new CsvSplitter(layout.delimiter);
  const lines = (text: string) => (layout.crOnly ? text.replace(/\r\n?/g, '\n') : text);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      options.onBytes?.(chunk.length);
      const out: CsvRecord[] = [];
      splitter.push(lines(reader.write(chunk)), out);
      if (out.length) yield out;
    }
    const out: CsvRecord[] = [];
    splitter.push(lines(reader.end()), out);
    splitter.end(out);
    if (out.length) yield out;
  } finally {
    stream.destroy();
  }
}
