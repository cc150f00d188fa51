// Provision report (坏账准备计提表) at a month-end: the aging method (账龄分析法), the IFRS 9 / CAS 22
// provision matrix from roll rates, and specific provisions (单项计提), each with how it was derived. The
// provisions page and the dashboard's provision card both show this use case's figure.
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { addDays, todayIn } from '../shared/dates';
import { formatMessage, type MessageLocale } from '../shared/messages';
import { fromDecimal, toDecimal } from '../shared/money';
import { makeBuckets } from './buckets';
import { addMonths, monthEnd, monthOf, monthStart } from './months';
import { loadProvisionBalances } from './provision-balances';
import {
  agingMethodProvision,
  provisionMatrix,
  provisionOf,
  type RollCohort,
  totalOf,
} from './provision-rules';
import { checkDate, openReport } from './report-context';
import { rollCohorts } from './roll-cohorts-cache';
import { selectSpecificProvisions } from './settings-queries';
import { agingRates } from './settings-rules';

export interface ProvisionInput {
  asOf?: string;
  entityId?: number;
  reportCurrency?: string;
  timeZone?: string;
  /** Reuse roll-rate cohorts computed in the last minutes (the dashboard); the page recomputes them. */
  reuseCohorts?: boolean;
}

/** The last month-end on or before the date. */
export function lastMonthEnd(date: string): string {
  return monthEnd(monthOf(date)) === date ? date : addDays(monthStart(monthOf(date)), -1);
}

export async function getProvisionReport(db: Db, actor: Actor, input: ProvisionInput) {
  const today = todayIn(input.timeZone);
  const asOf = checkDate(input.asOf ?? lastMonthEnd(today), 'asOf');
  const ctx = await openReport(db, actor, {
    date: asOf,
    entityId: input.entityId,
    reportCurrency: input.reportCurrency,
  });
  const { settings, converter } = ctx;
  const filter = { entityId: input.entityId };
  const specifics = await selectSpecificProvisions(db);
  const m = settings.provisionMatrix;
  const windowStart = monthStart(addMonths(monthOf(asOf), -m.lookbackMonths + 1));
  const [balances, perCurrency] = await Promise.all([
    loadProvisionBalances(db, actor, {
      asOf,
      today,
      settings,
      filter,
      specificIds: specifics.map((s) => s.customerId),
    }),
    rollCohorts(
      db,
      actor,
      { asOf, windowStart, edges: settings.dueBuckets, filter },
      { reuse: input.reuseCohorts === true },
    ),
  ]);
  // null where a currency has no rate to the reporting currency (listed in missingRates), like the aging.
  const collective = (byCurrency: Map<string, number[]>, k: number) =>
    converter.sum([...byCurrency].map(([currency, amounts]) => ({ currency, amount: amounts[k] ?? 0 })));

  // (a) aging method on age since invoice date.
  const ageBuckets = makeBuckets(settings.agingMethod.edges, 'invoice');
  const agingRows = agingMethodProvision(
    ageBuckets.map((b) => collective(balances.age, b.index)),
    agingRates(settings),
  );
  const aging = {
    buckets: ageBuckets.map((b, k) => ({ ...b, ...agingRows[k] })),
    balance: totalOf(agingRows.map((r) => r.balance)),
    provision: totalOf(agingRows.map((r) => r.provision)),
  };

  // (b) provision matrix on days past due, loss rates from roll rates in the lookback window.
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
    const bal = collective(balances.due, k);
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
      const bal = converter.sum(balances.specific.get(s.customerId) ?? []);
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
    /** Where the balances came from: the trigger-maintained summary, or a scan of the open items. */
    source: balances.source,
    method: settings.provisionMethod,
    aging,
    matrix,
    specific,
    booked: {
      collective: collectiveProvision,
      specific: specific.provision,
      total: totalOf([collectiveProvision, specific.provision]),
    },
    derivation: provisionDerivation('en', {
      asOf,
      reportCurrency: ctx.reportCurrency,
      method: settings.provisionMethod,
      matrix,
    }),
    missingRates: [...converter.missing].map((c) => `${c}/${ctx.reportCurrency}`),
  };
}

/** How the figures are derived, in a locale (the report's JSON carries the English; exports their user's). */
export function provisionDerivation(
  locale: MessageLocale,
  r: {
    asOf: string;
    reportCurrency: string;
    method: 'aging' | 'matrix';
    matrix: { windowStart: string; finalBucketLossRate: string; forwardLookingFactor: string };
  },
): string[] {
  const m = r.matrix;
  return [
    formatMessage(locale, 'provisionBalances', { asOf: r.asOf, currency: r.reportCurrency }),
    formatMessage(locale, 'provisionSpecificRule'),
    formatMessage(locale, 'provisionAgingRule'),
    formatMessage(locale, 'provisionMatrixRule', {
      windowStart: m.windowStart,
      asOf: r.asOf,
      finalRate: m.finalBucketLossRate,
      factor: m.forwardLookingFactor,
    }),
    formatMessage(locale, r.method === 'aging' ? 'provisionBookedAging' : 'provisionBookedMatrix'),
    formatMessage(locale, 'provisionUnknownRule'),
  ];
}

export type ProvisionReport = Awaited<ReturnType<typeof getProvisionReport>>;
