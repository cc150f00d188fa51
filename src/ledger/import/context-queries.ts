// Reference data an import reads before its rows: currencies and selling entities (both small tables).
import type { RawConnection } from '../../platform/db/connection';

export async function selectCurrencies(raw: RawConnection): Promise<Map<string, number>> {
  const { rows } = await raw.query<{ code: string; minor_units: number }>(
    'select code, minor_units from currency',
  );
  return new Map(rows.map((row) => [row.code.trim(), row.minor_units]));
}

export interface EntityRow {
  id: number;
  code: string;
  base_currency: string;
}

export async function selectEntities(raw: RawConnection): Promise<EntityRow[]> {
  const { rows } = await raw.query<EntityRow>('select id, code, base_currency from entity order by id');
  return rows.map((row) => ({ ...row, base_currency: row.base_currency.trim() }));
}

/** The default entity of a store that has none yet (MAIN, 默认主体). */
export async function insertMainEntity(raw: RawConnection, baseCurrency: string): Promise<EntityRow> {
  const { rows } = await raw.query<EntityRow>(
    `insert into entity (code, name, base_currency) values ('MAIN', '默认主体', $1)
     returning id, code, base_currency`,
    [baseCurrency],
  );
  return { ...rows[0], base_currency: rows[0].base_currency.trim() };
}
