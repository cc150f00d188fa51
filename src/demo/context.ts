// State shared while generating one demo data set: options, reference ids, id and number counters, and
// the per-table output of the current batch as COPY text lines. Ids are assigned here (the loader
// checked that the tables are empty and resets the identity sequences afterwards), so that related rows
// can be written in one pass without asking the database for ids.
import { fromDayNumber, toDayNumber } from '../shared/dates';

export interface DemoOptions {
  customers: number;
  invoices: number;
  seed: number;
  /** Last day of the history; the default is today in the business time zone. */
  asOf: string;
  /** Months of history before the as-of date. */
  months: number;
}

export const DEFAULT_DEMO = { customers: 300, invoices: 12_000, seed: 2024, months: 24 } as const;

export const TABLES = [
  'customer',
  'contact',
  'sales_order',
  'invoice',
  'credit_note',
  'payment',
  'write_off',
  'allocation',
] as const;
export type DemoTable = (typeof TABLES)[number];

/** COPY column lists, in the order the generators write fields. */
export const COLUMNS: Record<DemoTable, string> = {
  customer:
    'id, code, name, tax_id, parent_id, region, country, time_zone, language, segment, payment_terms_days, ' +
    'salesperson_id, collector_id, attributes, created_at, updated_at',
  contact:
    'id, customer_id, name, role, title, phone, mobile, email, wechat, channels, do_not_contact, ' +
    'preferred_hours, language, is_primary, created_at, updated_at',
  sales_order:
    'id, entity_id, customer_id, number, order_date, currency, amount, open_amount, ' +
    'shipped_not_invoiced_amount, status, created_at, updated_at',
  invoice:
    'id, entity_id, customer_id, number, issue_date, due_date, currency, amount, order_number, description, ' +
    'disputed, created_at, updated_at',
  credit_note:
    'id, entity_id, customer_id, number, issue_date, currency, amount, invoice_number, reason, created_at, updated_at',
  payment:
    'id, entity_id, customer_id, reference, received_date, currency, amount, method, remittance_invoice_numbers, ' +
    'note, reversed_on, reversal_reason, created_at, updated_at',
  write_off: 'id, invoice_id, amount, written_off_on, reason, created_by, created_at',
  allocation:
    'id, invoice_id, payment_id, credit_note_id, write_off_id, amount, effective_on, reversed_on, method, created_at',
};

export interface EntityRef {
  id: number;
  code: string;
}

export class GenContext {
  readonly asOfDay: number;
  readonly startDay: number;
  private readonly isoCache = new Map<number, string>();
  /** Last id used per table (the loader sets the starting points). */
  readonly lastId: Record<DemoTable, number>;
  /** Document number counters per entity code and kind. */
  private readonly counters = new Map<string, number>();
  rows: Record<DemoTable, string[]>;
  invoicesWritten = 0;

  constructor(
    readonly options: DemoOptions,
    readonly entities: { domestic: EntityRef; export: EntityRef },
    readonly staff: { salespeople: number[]; collectors: number[] },
    startIds: Record<DemoTable, number>,
  ) {
    this.asOfDay = toDayNumber(options.asOf);
    this.startDay = this.asOfDay - Math.round(options.months * 30.44);
    this.lastId = { ...startIds };
    this.rows = emptyRows();
  }

  iso(day: number): string {
    let text = this.isoCache.get(day);
    if (text === undefined) {
      text = fromDayNumber(day);
      this.isoCache.set(day, text);
    }
    return text;
  }

  /** A timestamp for created_at: the document's day at a fixed office hour in China. */
  stamp(day: number, hour = 9): string {
    return `${this.iso(day)} ${String(hour).padStart(2, '0')}:00:00+08`;
  }

  nextId(table: DemoTable): number {
    this.lastId[table] += 1;
    return this.lastId[table];
  }

  nextNumber(key: string): number {
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return n;
  }

  push(table: DemoTable, fields: ReadonlyArray<string | number | boolean | null>): void {
    this.rows[table].push(copyLine(fields));
  }

  /** Hands over the batch's rows and starts a new batch. */
  takeRows(): Record<DemoTable, string[]> {
    const rows = this.rows;
    this.rows = emptyRows();
    return rows;
  }
}

function emptyRows(): Record<DemoTable, string[]> {
  return Object.fromEntries(TABLES.map((t) => [t, []])) as unknown as Record<DemoTable, string[]>;
}

/** One line of COPY text format: tab-separated, \N for null, backslash escapes. */
export function copyLine(fields: ReadonlyArray<string | number | boolean | null>): string {
  // join() builds one flat string; `+=` would build a rope of cons-strings per field for the GC to chase.
  const parts = new Array<string>(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const value = fields[i];
    if (value === null) parts[i] = '\\N';
    else if (typeof value === 'string') parts[i] = NEEDS_ESCAPE.test(value) ? escapeCopy(value) : value;
    else parts[i] = value === true ? 't' : value === false ? 'f' : String(value);
  }
  return `${parts.join('\t')}\n`;
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function escapeCopy(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (ch) =>
    ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r',
  );
}

/** PostgreSQL array literal of text values (for remittance_invoice_numbers). */
export function textArray(values: readonly string[]): string {
  return `{${values.map((v) => (/^[A-Za-z0-9_-]+$/.test(v) ? v : `"${v.replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
}
