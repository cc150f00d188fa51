// Provision formulas (坏账准备), pure and exact. Rates are fractions; every provision figure is rounded
// half to even once.
import { applyRate, min, mul, type Rational, rational, toDecimal } from './rational';

export interface AgingMethodRow {
  balance: number;
  rate: string;
  provision: number;
}

/** 账龄分析法: balance of each age bucket × its rate. */
export function agingMethodProvision(
  balances: readonly number[],
  rates: readonly Rational[],
): AgingMethodRow[] {
  return balances.map((balance, k) => ({
    balance,
    rate: toDecimal(rates[k], 4),
    provision: applyRate(balance, rates[k]),
  }));
}

export interface RollCohort {
  /** Open amount of the cohort when it entered bucket k. */
  entered: number;
  /** Open amount of the same invoices when they reached bucket k + 1. */
  rolled: number;
}

export interface MatrixRow {
  rollRate: Rational | null;
  historicalLossRate: Rational;
  lossRate: Rational;
}

/**
 * Provision matrix (IFRS 9 B5.5.35 / CAS 22): roll rate k = rolled / entered; the historical loss rate of
 * bucket k is the product of the roll rates from k to the last bucket times the last bucket's loss rate;
 * the rate used is that times the forward-looking factor, capped at 100%. A bucket with no history rolls
 * at 0 (said in the report). `cohorts` has one entry per bucket except the last.
 */
export function provisionMatrix(
  cohorts: readonly RollCohort[],
  finalLossRate: Rational,
  forwardLookingFactor: Rational,
): MatrixRow[] {
  const one = rational(1n);
  const rows: MatrixRow[] = new Array(cohorts.length + 1);
  let loss = finalLossRate;
  rows[cohorts.length] = {
    rollRate: null,
    historicalLossRate: loss,
    lossRate: min(one, mul(loss, forwardLookingFactor)),
  };
  for (let k = cohorts.length - 1; k >= 0; k--) {
    const { entered, rolled } = cohorts[k];
    const roll = entered > 0 ? min(one, rational(rolled, entered)) : null;
    loss = mul(loss, roll ?? rational(0n));
    rows[k] = {
      rollRate: roll,
      historicalLossRate: loss,
      lossRate: min(one, mul(loss, forwardLookingFactor)),
    };
  }
  return rows;
}
