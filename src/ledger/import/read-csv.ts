// Streams a delimited text file as batches of records with flat memory: bytes → decoder (UTF-8, UTF-16 or
// GB18030 via iconv-lite) → CsvSplitter. Encoding and delimiter are sniffed from the first megabyte.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { AppError } from '../../platform/errors';
import { type CsvRecord, CsvSplitter } from './csv-splitter';
import { type Delimiter, type EncodingGuess, sniffDelimiter, sniffEncoding } from './sniff';

const SAMPLE_BYTES = 1 << 20;
const CHUNK_BYTES = 1 << 20;

export interface CsvLayout extends EncodingGuess {
  delimiter: Delimiter;
  /** Old Mac exports end lines with a bare CR. */
  crOnly: boolean;
}

interface Decoder {
  write(chunk: Buffer): string;
  end(): string;
}

function decoderFor(encoding: EncodingGuess['encoding']): Decoder {
  if (encoding === 'gb18030') {
    const decoder = iconv.getDecoder('gb18030');
    return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '' };
  }
  // fatal: a GBK byte sequence later in a file that started as UTF-8 is an error, not silent mojibake.
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
}

export async function sniffCsvLayout(path: string): Promise<CsvLayout> {
  const handle = await open(path, 'r');
  try {
    const sample = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(sample, 0, SAMPLE_BYTES, 0);
    const bytes = sample.subarray(0, bytesRead);
    const guess = sniffEncoding(bytes, bytesRead < SAMPLE_BYTES);
    const decoder = decoderFor(guess.encoding);
    let text: string;
    try {
      text = decoder.write(bytes);
    } catch {
      text = iconv.decode(bytes, 'gb18030');
    }
    const crOnly = !text.includes('\n') && text.includes('\r');
    return { ...guess, delimiter: sniffDelimiter(text), crOnly };
  } finally {
    await handle.close();
  }
}

/**
 * Records in batches. `onBytes` is told how many bytes were read (progress). Throws IMPORT_REJECTED with
 * the line when the bytes stop being valid in the sniffed encoding.
 */
export async function* readCsvRecords(
  path: string,
  layout: CsvLayout,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<CsvRecord[]> {
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  const decoder = decoderFor(layout.encoding);
  const splitter = new CsvSplitter(layout.delimiter);
  let lastLine = 1;
  const decode = (chunk: Buffer | null): string => {
    try {
      const text = chunk ? decoder.write(chunk) : decoder.end();
      return layout.crOnly ? text.replace(/\r\n?/g, '\n') : text;
    } catch {
      throw new AppError(
        'IMPORT_REJECTED',
        `The file is not valid ${layout.encoding} after line ${lastLine}`,
        {
          problems: [
            {
              line: lastLine + 1,
              field: null,
              value: null,
              reason: `not valid ${layout.encoding}; save the whole file in one encoding (UTF-8 or GBK)`,
            },
          ],
        },
      );
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      onBytes?.(chunk.length);
      const out: CsvRecord[] = [];
      splitter.push(decode(chunk), out);
      if (out.length) {
        lastLine = out[out.length - 1].line;
        yield out;
      }
    }
    const out: CsvRecord[] = [];
    splitter.push(decode(null), out);
    splitter.end(out);
    if (out.length) yield out;
  } finally {
    stream.destroy();
  }
}
