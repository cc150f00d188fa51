// Converts one amount at the rate in force on a date; for many amounts load a RateBook once instead.
import type { Db, Tx } from '../../platform/db/store';
import { convertWithRate, type ExchangeRate, missingRate, RateBook } from './convert';
import { findRate, selectRatesForBook } from './rate-queries';
import { selectCurrencies } from './reference-queries';

export interface ConvertInput {
  amount: number;
  from: string;
  to: string;
  date: string;
}

export async function convertAmount(db: Db | Tx, input: ConvertInput): Promise<number> {
  if (input.from === input.to) return input.amount;
  const found = await findRate(db, input.from, input.to, input.date);
  if (!found) throw missingRate(input.from, input.to, input.date);
  const units = await minorUnitsMap(db);
  return convertWithRate(input.amount, input.from, input.to, found.rate, {
    inverse: found.inverse,
    fromMinorUnits: units[input.from],
    toMinorUnits: units[input.to],
  });
}

/** Every quote between `currencies` up to `upTo`, ready for in-memory conversion. */
export async function loadRateBook(db: Db | Tx, currencies: string[], upTo: string): Promise<RateBook> {
  const rates: ExchangeRate[] = currencies.length ? await selectRatesForBook(db, currencies, upTo) : [];
  return new RateBook(rates, await minorUnitsMap(db));
}

async function minorUnitsMap(db: Db | Tx): Promise<Record<string, number>> {
  return Object.fromEntries((await selectCurrencies(db)).map((c) => [c.code, c.minorUnits]));
}
