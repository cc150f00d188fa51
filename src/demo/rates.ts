// Monthly exchange rates for the demo (USD/CNY, EUR/CNY, EUR/USD, HKD/CNY), a seeded random walk around
// recent levels, dated the first of each month from before the first invoice to the as-of month.
import { createRng, mix32 } from './prng';

export interface RateRow {
  from_currency: string;
  to_currency: string;
  rate_date: string;
  rate: string;
}

/** Ten-thousandths to a decimal string: 71234 → "7.1234". */
function decimal4(tenThousandths: number): string {
  return `${Math.floor(tenThousandths / 10_000)}.${String(tenThousandths % 10_000).padStart(4, '0')}`;
}

export function demoExchangeRates(seed: number, firstMonth: string, lastMonth: string): RateRow[] {
  const rng = createRng(mix32(seed, 0x5241_5445));
  const rows: RateRow[] = [];
  let usd = 71_000 + rng.int(-800, 800); // CNY per USD, in 1/10000
  let eur = 77_500 + rng.int(-1500, 1500); // CNY per EUR
  let [year, month] = firstMonth.split('-').map(Number);
  const [lastYear, lastMonthNo] = lastMonth.split('-').map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonthNo)) {
    const date = `${year}-${String(month).padStart(2, '0')}-01`;
    rows.push({ from_currency: 'USD', to_currency: 'CNY', rate_date: date, rate: decimal4(usd) });
    rows.push({ from_currency: 'EUR', to_currency: 'CNY', rate_date: date, rate: decimal4(eur) });
    // Cross rates derived in integers (1/10000), never through floats of the amounts.
    rows.push({
      from_currency: 'EUR',
      to_currency: 'USD',
      rate_date: date,
      rate: decimal4(Math.round((eur * 10_000) / usd)),
    });
    rows.push({
      from_currency: 'HKD',
      to_currency: 'CNY',
      rate_date: date,
      rate: decimal4(Math.round((usd * 10_000) / 78_000)),
    });
    usd = Math.min(74_000, Math.max(67_000, usd + Math.round(rng.normal() * 250)));
    eur = Math.min(84_000, Math.max(72_000, eur + Math.round(rng.normal() * 600)));
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return rows;
}
