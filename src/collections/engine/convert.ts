// Converting a case's amounts into one currency for amount bands and sorting. Exact integer arithmetic on
// the decimal rate string (BigInt), rounded half up; no float touches an amount.
import { CURRENCY_MINOR_UNITS } from '../../shared/money';

/** Latest rates as `FROM>TO` → decimal string (1 FROM = rate TO). */
export type RateMap = ReadonlyMap<string, string>;

function parseRate(rate: string): { num: bigint; den: bigint } {
  const [whole, fraction = ''] = rate.trim().split('.');
  return { num: BigInt(whole + fraction), den: 10n ** BigInt(fraction.length) };
}

function divRound(n: bigint, d: bigint): bigint {
  return (n * 2n + d) / (d * 2n);
}

/** Converts minor units of `from` into minor units of `to`; null when no rate either way is known. */
export function convertMinor(amount: number, from: string, to: string, rates: RateMap): number | null {
  if (from === to) return amount;
  const unitsFrom = 10n ** BigInt(CURRENCY_MINOR_UNITS[from] ?? 2);
  const unitsTo = 10n ** BigInt(CURRENCY_MINOR_UNITS[to] ?? 2);
  const direct = rates.get(`${from}>${to}`);
  if (direct) {
    const { num, den } = parseRate(direct);
    return Number(divRound(BigInt(amount) * num * unitsTo, den * unitsFrom));
  }
  const inverse = rates.get(`${to}>${from}`);
  if (inverse) {
    const { num, den } = parseRate(inverse);
    if (num === 0n) return null;
    return Number(divRound(BigInt(amount) * den * unitsTo, num * unitsFrom));
  }
  return null;
}

/** Sum of amounts per currency in one currency; null if any of them cannot be converted. */
export function totalIn(
  amounts: ReadonlyArray<{ currency: string; amount: number }>,
  to: string,
  rates: RateMap,
): number | null {
  let total = 0;
  for (const { currency, amount } of amounts) {
    if (amount === 0) continue;
    const converted = convertMinor(amount, currency, to, rates);
    if (converted === null) return null;
    total += converted;
  }
  return total;
}
