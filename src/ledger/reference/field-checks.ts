// Field checks shared by the ledger's create/update use cases. They collect every problem of an input
// (naming the API field) and throw once, so a form can show all its errors together.
import { type FieldProblem, invalid, msg } from '../../platform/errors';
import { isValidIsoDate } from '../../shared/dates';
import { codePointName, findControlCharacter, showControls } from '../../shared/text';

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const COUNTRY = /^[A-Z]{2}$/;
const CURRENCY = /^[A-Z]{3}$/;

export class FieldChecks {
  readonly problems: FieldProblem[] = [];

  add(field: string, value: unknown, reason: string): void {
    this.problems.push({
      field,
      value: value === undefined || value === null ? null : String(value),
      reason,
    });
  }

  /**
   * Codes, names and references are one line: no control characters at all (a line break in a code broke
   * the export's header, an escape sequence in a name ran in terminals). Free text keeps tabs and line breaks.
   */
  private controls(field: string, text: string, multiline: boolean): void {
    const char = findControlCharacter(text, multiline);
    if (char) {
      this.add(
        field,
        showControls(text),
        `must not contain control characters (found ${codePointName(char)})`,
      );
    }
  }

  /** Trimmed non-empty one-line text of at most `max` characters. */
  required(field: string, value: unknown, max: number): string {
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') this.add(field, value, 'is required');
    else if (text.length > max) this.add(field, value, `must be at most ${max} characters`);
    else this.controls(field, text, false);
    return text;
  }

  /**
   * Trimmed text or null (empty means null); undefined stays undefined (not given, for updates). One line
   * unless `multiline`.
   */
  optional(field: string, value: unknown, max: number, multiline = false): string | null | undefined {
    if (value === undefined) return undefined;
    if (value === null) return null;
    if (typeof value !== 'string') {
      this.add(field, value, 'must be text');
      return undefined;
    }
    const text = value.trim();
    if (text.length > max) this.add(field, value, `must be at most ${max} characters`);
    else this.controls(field, text, multiline);
    return text === '' ? null : text;
  }

  country(field: string, value: unknown): string | undefined {
    if (value === undefined) return undefined;
    const text = typeof value === 'string' ? value.trim().toUpperCase() : '';
    if (!COUNTRY.test(text)) this.add(field, value, 'must be a two-letter ISO 3166 country code such as CN');
    return text;
  }

  currency(field: string, value: unknown): string {
    const text = typeof value === 'string' ? value.trim().toUpperCase() : '';
    if (!CURRENCY.test(text)) this.add(field, value, 'must be a three-letter ISO 4217 code such as CNY');
    return text;
  }

  timeZone(field: string, value: unknown): string | undefined {
    if (value === undefined) return undefined;
    const text = typeof value === 'string' ? value.trim() : '';
    if (!text || !isValidTimeZone(text))
      this.add(field, value, 'must be an IANA time zone such as Asia/Shanghai');
    return text;
  }

  language(field: string, value: unknown): string | undefined {
    if (value === undefined) return undefined;
    const text = typeof value === 'string' ? value.trim() : '';
    if (!LANGUAGE.test(text)) this.add(field, value, 'must be a language tag such as zh-CN or en');
    return text;
  }

  date(field: string, value: unknown): string {
    const text = typeof value === 'string' ? value.trim() : '';
    if (!isValidIsoDate(text)) this.add(field, value, 'must be a real date YYYY-MM-DD');
    return text;
  }

  integer(field: string, value: unknown, min: number, max: number): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
      this.add(field, value, `must be a whole number from ${min} to ${max}`);
      return Number.NaN;
    }
    return value;
  }

  /** Money in minor units (分): a positive safe integer. */
  amount(field: string, value: unknown): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
      this.add(field, value, 'must be a positive whole number of minor units (分/cents)');
      return Number.NaN;
    }
    return value;
  }

  id(field: string, value: unknown): number | null | undefined {
    if (value === undefined || value === null) return value;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      this.add(field, value, 'must be an id (a positive whole number)');
      return undefined;
    }
    return value;
  }

  boolean(field: string, value: unknown): boolean | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') this.add(field, value, 'must be true or false');
    return value === true;
  }

  throwIfAny(what: string): void {
    if (this.problems.length === 0) return;
    const fields = [...new Set(this.problems.map((p) => p.field))].join(', ');
    throw invalid(msg('invalidCheckFields', { what, fields }), this.problems);
  }
}
