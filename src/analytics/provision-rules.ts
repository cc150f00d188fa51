// Provision formulas (坏账准备), pure and exact. Rates are fractions; every provision figure is rounded
// half to even once. An amount that could not be converted to the reporting currency (no exchange rate) is
// null, and so is every figure derived from it: unknown, never 0.
import { applyRate, type Fraction, fraction, min, mul, toDecimal } from '../shared/money';

/** The total of figures, null when any of them is unknown. */
export function totalOf(values: readonly (number | null)[]): number | null {
  let total = 0;
  for (const value of values) {
    if (value === null) return null;
    total += value;
  }
  return total;
}

/** amount × rate, rounded half to even; null when either is unknown. */
export const provisionOf = (balance: number | null, rate: Fraction | null): number | null =>
  balance === null || rate === null ? null : applyRate(balance, rate);

export interface AgingMethodRow {
  balance: number | null;
  rate: string;
  provision: number | null;
}

/** 账龄分析法: balance of each age bucket × its rate. */
export function agingMethodProvision(
  balances: readonly (number | null)[],
  rates: readonly Fraction[],
): AgingMethodRow[] {
  return balances.map((balance, k) => ({
    balance,
    rate: toDecimal(rates[k], 4),
    provision: provisionOf(balance, rates[k]),
  }));
}

export interface RollCohort {
  /** Open amount of the cohort when it entered bucket k; null when unknown. */
  entered: number | null;
  /** Open amount of the same invoices when they reached bucket k + 1; null when unknown. */
  rolled: number | null;
}

export interface MatrixRow {
  rollRate: Fraction | null;
  /** null when a roll rate it depends on is unknown. */
  historicalLossRate: Fraction | null;
  lossRate: Fraction | null;
}

/**
 * Provision matrix (IFRS 9 B5.5.35 / CAS 22): roll rate k = rolled / entered; the historical loss rate of
 * bucket k is the product of the roll rates from k to the last bucket times the last bucket's loss rate;
 * the rate used is that times the forward-looking factor, capped at 100%. A bucket with no history rolls
 * at 0 (said in the report); an unknown cohort makes its bucket's and the younger buckets' rates unknown.
 * `cohorts` has one entry per bucket except the last.
 */
export function provisionMatrix(
  cohorts: readonly RollCohort[],
  finalLossRate: Fraction,
  forwardLookingFactor: Fraction,
): MatrixRow[] {
  const one = fraction(1n);
  const rows: MatrixRow[] = new Array(cohorts.length + 1);
  let loss: Fraction | null = finalLossRate;
  rows[cohorts.length] = {
    rollRate: null,
    historicalLossRate: loss,
    lossRate: min(one, mul(loss, forwardLookingFactor)),
  };
  for (let k = cohorts.length - 1; k >= 0; k--) {
    const { entered, rolled } = cohorts[k];
    const unknown = entered === null || rolled === null;
    const roll = !unknown && entered > 0 ? min(one, fraction(rolled, entered)) : null;
    loss = loss === null || unknown ? null : mul(loss, roll ?? fraction(0n));
    rows[k] = {
      rollRate: roll,
      historicalLossRate: loss,
      lossRate: loss === null ? null : min(one, mul(loss, forwardLookingFactor)),
    };
  }
  return rows;
}
