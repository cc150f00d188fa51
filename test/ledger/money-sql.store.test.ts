// The SQL side of the money module agrees with the TypeScript side: convert_amount() gives the result of
// convertWithRate() (same rate picked, same half-to-even rounding) over many random amounts and rates,
// negatives and exact ties included; and the currency table holds exactly the list in
// src/shared/money/currencies.ts.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { addDays } from '../../src/shared/dates';
import {
  CURRENCY_MINOR_UNITS,
  type ExchangeRate,
  minorUnitsOf,
  RateBook,
  rateFactor,
} from '../../src/shared/money';
import { prng } from '../support/random';
import { describeEachStore } from '../support/stores';

const CURRENCIES = ['CNY', 'USD', 'JPY', 'EUR', 'KRW', 'HKD', 'VND'];

interface Sample {
  amount: number;
  from: string;
  to: string;
  date: string;
}

/** A random rate: up to 4 integer digits and up to 12 decimals, or a power-of-two fraction that makes ties. */
function randomRate(random: () => number): string {
  if (random() < 0.3) {
    const halves = ['0.5', '0.25', '0.125', '0.0625', '1.5', '2.5', '0.005', '0.0005', '8', '4', '2'];
    return halves[Math.floor(random() * halves.length)];
  }
  const whole = Math.floor(random() * 10 ** Math.floor(random() * 4));
  const places = Math.floor(random() * 13);
  let decimals = '';
  for (let k = 0; k < places; k++) decimals += Math.floor(random() * 10);
  const text = places ? `${whole}.${decimals}` : String(whole);
  return /[1-9]/.test(text) ? text : '1';
}

/** Small odd amounts (where ties live), ordinary invoice sizes and large ones, with both signs. */
function randomAmount(random: () => number): number {
  const size = random();
  const magnitude =
    size < 0.4
      ? Math.floor(random() * 100)
      : size < 0.8
        ? Math.floor(random() * 10_000_000)
        : Math.floor(random() * 100_000_000_000);
  return random() < 0.3 ? -magnitude : magnitude;
}

describeEachStore('money in SQL and TypeScript', (store) => {
  const db = () => store().db;

  it('the currency table lists exactly the currencies and minor units of the money module', async () => {
    const rows = await db().selectFrom('currency').select(['code', 'minor_units']).execute();
    expect(Object.fromEntries(rows.map((r) => [r.code, Number(r.minor_units)]))).toEqual({
      ...CURRENCY_MINOR_UNITS,
    });
  });

  it('convert_amount() equals convertWithRate() over random amounts, rates, dates and directions', async () => {
    const random = prng(20261124);
    const rates: ExchangeRate[] = [];
    const samples: Sample[] = [];
    let date = '2020-01-01';
    for (let k = 0; k < 600; k++) {
      date = addDays(date, 1 + Math.floor(random() * 2));
      const a = CURRENCIES[Math.floor(random() * CURRENCIES.length)];
      let b = CURRENCIES[Math.floor(random() * CURRENCIES.length)];
      if (b === a) b = a === 'CNY' ? 'USD' : 'CNY';
      // Each pair is quoted one way only (alphabetically), so that asking the other way uses the reverse quote.
      const [from, to] = a < b ? [a, b] : [b, a];
      rates.push({ fromCurrency: from, toCurrency: to, rateDate: date, rate: randomRate(random) });
      // Ask either way round (the reverse direction divides by the quote), on the day or a bit later.
      const reverse = random() < 0.5;
      for (let j = 0; j < 4; j++) {
        samples.push({
          amount: randomAmount(random),
          from: reverse ? to : from,
          to: reverse ? from : to,
          date: addDays(date, Math.floor(random() * 3)),
        });
      }
    }
    await db()
      .insertInto('exchange_rate')
      .values(
        rates.map((r) => ({
          from_currency: r.fromCurrency,
          to_currency: r.toCurrency,
          rate_date: r.rateDate,
          rate: r.rate,
        })),
      )
      .execute();
    const book = new RateBook(rates);
    const expected = samples.map((s) => {
      try {
        return book.tryConvert(s.amount, s.from, s.to, s.date);
      } catch {
        return 'beyond'; // a result past the exact integer range: not compared
      }
    });
    const { rows } = await sql<{ k: number; v: string | null }>`
      select s.k, convert_amount(s.amount, s.from_currency, s.to_currency, s.on_date)::text as v
      from unnest(${samples.map((_, k) => k)}::int[], ${samples.map((s) => s.amount)}::bigint[],
                  ${samples.map((s) => s.from)}::text[], ${samples.map((s) => s.to)}::text[],
                  ${samples.map((s) => s.date)}::date[])
           as s(k, amount, from_currency, to_currency, on_date)
      where s.k = any(${expected.flatMap((e, k) => (e === 'beyond' ? [] : [k]))}::int[])
      order by s.k`.execute(db());
    const compared = rows.map((row) => ({
      sample: samples[row.k],
      sql: row.v === null ? null : Number(row.v),
    }));
    const wrong = compared.filter((c, k) => c.sql !== expected[rows[k].k]);
    expect(wrong.slice(0, 5).map((w) => ({ ...w, ts: expected[samples.indexOf(w.sample)] }))).toEqual([]);
    expect(rows.length).toBeGreaterThan(2000);
    // The samples did reach the cases that matter: negative amounts, exact ties, reverse quotes.
    const ties = samples.filter((s, k) => {
      const found = book.find(s.from, s.to, s.date);
      if (!found || expected[k] === 'beyond' || s.from === s.to) return false;
      const f = rateFactor(found.rate, minorUnitsOf(s.from), minorUnitsOf(s.to), found.inverse);
      const scaled = BigInt(s.amount) * f.n; // the exact result is scaled / f.d: a tie leaves half of f.d
      return scaled % f.d !== 0n && (2n * scaled) % f.d === 0n;
    });
    expect(ties.length).toBeGreaterThan(20);
    expect(samples.filter((s) => s.amount < 0).length).toBeGreaterThan(300);
    expect(samples.filter((s) => book.find(s.from, s.to, s.date)?.inverse).length).toBeGreaterThan(300);
  });

  it('convert_amount() rounds the cases of the issue as TypeScript does', async () => {
    await db()
      .insertInto('exchange_rate')
      .values({ from_currency: 'GBP', to_currency: 'SGD', rate_date: '2019-01-01', rate: '7.14' })
      .execute();
    const { rows } = await sql<{ v: string }>`
      select convert_amount(a, 'GBP', 'SGD', '2019-06-30')::text as v
      from unnest(array[-10, 10, -5, 5]::bigint[]) with ordinality as x(a, n) order by n`.execute(db());
    // −0.10 × 7.14 = −0.714 → −0.71 (never −0.70); 0.05 × 7.14 = 0.357 → 0.36.
    expect(rows.map((r) => Number(r.v))).toEqual([-71, 71, -36, 36]);
  });
});
