// Provision report (坏账准备计提表) at a month-end: the aging method (账龄分析法), the IFRS 9 / CAS 22
// provision matrix from roll rates, and specific provisions (单项计提), each with how it was derived.
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { addDays, todayIn } from '../shared/dates';
import { fromDecimal, toDecimal } from '../shared/money';
import { type AgingCell, selectAgingCells } from './aging-queries';
import { makeBuckets } from './buckets';
import { addMonths, monthEnd, monthOf, monthStart } from './months';
import { selectRollCohorts } from './provision-queries';
import {
  agingMethodProvision,
  provisionMatrix,
  provisionOf,
  type RollCohort,
  totalOf,
} from './provision-rules';
import { checkDate, openReport } from './report-context';
import { selectSpecificProvisions } from './settings-queries';
import { agingRates } from './settings-rules';

export interface ProvisionInput {
  asOf?: string;
  entityId?: number;
  reportCurrency?: string;
  timeZone?: string;
}

/** The last month-end on or before the date. */
export function lastMonthEnd(date: string): string {
  return monthEnd(monthOf(date)) === date ? date : addDays(monthStart(monthOf(date)), -1);
}

export async function getProvisionReport(db: Db, actor: Actor, input: ProvisionInput) {
  const asOf = checkDate(input.asOf ?? lastMonthEnd(todayIn(input.timeZone)), 'asOf');
  const ctx = await openReport(db, actor, {
    date: asOf,
    entityId: input.entityId,
    reportCurrency: input.reportCurrency,
  });
  const { settings, converter } = ctx;
  const filter = { entityId: input.entityId };
  const specifics = await selectSpecificProvisions(db);
  const specificIds = new Set(specifics.map((s) => String(s.customerId)));
  const [ageCells, dueCells] = await Promise.all([
    selectAgingCells(db, actor, {
      asOf,
      basis: 'invoice',
      edges: settings.agingMethod.edges,
      by: 'customer',
      filter,
    }),
    selectAgingCells(db, actor, { asOf, basis: 'due', edges: settings.dueBuckets, by: 'customer', filter }),
  ]);
  // null where a currency has no rate to the reporting currency (listed in missingRates), like the aging.
  const balance = (cells: AgingCell[]) =>
    converter.sum(cells.map((c) => ({ currency: c.currency, amount: c.amount })));
  const collective = (cells: AgingCell[], k: number) =>
    balance(cells.filter((c) => c.bucket === k && !specificIds.has(c.key)));

  // (a) aging method on age since invoice date.
  const ageBuckets = makeBuckets(settings.agingMethod.edges, 'invoice');
  const agingRows = agingMethodProvision(
    ageBuckets.map((b) => collective(ageCells, b.index)),
    agingRates(settings),
  );
  const aging = {
    buckets: ageBuckets.map((b, k) => ({ ...b, ...agingRows[k] })),
    balance: totalOf(agingRows.map((r) => r.balance)),
    provision: totalOf(agingRows.map((r) => r.provision)),
  };

  // (b) provision matrix on days past due, loss rates from roll rates in the lookback window.
  const m = settings.provisionMatrix;
  const windowStart = addDays(monthStart(addMonths(monthOf(asOf), -m.lookbackMonths + 1)), 0);
  const perCurrency = await selectRollCohorts(db, actor, {
    asOf,
    windowStart,
    edges: settings.dueBuckets,
    filter,
  });
  const dueBuckets = makeBuckets(settings.dueBuckets, 'due');
  const cohorts: RollCohort[] = dueBuckets.slice(0, -1).map((_, k) => ({
    entered: converter.sum(perCurrency.map((p) => ({ currency: p.currency, amount: p.cohorts[k].entered }))),
    rolled: converter.sum(perCurrency.map((p) => ({ currency: p.currency, amount: p.cohorts[k].rolled }))),
  }));
  const matrixRows = provisionMatrix(
    cohorts,
    fromDecimal(m.finalBucketLossRate),
    fromDecimal(m.forwardLookingFactor),
  );
  const matrixBuckets = dueBuckets.map((b, k) => {
    const bal = collective(dueCells, k);
    const row = matrixRows[k];
    return {
      ...b,
      balance: bal,
      enteredAmount: cohorts[k]?.entered ?? null,
      rolledAmount: cohorts[k]?.rolled ?? null,
      rollRate: row.rollRate ? toDecimal(row.rollRate) : null,
      historicalLossRate: row.historicalLossRate && toDecimal(row.historicalLossRate),
      lossRate: row.lossRate && toDecimal(row.lossRate),
      provision: provisionOf(bal, row.lossRate),
    };
  });
  const matrix = {
    lookbackMonths: m.lookbackMonths,
    windowStart,
    finalBucketLossRate: m.finalBucketLossRate,
    forwardLookingFactor: m.forwardLookingFactor,
    buckets: matrixBuckets,
    balance: totalOf(matrixBuckets.map((r) => r.balance)),
    provision: totalOf(matrixBuckets.map((r) => r.provision)),
  };

  // (c) specific provisions: the customer's whole open balance at its own rate.
  const specificRows = specifics
    .map((s) => {
      const bal = balance(dueCells.filter((c) => c.key === String(s.customerId)));
      return { ...s, balance: bal, provision: provisionOf(bal, fromDecimal(s.rate)) };
    })
    .filter((s) => s.balance !== 0);
  const specific = {
    customers: specificRows,
    balance: totalOf(specificRows.map((r) => r.balance)),
    provision: totalOf(specificRows.map((r) => r.provision)),
  };
  const collectiveProvision = settings.provisionMethod === 'aging' ? aging.provision : matrix.provision;
  return {
    asOf,
    reportCurrency: ctx.reportCurrency,
    method: settings.provisionMethod,
    aging,
    matrix,
    specific,
    booked: {
      collective: collectiveProvision,
      specific: specific.provision,
      total: totalOf([collectiveProvision, specific.provision]),
    },
    derivation: [
      `Balances are open invoice amounts on ${asOf} (allocations effective on or before it and not reversed by it), converted to ${ctx.reportCurrency}.`,
      'Customers with a specific provision are provided for at their own rate on their whole balance and left out of the collective figures.',
      'Aging method: balance of each age bucket (days since invoice date) × its rate, rounded half to even.',
      `Provision matrix: roll rate of bucket k = open amount of the invoices when they reached bucket k+1 / their open amount when they entered bucket k, for invoices that entered bucket k on or after ${windowStart} and reached k+1 by ${asOf}; write-offs count as rolled. Historical loss rate of k = product of the roll rates from k to the last bucket × ${m.finalBucketLossRate}; loss rate = historical × forward-looking factor ${m.forwardLookingFactor}, at most 1; provision = balance × loss rate, rounded half to even.`,
      `Booked provision uses the ${settings.provisionMethod === 'aging' ? 'aging method' : 'provision matrix'} plus specific provisions.`,
      'A figure that needs an exchange rate the store does not have is unknown (empty), and so is every total and rate derived from it.',
    ],
    missingRates: [...converter.missing].map((c) => `${c}/${ctx.reportCurrency}`),
  };
}

export type ProvisionReport = Awaited<ReturnType<typeof getProvisionReport>>;
