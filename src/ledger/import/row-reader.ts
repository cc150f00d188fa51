// Reads one source row as typed field values, collecting every problem of the row instead of stopping at
// the first, so that a user fixes a file in one round. Pure: the context carries what the database knows
// (currencies, entities); set-based checks against the database come later, in the kind's queries.
import type { ImportError } from '../../platform/db/schema';
import { type SlashOrder, slashOrderOf } from '../../shared/dates';
import { codePointName, findControlCharacter, showControls } from '../../shared/text';
import type { DateReading } from './date-order';
import { type FieldDef, fieldOf, type ImportKind } from './fields';
import {
  type Cell,
  cellAmount,
  cellBoolean,
  cellCurrency,
  cellDate,
  cellInteger,
  cellList,
  cellText,
} from './values';

/** Fields that hold one line: codes, names, document numbers and references. */
const ONE_LINE_FIELD = /(^|_)(code|name|number|reference)$/;

export interface ResolvedEntity {
  /** null: the entity is created by this import (MAIN on an empty store). */
  id: number | null;
  code: string;
  baseCurrency: string;
}

export interface RowContext {
  kind: ImportKind;
  /** field → column index */
  index: Map<string, number>;
  defaults: Record<string, string>;
  dateFormat?: string;
  slashOrder: SlashOrder;
  /** How the first rows said to read a/b/yyyy dates (for hints); null when they had none. */
  dateReading: DateReading | null;
  decimalComma: boolean;
  /** currency code → minor units */
  currencies: Map<string, number>;
  /** entity code → entity; `defaultEntity` when the row names none. */
  entities: Map<string, ResolvedEntity>;
  defaultEntity: ResolvedEntity | null;
  /** Reason to show when a row names no entity and there is no default. */
  noEntityReason: string;
}

interface Slot {
  /** Column index, -1 when the file has no such column. */
  at: number;
  def: FieldDef;
  fallback: string | null;
}

export class RowReader {
  line = 0;
  private cells: Cell[] = [];
  readonly problems: ImportError[] = [];
  private readonly slots = new Map<string, Slot>();

  constructor(readonly ctx: RowContext) {}

  start(line: number, cells: Cell[]): void {
    this.line = line;
    this.cells = cells;
    this.problems.length = 0;
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  fail(field: string | null, value: Cell | string | null, reason: string): void {
    const text = value === null || value === undefined ? null : cellText(value as Cell);
    this.problems.push({ line: this.line, field, value: text || null, reason });
  }

  /** Per field, once: where its cell is, its definition and its default (hot path: every cell). */
  private slot(field: string): Slot {
    let slot = this.slots.get(field);
    if (!slot) {
      const def = fieldOf(this.ctx.kind, field);
      if (!def) throw new Error(`import kind ${this.ctx.kind} has no field ${field}`);
      slot = { at: this.ctx.index.get(field) ?? -1, def, fallback: this.ctx.defaults[field] ?? null };
      this.slots.set(field, slot);
    }
    return slot;
  }

  private def(field: string): FieldDef {
    return this.slot(field).def;
  }

  /** The field is in the file (a column) or has a default: absent fields are not written on update. */
  has(field: string): boolean {
    const slot = this.slot(field);
    return slot.at >= 0 || slot.fallback !== null;
  }

  /** The cell, or the default when the cell is empty; text cells come trimmed. */
  cell(field: string): Cell {
    const slot = this.slot(field);
    const value = slot.at < 0 ? null : this.cells[slot.at];
    if (value === null || value === undefined) return slot.fallback;
    if (typeof value === 'string') {
      const text = value.trim();
      return text === '' ? slot.fallback : text;
    }
    return cellText(value) === '' ? slot.fallback : value;
  }

  private missing(field: string, required: boolean): null {
    if (required) this.fail(field, null, `${field} is required`);
    return null;
  }

  text(field: string, required?: boolean): string | null {
    const cell = this.cell(field);
    const value = typeof cell === 'string' ? cell : cellText(cell);
    if (value === '') return this.missing(field, required ?? this.def(field).required);
    const max = this.def(field).maxLength;
    if (max !== undefined && value.length > max) {
      this.fail(field, value, `longer than ${max} characters`);
      return null;
    }
    // Codes, names, numbers and references are one line; free text keeps tabs and line breaks.
    const char = findControlCharacter(value, !ONE_LINE_FIELD.test(field));
    if (char) {
      this.fail(
        field,
        showControls(value),
        `must not contain control characters (found ${codePointName(char)})`,
      );
      return null;
    }
    return value;
  }

  date(field: string, required?: boolean): string | null {
    const cell = this.cell(field);
    if (cell === null || cell === '') return this.missing(field, required ?? this.def(field).required);
    const result = cellDate(cell, this.ctx.dateFormat, this.ctx.slashOrder);
    if (result.ok) return result.date;
    this.fail(field, cell, `${result.reason}${this.dateHint(cell)}`);
    return null;
  }

  /** An impossible a/b/yyyy may be read in the wrong order: say which order and how to tell the importer. */
  private dateHint(cell: Cell): string {
    if (this.ctx.dateFormat || slashOrderOf(cellText(cell)) === null) return '';
    const evidence = this.ctx.dateReading?.evidence;
    if (this.ctx.slashOrder === 'DMY' && evidence) {
      return `; dates are read day first, as line ${evidence.line} ${evidence.field} "${evidence.value}" is: set "dateFormat" in the mapping`;
    }
    return '; for day-first dates set "dateFormat": "D/M/YYYY" in the mapping';
  }

  integer(field: string, required = this.def(field).required): number | null {
    const cell = this.cell(field);
    if (cellText(cell) === '') return this.missing(field, required);
    const value = cellInteger(cell);
    if (value === null) this.fail(field, cell, 'not a whole number of days');
    return value;
  }

  boolean(field: string): boolean {
    const cell = this.cell(field);
    const value = cellBoolean(cell);
    if (value === null) this.fail(field, cell, 'not yes/no (是/否, true/false, 1/0)');
    return value === true;
  }

  list(field: string): string[] {
    return cellList(this.cell(field));
  }

  /** The row's entity: its entity cell, else the default; null (with a problem) when none applies. */
  entity(): ResolvedEntity | null {
    const code = cellText(this.cell('entity'));
    if (code === '') {
      if (!this.ctx.defaultEntity) this.fail('entity', null, this.ctx.noEntityReason);
      return this.ctx.defaultEntity;
    }
    const entity = this.ctx.entities.get(code);
    if (!entity) this.fail('entity', code, `unknown entity "${code}"`);
    return entity ?? null;
  }

  /**
   * ISO code and its minor units; the entity's base currency when the row gives none. `fallback`
   * undefined: the row's entity is already reported as wrong, so a missing currency is not news.
   */
  currency(fallback: string | undefined): { code: string; minorUnits: number } | null {
    const cell = this.cell('currency');
    const code = cellText(cell) === '' ? fallback : cellCurrency(cell);
    if (code === undefined) return null;
    if (!code) return this.missing('currency', true);
    const minorUnits = this.ctx.currencies.get(code);
    if (minorUnits === undefined) {
      this.fail('currency', cell ?? code, `unknown currency "${code}"`);
      return null;
    }
    return { code, minorUnits };
  }

  /** Minor units; `positive` refuses zero and negatives (a negative invoice is a credit note). */
  amount(
    field: string,
    minorUnits: number | null,
    options: { positive?: boolean; required?: boolean; absolute?: boolean } = {},
  ): number | null {
    const cell = this.cell(field);
    if (cellText(cell) === '') return this.missing(field, options.required ?? this.def(field).required);
    if (minorUnits === null) return null; // the currency is already reported
    const result = cellAmount(cell, minorUnits, this.ctx.decimalComma);
    if (!result.ok) {
      this.fail(field, cell, result.reason);
      return null;
    }
    const minor = options.absolute ? Math.abs(result.minor) : result.minor;
    if (options.positive && minor <= 0) {
      this.fail(field, cell, 'must be more than zero');
      return null;
    }
    if (minor < 0) {
      this.fail(field, cell, 'must not be negative');
      return null;
    }
    return minor;
  }
}
