// Guessing how a text export is written: its encoding (Chinese Excel saves CSV as GBK; newer tools as
// UTF-8, often with a BOM; Excel's "Unicode text" as UTF-16) and its delimiter.
import { isAscii, isUtf8 } from 'node:buffer';

export { wideEncodingOf } from '../../shared/wide-text';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface EncodingGuess {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

/**
 * Whether a sample is UTF-8 rather than GB18030. `complete` says the sample is the whole file, so a
 * multi-byte character cut at its end is an error rather than the chunk boundary.
 */
export function looksUtf8(sample: Uint8Array, complete: boolean): boolean {
  if (isUtf8(sample)) return true;
  if (complete) return false;
  // The sample may end inside a character: drop up to 3 trailing bytes and try again.
  for (let cut = 1; cut <= 3 && cut < sample.length; cut++) {
    if (isUtf8(sample.subarray(0, sample.length - cut))) return true;
  }
  return false;
}

/**
 * BOM first; then valid UTF-8 is UTF-8 (ASCII included); anything else is GB18030, the superset of GBK
 * and GB2312.
 */
export function sniffEncoding(sample: Uint8Array, complete: boolean): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return {
    encoding: looksUtf8(sample, complete) || mostlyUtf8(sample, complete) ? 'utf-8' : 'gb18030',
    bomLength: 0,
  };
}

/**
 * A UTF-8 file with a few GBK rows pasted in: most of its non-ASCII lines are valid UTF-8. It is read as
 * UTF-8, so that the first bad line is named, rather than decoded whole as GBK into garbage headers.
 */
function mostlyUtf8(sample: Uint8Array, complete: boolean): boolean {
  const bytes = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength);
  let valid = 0;
  let invalid = 0;
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) {
      if (!complete) break; // the last line may be cut in the middle of a character
      end = bytes.length;
    }
    const line = bytes.subarray(start, end);
    if (!isAscii(line)) {
      if (isUtf8(line)) valid++;
      else invalid++;
    }
    start = end + 1;
  }
  return valid > invalid;
}

const ENCODING_NAMES: Record<string, TextEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  gb18030: 'gb18030',
  cp936: 'gb18030',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

/** The encoding a user names (GBK, gb2312, UTF8, ...), or undefined. GBK is read as its superset GB18030. */
export function encodingNamed(name: string): TextEncoding | undefined {
  const key = name.trim().toLowerCase();
  return Object.hasOwn(ENCODING_NAMES, key) ? ENCODING_NAMES[key] : undefined;
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
