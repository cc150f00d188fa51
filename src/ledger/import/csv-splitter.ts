// A streaming CSV splitter (RFC 4180 plus the leniency real exports need). Text arrives in chunks; records
// come out with the physical line they start on, so errors point at the line an editor shows. Lines
// without quotes take a fast path through String.split, which is most of a large ERP export. A quote that
// is never closed is refused at the line it opens on (it would swallow every line after it).
import { fileProblem } from './file-problem';

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  cells: string[];
}

export class CsvSplitter {
  private buffer = '';
  /** Line number of the first character in `buffer`. */
  private line = 1;

  constructor(private readonly delimiter: string) {}

  /** Splits what can be split; keeps an unfinished record for the next chunk (or `end`). */
  push(text: string, out: CsvRecord[]): void {
    this.buffer = this.buffer.length ? this.buffer + text : text;
    this.drain(out, false);
  }

  end(out: CsvRecord[]): void {
    this.drain(out, true);
    this.buffer = '';
  }

  private drain(out: CsvRecord[], final: boolean): void {
    const buf = this.buffer;
    const delimiter = this.delimiter;
    let pos = 0;
    let line = this.line;
    // The next quote at or after `pos`, found once per quote rather than once per line (-1: none left).
    let quote = buf.indexOf('"');
    while (pos < buf.length) {
      let newline = buf.indexOf('\n', pos);
      if (newline < 0) {
        if (!final) break;
        newline = buf.length;
      }
      if (quote >= 0 && quote < pos) quote = buf.indexOf('"', pos);
      if (quote < 0 || quote > newline) {
        const end = newline > pos && buf.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
        out.push({ line, cells: buf.slice(pos, end).split(delimiter) });
        pos = newline + 1;
        line++;
        continue;
      }
      const parsed = this.parseQuoted(buf, pos, final, line);
      if (!parsed) break; // the quoted field goes on in the next chunk
      out.push({ line, cells: parsed.cells });
      line += parsed.newlines + 1;
      pos = parsed.next;
    }
    this.buffer = pos >= buf.length ? '' : buf.slice(pos);
    this.line = line;
  }

  /** A record containing quotes, from `start`; null when it is not complete in `buf` yet. */
  private parseQuoted(
    buf: string,
    start: number,
    final: boolean,
    line: number,
  ): { cells: string[]; next: number; newlines: number } | null {
    const delimiter = this.delimiter;
    const delimiterCode = delimiter.charCodeAt(0);
    const cells: string[] = [];
    let i = start;
    let newlines = 0;
    for (;;) {
      let cell = '';
      if (buf[i] === '"') {
        i++;
        for (;;) {
          const close = buf.indexOf('"', i);
          if (close < 0) {
            if (!final) return null;
            throw unclosedQuote(line + newlines, cells.length + 1, buf.slice(i, i + 40));
          }
          cell += buf.slice(i, close);
          newlines += countNewlines(buf, i, close);
          if (buf[close + 1] === '"') {
            cell += '"';
            i = close + 2;
            continue;
          }
          if (close + 1 >= buf.length && !final) return null; // cannot tell "" from " yet
          i = close + 1;
          break;
        }
        // Lenient: text after the closing quote (a"b"c) is kept as it is.
        while (i < buf.length && buf[i] !== delimiter && buf[i] !== '\n' && buf[i] !== '\r') cell += buf[i++];
      } else {
        let end = i;
        while (end < buf.length) {
          const code = buf.charCodeAt(end);
          if (code === delimiterCode || code === 10) break;
          end++;
        }
        cell = buf.slice(i, end > i && buf.charCodeAt(end - 1) === 13 ? end - 1 : end);
        i = end;
      }
      cells.push(cell);
      if (i >= buf.length) {
        if (!final) return null;
        return { cells, next: i, newlines };
      }
      if (buf[i] === delimiter) {
        i++;
        continue;
      }
      if (buf[i] === '\r') i++;
      if (i >= buf.length) {
        if (!final) return null;
        return { cells, next: i, newlines };
      }
      if (buf[i] === '\n') return { cells, next: i + 1, newlines };
    }
  }
}

function unclosedQuote(line: number, column: number, after: string) {
  const start = after.split(/\r?\n/)[0];
  return fileProblem(
    'unclosed_quote',
    `the quote (") opened in column ${column} is never closed, so every line after it would be read as one value: close it or remove it`,
    { line, value: `"${start}`, params: { line, column } },
  );
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
