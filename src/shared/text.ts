// Rules for text that comes from outside (HTTP, CLI arguments, imported files) and text that goes to a
// terminal. PostgreSQL cannot store a NUL in text or jsonb, and control characters in codes and names break
// headers, CSV and terminals, so they are refused at the boundary or stripped on output.
// biome-ignore-all lint/suspicious/noControlCharactersInRegex: matching control characters is this file's job

/** C0 controls, DEL and C1 controls (the C1 range holds CSI, which terminals also obey). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, but tab, line feed and carriage return are allowed (free text such as notes). */
const CONTROL_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f]/g;

/** The first control character in `text` (any control for one-line values, or none but \t\n\r for free text). */
export function findControlCharacter(text: string, allowLineBreaks = false): string | null {
  const match = (allowLineBreaks ? CONTROL_BUT_WHITESPACE : CONTROL).exec(text);
  return match ? match[0] : null;
}

/** `U+001B`: how a control character is named in an error (never the character itself). */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Text with every control character shown as its code point, safe to echo back in an error. */
export function showControls(text: string): string {
  return text.replace(CONTROL_ALL, (c) => `<${codePointName(c)}>`);
}

/**
 * Text for a terminal: escape sequences (ESC, CSI and the rest of C0/C1) are removed so that a customer
 * name cannot move the cursor, change colours or set the window title. Tabs and line breaks stay.
 */
export function stripTerminalControls(text: string): string {
  // An escape sequence (ESC [ … final byte, ESC ] … BEL/ST) goes whole, then any stray control goes.
  return text
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?/g, '')
    .replace(/\u009b[0-?]*[ -/]*[@-~]/g, '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
}

/** Invisible characters that make two codes look the same: zero-width spaces and joiners, BOM, soft hyphen. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u206a-\u206f\ufeff]/g;

/**
 * A customer code as stored and compared: NFKC (full-width letters and digits become ASCII), invisible
 * characters removed, surrounding space trimmed. Control characters are not removed here: they are refused.
 */
export function normalizeCode(code: string): string {
  return code.normalize('NFKC').replace(INVISIBLE, '').trim();
}

export interface DepthProblem {
  /** Dotted path of object keys to where the nesting became too deep (`attributes.a.b`). */
  path: string;
  depth: number;
}

/**
 * How deep a JSON text nests, found without parsing (so without recursion): the first place where it goes
 * deeper than `maxDepth`, or null. Keys are tracked so the error can name the field.
 */
export function findExcessiveJsonDepth(text: string, maxDepth: number): DepthProblem | null {
  const keys: (string | null)[] = [];
  let lastString: string | null = null;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: skip to its closing quote, keeping its text only while it may be a key we report.
      const start = i + 1;
      i++;
      while (i < text.length && text.charCodeAt(i) !== 0x22) {
        if (text.charCodeAt(i) === 0x5c) i++;
        i++;
      }
      lastString = depth <= 8 ? text.slice(start, Math.min(i, start + 100)) : '…';
    } else if (c === 0x3a) {
      keys[depth - 1] = lastString;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      keys[depth - 1] = null;
      if (depth > maxDepth) {
        const path = keys
          .slice(0, Math.min(depth - 1, 3))
          .filter((k): k is string => k !== null)
          .join('.');
        return { path, depth };
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return null;
}

/** Depth of an already parsed value, counted without recursion (an object or array is one level). */
export function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    if (depth > max) max = depth;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return max;
}
