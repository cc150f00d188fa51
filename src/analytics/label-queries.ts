// Names for aging groups and the data every report needs beside the figures (rates, entities).
import { sql } from 'kysely';
import type { Actor } from '../platform/auth/actor';
import { rowVisible } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import type { ExchangeRate } from '../shared/money';
import type { GroupBy } from './aging-queries';

export interface GroupLabel {
  code: string | null;
  name: string;
}

export async function selectGroupLabels(
  db: Db,
  by: GroupBy,
  keys: string[],
): Promise<Map<string, GroupLabel>> {
  const labels = new Map<string, GroupLabel>();
  const ids = keys.filter((k) => /^\d+$/.test(k)).map(Number);
  if (by === 'entity' && ids.length) {
    const rows = await db
      .selectFrom('entity')
      .select(['id', 'code', 'name'])
      .where('id', 'in', ids)
      .execute();
    for (const r of rows) labels.set(String(r.id), { code: r.code, name: r.name });
  } else if ((by === 'customer' || by === 'customerGroup') && ids.length) {
    const { rows } = await sql<{ id: number; code: string; name: string }>`
      select id, code, name from customer where id = any(${ids}::bigint[])`.execute(db);
    for (const r of rows) labels.set(String(r.id), { code: r.code, name: r.name });
  } else if ((by === 'salesperson' || by === 'collector') && ids.length) {
    const rows = await db
      .selectFrom('app_user')
      .select(['id', 'username', 'display_name'])
      .where('id', 'in', ids)
      .execute();
    for (const r of rows) labels.set(String(r.id), { code: r.username, name: r.display_name });
  }
  for (const key of keys) {
    if (labels.has(key)) continue;
    if (by === 'none') labels.set(key, { code: null, name: 'Total' });
    else if (key === '')
      labels.set(key, { code: null, name: by === 'region' ? '(no region)' : '(unassigned)' });
    else labels.set(key, { code: key, name: key });
  }
  return labels;
}

/**
 * The rates in force on each of the dates: per pair, the latest quote on or before each date. Enough for
 * pickRate() on any of these dates, without loading years of daily quotes.
 */
export async function selectRatesOn(db: Db, dates: string[]): Promise<ExchangeRate[]> {
  const { rows } = await sql<ExchangeRate>`
    select distinct r.from_currency::text as "fromCurrency", r.to_currency::text as "toCurrency",
           r.rate_date as "rateDate", r.rate::text as rate
    from unnest(${[...new Set(dates)]}::date[]) as d(on_date)
    cross join lateral (
      select distinct on (from_currency, to_currency) from_currency, to_currency, rate_date, rate
      from exchange_rate where rate_date <= d.on_date
      order by from_currency, to_currency, rate_date desc
    ) r`.execute(db);
  return rows.map((r) => ({ ...r, rate: r.rate.includes('.') ? r.rate.replace(/\.?0+$/, '') : r.rate }));
}

export interface EntityInfo {
  id: number;
  code: string;
  name: string;
  baseCurrency: string;
}

export async function selectVisibleEntities(db: Db, actor: Actor): Promise<EntityInfo[]> {
  return db
    .selectFrom('entity')
    .select(['id', 'code', 'name', 'base_currency as baseCurrency'])
    .where(rowVisible(actor, { customer: null, entity: 'entity.id' }))
    .orderBy('id')
    .execute();
}
