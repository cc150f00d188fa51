// Guessing how a text export is written: its encoding (Chinese Excel saves CSV as GBK; newer tools as
// UTF-8, often with a BOM; Excel's "Unicode text" as UTF-16) and its delimiter.
import { isUtf8 } from 'node:buffer';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface EncodingGuess {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

/**
 * BOM first; then valid UTF-8 is UTF-8 (ASCII included); anything else is GB18030, the superset of GBK
 * and GB2312. `complete` says the sample is the whole file, so a cut multi-byte character at its end is
 * an error rather than the chunk boundary.
 */
export function sniffEncoding(sample: Uint8Array, complete: boolean): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (isUtf8(sample)) return { encoding: 'utf-8', bomLength: 0 };
  if (!complete) {
    // The sample may end inside a character: drop up to 3 trailing bytes and try again.
    for (let cut = 1; cut <= 3 && cut < sample.length; cut++) {
      if (isUtf8(sample.subarray(0, sample.length - cut))) return { encoding: 'utf-8', bomLength: 0 };
    }
  }
  return { encoding: 'gb18030', bomLength: 0 };
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Counts each candidate outside quotes in one line. */
function countOutsideQuotes(line: string): Record<Delimiter, number> {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0, '|': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as Delimiter]++;
  }
  return counts;
}

/**
 * The delimiter of the header line: the candidate it contains most often outside quotes. Title lines
 * above the header (报表名称 with no delimiter) are skipped; a file of one column is comma-separated.
 */
export function sniffDelimiter(text: string): Delimiter {
  const lines = text.split(/\r\n|\n|\r/, 20);
  for (const line of lines) {
    const counts = countOutsideQuotes(line);
    let best: Delimiter | null = null;
    for (const candidate of DELIMITERS) {
      if (counts[candidate] > 0 && (best === null || counts[candidate] > counts[best])) best = candidate;
    }
    if (best) return best;
  }
  return ',';
}

export function delimiterName(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : delimiter === ',' ? 'comma' : delimiter === ';' ? 'semicolon' : 'pipe';
}
