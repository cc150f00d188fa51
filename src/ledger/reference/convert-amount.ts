// Converts one amount at the rate in force on a date; for many amounts load a RateBook once instead. The
// arithmetic is the money module's (src/shared/money); this file only reads the rates.
import type { Db, Tx } from '../../platform/db/store';
import { convertWithRate, type ExchangeRate, missingRate, RateBook } from '../../shared/money';
import { findRate, selectRatesForBook } from './rate-queries';

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
  return convertWithRate(input.amount, input.from, input.to, found.rate, { inverse: found.inverse });
}

/** Every quote between `currencies` up to `upTo`, ready for in-memory conversion. */
export async function loadRateBook(db: Db | Tx, currencies: string[], upTo: string): Promise<RateBook> {
  const rates: ExchangeRate[] = currencies.length ? await selectRatesForBook(db, currencies, upTo) : [];
  return new RateBook(rates);
}
