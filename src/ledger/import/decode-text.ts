// Bytes of a delimited export → text, one chunk at a time. UTF-8 is checked here, not by a fatal
// TextDecoder, so that a GBK row deep in a UTF-8 file is reported at its own line. A file whose first
// megabyte is plain ASCII has not shown its encoding yet: it is decided at its first non-ASCII bytes (ASCII
// reads the same in UTF-8 and GBK, so nothing read before has to be read again).
import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { AppError, msg } from '../../platform/errors';
import { fileProblem } from './file-problem';
import { looksUtf8, type TextEncoding } from './sniff';

/** Non-ASCII bytes looked at before telling UTF-8 from GBK: a couple of thousand Chinese characters. */
const DECIDE_BYTES = 4096;
const EMPTY = Buffer.alloc(0);

export interface TextReaderOptions {
  /** null: the file is ASCII so far, decide at its first other byte. */
  encoding: TextEncoding | null;
  /** Byte-order mark to skip at the start. */
  bomLength: number;
  /** Lines end with a bare CR (old Mac exports): count those for line numbers. */
  crOnly: boolean;
  /** Told once when an undecided encoding is decided. */
  onEncoding?: (encoding: TextEncoding) => void;
}

interface StreamDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

function streamDecoder(encoding: Exclude<TextEncoding, 'utf-8'>): StreamDecoder {
  if (encoding === 'gb18030') {
    const decoder = iconv.getDecoder('gb18030');
    return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '' };
  }
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
}

export class TextReader {
  encoding: TextEncoding | null;
  /** GB18030 and UTF-16 keep their own state across chunks; UTF-8 and undecided bytes wait in `held`. */
  private decoder: StreamDecoder | null = null;
  private held: Buffer = EMPTY;
  private bomLeft: number;
  /** Physical line of the next text to come out. */
  private line = 1;
  private readonly newline: string;
  /** Non-ASCII UTF-8 was read: a bad byte after it is a stray row, not a GBK file. */
  private sawUtf8 = false;

  constructor(private readonly options: TextReaderOptions) {
    this.encoding = options.encoding;
    if (this.encoding && this.encoding !== 'utf-8') this.decoder = streamDecoder(this.encoding);
    this.bomLeft = options.bomLength;
    this.newline = options.crOnly ? '\r' : '\n';
  }

  /** The text of the next chunk; a character cut at its end comes with the next one. */
  write(chunk: Buffer): string {
    return this.decode(chunk, false);
  }

  /** What is left at the end of the file. */
  end(): string {
    return this.decode(EMPTY, true);
  }

  private decode(chunk: Buffer, final: boolean): string {
    let bytes = this.held.length ? Buffer.concat([this.held, chunk]) : chunk;
    this.held = EMPTY;
    if (this.bomLeft > 0) {
      const skipped = Math.min(this.bomLeft, bytes.length);
      bytes = bytes.subarray(skipped);
      this.bomLeft -= skipped;
    }
    let text = '';
    if (this.encoding === null) {
      const at = firstNonAscii(bytes);
      if (at < 0) return this.counted(bytes.toString('latin1'));
      text = this.counted(bytes.toString('latin1', 0, at));
      bytes = bytes.subarray(at);
      if (!final && bytes.length < DECIDE_BYTES) {
        this.held = Buffer.from(bytes);
        return text;
      }
      this.decide(looksUtf8(bytes, final) ? 'utf-8' : 'gb18030');
    }
    if (this.decoder) return text + this.counted(this.streamed(this.decoder, bytes, final));
    return text + this.utf8(bytes, final);
  }

  private decide(encoding: TextEncoding): void {
    this.encoding = encoding;
    if (encoding !== 'utf-8') this.decoder = streamDecoder(encoding);
    this.options.onEncoding?.(encoding);
  }

  private utf8(bytes: Buffer, final: boolean): string {
    const end = final ? bytes.length : completeUtf8Length(bytes);
    if (end < bytes.length) this.held = Buffer.from(bytes.subarray(end));
    const piece = bytes.subarray(0, end);
    if (!isUtf8(piece)) {
      const bad = firstInvalidUtf8(piece);
      const line = this.line + countOf(piece, this.newline, bad);
      if (this.sawUtf8 || !isAscii(piece.subarray(0, bad))) {
        throw rejected(
          line,
          'not valid UTF-8 while the lines before it are: this row is probably GBK, pasted from another file; save the whole file as UTF-8 (if all of it is GBK, set "encoding": "gbk" in the mapping)',
          'invalid_utf8_line',
        );
      }
      throw rejected(
        line,
        'not valid UTF-8, so the file is probably GBK (as Chinese Excel saves CSV): set "encoding": "gbk" in the mapping (huikuan import --encoding gbk), or save the whole file as UTF-8',
        'not_utf8',
      );
    }
    if (!this.sawUtf8 && !isAscii(piece)) this.sawUtf8 = true;
    return this.counted(piece.toString('utf8'));
  }

  private streamed(decoder: StreamDecoder, bytes: Buffer, final: boolean): string {
    try {
      return decoder.write(bytes) + (final ? decoder.end() : '');
    } catch {
      // Only UTF-16 fails here (GB18030 decodes anything); where in the chunk is not known.
      throw rejected(
        this.line,
        `not valid ${this.encoding} at or after this line; save the file in one encoding`,
        'invalid_encoding',
      );
    }
  }

  private counted(text: string): string {
    const nul = text.indexOf('\0');
    if (nul >= 0) {
      const line = this.line + countOf(text, this.newline, nul);
      throw fileProblem(
        'nul_byte',
        `the line holds a NUL byte (\\0), which no text export contains: the file is binary, damaged or in another encoding (UTF-16/UTF-32); save it again as CSV in UTF-8`,
        { line, params: { line } },
      );
    }
    this.line += countOf(text, this.newline, text.length);
    return text;
  }
}

function rejected(
  line: number,
  reason: string,
  code: 'invalid_utf8_line' | 'not_utf8' | 'invalid_encoding',
): AppError {
  const message = msg('fileUnreadableFrom', { line, reason: { messageCode: code, params: { line } } });
  return new AppError('IMPORT_REJECTED', message, {
    problems: [{ line, field: null, value: null, reason, code, params: { line } }],
  });
}

function firstNonAscii(bytes: Buffer): number {
  if (isAscii(bytes)) return -1;
  let at = 0;
  while (bytes[at] < 0x80) at++;
  return at;
}

/** Length of `bytes` without a multi-byte character cut at the end, which the next chunk completes. */
function completeUtf8Length(bytes: Buffer): number {
  const length = bytes.length;
  for (let at = length - 1; at >= 0 && at >= length - 3; at--) {
    const byte = bytes[at];
    if (byte < 0x80) return length;
    if (byte >= 0xc0) {
      const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return at + size > length ? at : length;
    }
  }
  return length;
}

/** Where valid UTF-8 stops: valid text re-encodes to the same bytes, so the first byte that differs. */
function firstInvalidUtf8(bytes: Buffer): number {
  const again = Buffer.from(bytes.toString('utf8'), 'utf8');
  let at = 0;
  while (at < bytes.length && bytes[at] === again[at]) at++;
  return at;
}

function countOf(haystack: string | Buffer, needle: string, end: number): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0 && at < end; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}
