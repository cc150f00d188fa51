// Exchange rates (汇率): dated quotes, upserted by (from, to, date). `convertAmountSql` is the set-based
// counterpart of `convertWithRate` for report queries: it calls the SQL function `convert_amount()`
// (migration 0022), which picks the latest rate on or before the date and rounds half-even.
import { type Expression, type RawBuilder, sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/store';
import { type ExchangeRate, type FoundRate, normalizeRate, pickRate } from '../../shared/money';

export interface RateFilter {
  from?: string;
  to?: string;
  /** Only the rate in force on this date (the latest on or before it) for each pair. */
  date?: string;
  limit: number;
}

export async function selectRates(db: Db | Tx, filter: RateFilter): Promise<ExchangeRate[]> {
  let query = db
    .selectFrom('exchange_rate')
    .select([
      'from_currency as fromCurrency',
      'to_currency as toCurrency',
      'rate_date as rateDate',
      sql<string>`rate::text`.as('rate'),
    ]);
  if (filter.from) query = query.where('from_currency', '=', filter.from);
  if (filter.to) query = query.where('to_currency', '=', filter.to);
  if (filter.date) {
    query = query
      .where('rate_date', '<=', filter.date)
      .distinctOn(['from_currency', 'to_currency'])
      .orderBy('from_currency')
      .orderBy('to_currency')
      .orderBy('rate_date', 'desc');
  } else {
    query = query.orderBy('rate_date', 'desc').orderBy('from_currency').orderBy('to_currency');
  }
  const rows = await query.limit(filter.limit).execute();
  return rows.map((row) => ({ ...row, rate: normalizeRate(row.rate) }));
}

/** Inserts or replaces each (from, to, date) quote; returns how many were new. */
export async function upsertRates(
  tx: Tx,
  rates: ExchangeRate[],
): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  // Chunks keep the statement's parameter count well below PostgreSQL's limit of 65535.
  for (let start = 0; start < rates.length; start += 1000) {
    const chunk = rates.slice(start, start + 1000);
    const rows = await tx
      .insertInto('exchange_rate')
      .values(
        chunk.map((r) => ({
          from_currency: r.fromCurrency,
          to_currency: r.toCurrency,
          rate_date: r.rateDate,
          rate: r.rate,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['from_currency', 'to_currency', 'rate_date']).doUpdateSet({ rate: sql`excluded.rate` }),
      )
      // xmax = 0 marks a freshly inserted row version (as opposed to one rewritten by ON CONFLICT UPDATE).
      .returning(sql<boolean>`xmax = 0`.as('inserted'))
      .execute();
    inserted += rows.filter((row) => row.inserted).length;
  }
  return { inserted, updated: rates.length - inserted };
}

/** The rate in force for from → to on a date (direct quote first, else the reverse quote). */
export async function findRate(
  db: Db | Tx,
  from: string,
  to: string,
  date: string,
): Promise<FoundRate | null> {
  const latest = (a: string, b: string) =>
    db
      .selectFrom('exchange_rate')
      .select([
        'from_currency as fromCurrency',
        'to_currency as toCurrency',
        'rate_date as rateDate',
        sql<string>`rate::text`.as('rate'),
      ])
      .where('from_currency', '=', a)
      .where('to_currency', '=', b)
      .where('rate_date', '<=', date)
      .orderBy('rate_date', 'desc')
      .limit(1)
      .executeTakeFirst();
  const found = (await latest(from, to)) ?? (await latest(to, from));
  return found ? pickRate([found], from, to, date) : null;
}

/** All quotes between the given currencies up to a date, for a RateBook. */
export function selectRatesForBook(db: Db | Tx, currencies: string[], upTo: string): Promise<ExchangeRate[]> {
  return db
    .selectFrom('exchange_rate')
    .select([
      'from_currency as fromCurrency',
      'to_currency as toCurrency',
      'rate_date as rateDate',
      sql<string>`rate::text`.as('rate'),
    ])
    .where('from_currency', 'in', currencies)
    .where('to_currency', 'in', currencies)
    .where('rate_date', '<=', upTo)
    .execute();
}

/**
 * SQL expression converting an amount column to another currency on a date, e.g.
 * `convertAmountSql(sql.ref('invoice.open_amount'), sql.ref('invoice.currency'), sql.lit('CNY'), sql.lit(asOf))`.
 * NULL when no rate is known on or before the date.
 */
export function convertAmountSql(
  amount: Expression<number> | RawBuilder<unknown>,
  from: Expression<string> | RawBuilder<unknown>,
  to: Expression<string> | RawBuilder<unknown>,
  date: Expression<string> | RawBuilder<unknown>,
): RawBuilder<number | null> {
  return sql<number | null>`convert_amount(${amount}, ${from}, ${to}, ${date})`;
}
