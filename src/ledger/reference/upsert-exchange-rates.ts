// Imports dated exchange rates (汇率); the same (from, to, date) quote is replaced, so re-sending a file
// changes nothing. All rows are checked first and nothing is written when any is wrong.
import type { Actor } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { invalid, msg } from '../../platform/errors';
import { type ExchangeRate, normalizeRate } from '../../shared/money';
import { FieldChecks } from './field-checks';
import { upsertRates } from './rate-queries';
import { selectCurrencies } from './reference-queries';

export interface RateInput {
  fromCurrency: string;
  toCurrency: string;
  rateDate: string;
  rate: string | number;
}

export async function upsertExchangeRates(
  db: Db,
  actor: Actor,
  input: { items: RateInput[] },
): Promise<{ items: ExchangeRate[]; inserted: number; updated: number }> {
  assertCan(actor, 'ledger:write');
  if (!Array.isArray(input.items) || input.items.length === 0) {
    throw invalid(msg('ratesEmpty'), [{ field: 'items', reason: 'is empty' }]);
  }
  const known = new Set((await selectCurrencies(db)).map((c) => c.code));
  const checks = new FieldChecks();
  const seen = new Set<string>();
  const rates: ExchangeRate[] = input.items.map((item, index) => {
    const at = `items/${index}`;
    const fromCurrency = checks.currency(`${at}/fromCurrency`, item.fromCurrency);
    const toCurrency = checks.currency(`${at}/toCurrency`, item.toCurrency);
    const rateDate = checks.date(`${at}/rateDate`, item.rateDate);
    for (const [field, code] of [
      ['fromCurrency', fromCurrency],
      ['toCurrency', toCurrency],
    ]) {
      if (/^[A-Z]{3}$/.test(code) && !known.has(code))
        checks.add(`${at}/${field}`, code, 'is not a known currency');
    }
    if (fromCurrency === toCurrency)
      checks.add(`${at}/toCurrency`, toCurrency, 'must differ from fromCurrency');
    let rate = '';
    try {
      // Numbers are accepted for convenience; their shortest decimal text is what gets stored.
      rate = normalizeRate(typeof item.rate === 'number' ? String(item.rate) : String(item.rate ?? ''));
    } catch (error) {
      checks.add(`${at}/rate`, item.rate, (error as Error).message);
    }
    const key = `${fromCurrency}/${toCurrency}/${rateDate}`;
    if (seen.has(key)) checks.add(at, key, 'the same currency pair and date appears twice');
    seen.add(key);
    return { fromCurrency, toCurrency, rateDate, rate };
  });
  checks.throwIfAny('exchange rates');
  const counts = await inTransaction(db, actor, (tx) => upsertRates(tx, rates));
  return { items: rates, ...counts };
}
