// The currencies huikuan knows and the minor unit of each (ISO 4217: 2 for CNY, 0 for JPY). Listed here once:
// the `currency` table (migrations) is checked against this list by test/ledger/currencies.store.test.ts,
// and the web app imports it from this module.
import { invalid, msg } from '../../platform/errors';

export const CURRENCY_MINOR_UNITS: Readonly<Record<string, number>> = Object.freeze({
  CNY: 2,
  USD: 2,
  EUR: 2,
  HKD: 2,
  GBP: 2,
  JPY: 0,
  KRW: 0,
  SGD: 2,
  AUD: 2,
  CAD: 2,
  CHF: 2,
  TWD: 2,
  THB: 2,
  VND: 0,
  IDR: 2,
  MYR: 2,
  INR: 2,
  RUB: 2,
  BRL: 2,
  AED: 2,
  SAR: 2,
  PLN: 2,
  SEK: 2,
});

export function isKnownCurrency(currency: string): boolean {
  return Object.hasOwn(CURRENCY_MINOR_UNITS, currency);
}

export function minorUnitsOf(currency: string): number {
  if (!isKnownCurrency(currency)) {
    throw invalid(msg('unknownCurrency', { currency }));
  }
  return CURRENCY_MINOR_UNITS[currency];
}
