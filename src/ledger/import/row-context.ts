// Everything a RowReader needs that is not in the row: currencies, the entity rows fall back to (creating
// MAIN on an empty store), and how to read a/b/yyyy dates, decided from the first rows of the file.
import type { Actor } from '../../platform/auth/actor';
import type { RawConnection } from '../../platform/db/connection';
import type { ImportError } from '../../platform/db/schema';
import { insertMainEntity, selectCurrencies, selectEntities } from './context-queries';
import { type DateSample, decideDateOrder, slashOrderFor } from './date-order';
import { fieldOf, fieldsOf, type ImportKind } from './fields';
import type { ImportMapping, ResolvedColumns } from './mapping';
import type { ResolvedEntity, RowContext } from './row-reader';
import type { SourceRow } from './source';
import { cellCurrency, cellText } from './values';

export interface PreparedContext {
  ctx: RowContext;
  createdEntity: string | null;
  problems: ImportError[];
}

export async function prepareRowContext(
  raw: RawConnection,
  actor: Actor,
  kind: ImportKind,
  mapping: ImportMapping,
  columns: ResolvedColumns,
  sample: SourceRow[],
  headerLine: number,
): Promise<PreparedContext> {
  const problems: ImportError[] = [];
  const defaults = mapping.defaults ?? {};
  const currencies = await selectCurrencies(raw);
  const visible = (await selectEntities(raw)).filter(
    (e) => !actor.entityIds || actor.entityIds.includes(e.id),
  );
  const entities = new Map<string, ResolvedEntity>(
    visible.map((e) => [e.code, { id: e.id, code: e.code, baseCurrency: e.base_currency }]),
  );
  let defaultEntity: ResolvedEntity | null = null;
  let createdEntity: string | null = null;
  let noEntityReason = 'no entity';
  if (fieldOf(kind, 'entity')) {
    if (defaults.entity !== undefined) {
      defaultEntity = entities.get(defaults.entity) ?? null;
      noEntityReason = `defaults.entity "${defaults.entity}" is not an entity`;
      if (!defaultEntity)
        problems.push({ line: headerLine, field: 'entity', value: defaults.entity, reason: noEntityReason });
    } else if (visible.length === 1) {
      defaultEntity = entities.get(visible[0].code)!;
    } else if (visible.length === 0 && !actor.entityIds) {
      // An empty store: the first import creates the default entity in the first row's currency.
      const at = columns.index.get('currency');
      const first = cellCurrency(at === undefined ? null : (sample[0]?.cells[at] ?? null));
      const code = first || cellCurrency(defaults.currency ?? null);
      const row = await insertMainEntity(raw, currencies.has(code) ? code : 'CNY');
      defaultEntity = { id: row.id, code: row.code, baseCurrency: row.base_currency };
      entities.set(row.code, defaultEntity);
      createdEntity = row.code;
    } else {
      noEntityReason = `the store has ${visible.length} entities (${visible
        .map((e) => e.code)
        .join(', ')}): give an entity column or defaults.entity`;
    }
  }
  const dates = decideDateOrder(dateSamples(kind, columns, sample), mapping.dateFormat);
  if (dates.problem) problems.push(dates.problem);
  const ctx: RowContext = {
    kind,
    index: columns.index,
    defaults,
    dateFormat: mapping.dateFormat,
    slashOrder: slashOrderFor(dates.reading),
    dateReading: dates.reading,
    decimalComma: mapping.decimalComma === true,
    currencies,
    entities,
    defaultEntity,
    noEntityReason,
  };
  return { ctx, createdEntity, problems };
}

/** The sampled rows' date cells, row by row, so that "first" means the first line. */
export function* dateSamples(kind: ImportKind, columns: ResolvedColumns, rows: SourceRow[]) {
  const dateFields = fieldsOf(kind).filter((field) => field.type === 'date' && columns.index.has(field.name));
  for (const row of rows) {
    for (const field of dateFields) {
      const value = cellText(row.cells[columns.index.get(field.name)!] ?? null);
      if (value) yield { line: row.line, field: field.name, value } satisfies DateSample;
    }
  }
}
