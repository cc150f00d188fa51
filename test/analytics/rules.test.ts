// Pure analytics formulas against hand-computed numbers.
import { describe, expect, it } from 'vitest';
import { bucketIndex, makeBuckets } from '../../src/analytics/buckets';
import { summariseCei } from '../../src/analytics/cei-summary';
import { figures } from '../../src/analytics/get-performance-report';
import { buildSections } from '../../src/analytics/get-statement';
import { cumulate } from '../../src/analytics/month-series';
import {
  averageDaysDelinquent,
  bestPossibleDso,
  ceiFigure,
  collectionEffectivenessIndex,
  countbackDso,
  standardDso,
  weightedPaymentDays,
} from '../../src/analytics/performance';
import {
  agingMethodProvision,
  provisionMatrix,
  provisionOf,
  totalOf,
} from '../../src/analytics/provision-rules';
import { validateSetting } from '../../src/analytics/settings-rules';
import { Converter, type Fraction, fromDecimal, toDecimal } from '../../src/shared/money';

describe('buckets', () => {
  const edges = [30, 60, 90, 180, 365];
  it('classify days past due with not-yet-due first', () => {
    expect(
      [-5, 0, 1, 30, 31, 60, 61, 90, 91, 180, 181, 365, 366, 1000].map((d) => bucketIndex(d, edges, 'due')),
    ).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]);
    expect(makeBuckets(edges, 'due').map((b) => b.label)).toEqual([
      'Not yet due',
      '1–30',
      '31–60',
      '61–90',
      '91–180',
      '181–365',
      '>365',
    ]);
  });
  it('classify age since invoice date from 0', () => {
    expect([0, 30, 31, 365, 366].map((d) => bucketIndex(d, [30, 365], 'invoice'))).toEqual([0, 0, 1, 1, 2]);
    expect(makeBuckets([30, 365], 'invoice').map((b) => [b.minDays, b.maxDays])).toEqual([
      [0, 30],
      [31, 365],
      [366, null],
    ]);
  });
  it('refuse edges that do not increase', () => {
    expect(() => validateSetting('dueBuckets', [30, 30])).toThrow(/increasing/);
    expect(() => validateSetting('agingMethod', { edges: [365], rates: ['0.05'] })).toThrow(
      /one rate per bucket/,
    );
  });
});

describe('conversion', () => {
  const rates = [
    { fromCurrency: 'USD', toCurrency: 'CNY', rateDate: '2026-01-01', rate: '7.1' },
    { fromCurrency: 'CNY', toCurrency: 'JPY', rateDate: '2026-01-01', rate: '20.5' },
  ];
  it('adds parts exactly and rounds half to even once', () => {
    const c = new Converter('CNY', '2026-02-01', rates);
    // 0.05 USD = 0.355 CNY, twice = 0.71 exactly (rounding each would give 0.36 + 0.36 = 0.72).
    expect(
      c.sum([
        { currency: 'USD', amount: 5 },
        { currency: 'USD', amount: 5 },
      ]),
    ).toBe(71);
    expect(c.sum([{ currency: 'USD', amount: 5 }])).toBe(36); // 35.5 → 36 (half to even)
    expect(c.sum([{ currency: 'USD', amount: 15 }])).toBe(106); // 106.5 → 106
    expect(
      c.sum([
        { currency: 'CNY', amount: 100 },
        { currency: 'USD', amount: 100 },
      ]),
    ).toBe(810);
  });
  it('uses the reverse quote divided, and minor units of each currency', () => {
    const c = new Converter('CNY', '2026-02-01', rates);
    // 1000 JPY (no minor unit) / 20.5 = 48.780487… CNY → 4878 fen.
    expect(c.sum([{ currency: 'JPY', amount: 1000 }])).toBe(4878);
    expect(c.sum([{ currency: 'EUR', amount: 1 }])).toBeNull();
    expect([...c.missing]).toEqual(['EUR']);
    expect(new Converter('CNY', '2025-12-31', rates).sum([{ currency: 'USD', amount: 100 }])).toBeNull();
  });
});

describe('DSO and CEI', () => {
  it('standard, best possible and ADD, in days with one decimal', () => {
    expect(standardDso(233200, 30000, 31)).toBe(241); // 240.97
    expect(bestPossibleDso(30000, 30000, 31)).toBe(31);
    expect(averageDaysDelinquent(233200, 30000, 30000, 31)).toBe(210); // 209.97
    expect(standardDso(100, 0, 30)).toBeNull();
    expect(standardDso(1, 3, 1)).toBe(0.3);
  });
  it('ADD comes from the unrounded DSO and best possible DSO, not from the rounded figures', () => {
    // DSO 10.004 and best possible 5.006 days: ADD is 4.998 → 5.0, while 10.0 − 5.0 rounded apart can
    // drift (to 4.99 with two decimals: 10.00 − 5.01).
    const f = figures(
      { from: '2026-03-01', to: '2026-03-01', opening: 0, total: 10_004, current: 5_006, sales: 1_000 },
      1,
      [],
    );
    expect([f.dso, f.bestPossibleDso, f.averageDaysDelinquent]).toEqual([10, 5, 5]);
    const g = figures(
      { from: '2026-03-01', to: '2026-03-01', opening: 0, total: 1_004, current: 506, sales: 100 },
      1,
      [],
    );
    // 10.04 − 5.06 = 4.98 → 5.0, not 10.0 − 5.1 = 4.9.
    expect([g.dso, g.bestPossibleDso, g.averageDaysDelinquent]).toEqual([10, 5.1, 5]);
  });
  it('countback walks back month by month', () => {
    // AR 233200: March 30000 (31 d), February 50000 (28 d), then 153200 of January's 171000 (31 d).
    const months = [
      { sales: 30000, days: 31 },
      { sales: 50000, days: 28 },
      { sales: 171000, days: 31 },
    ];
    expect(countbackDso(233200, months)).toBe(86.8);
    expect(countbackDso(20000, months)).toBe(20.7);
    expect(countbackDso(999999, months)).toBeNull();
    // A month whose sales are unknown (no exchange rate) stops the walk only if it is reached.
    const unknownJanuary = [months[0], months[1], { sales: null, days: 31 }];
    expect(countbackDso(20000, unknownJanuary)).toBe(20.7);
    expect(countbackDso(233200, unknownJanuary)).toBeNull();
  });
  it('CEI = (open + sales/N − closing) / (open + sales/N − current) × 100', () => {
    expect(collectionEffectivenessIndex(241000, 30000, 1, 233200, 30000)).toBe(15.7); // 15.68
    // Three months: (1000 + 3000/3 − 900) / (1000 + 1000 − 600) = 1100 / 1400.
    expect(collectionEffectivenessIndex(1000, 3000, 3, 900, 600)).toBe(78.6);
  });
  it('a period CEI where AR grew by more than a month of sales is flagged, beside the monthly average', () => {
    // A year in which AR grew from 1,000 to 2,500 on 12,000 of sales: (1000 + 1000 − 2500) / (2000 − 400).
    const year = ceiFigure(1000, 12_000, 12, 2500, 400);
    expect(year).toMatchObject({ value: -31.2, note: 'arGrew' }); // −31.25, half to even
    expect(ceiFigure(1000, 3000, 3, 900, 600).note).toBeNull();
    expect(ceiFigure(0, 0, 1, 0, 0)).toMatchObject({ value: null, note: 'notDefined' });
    const month = (opening: number, sales: number, closing: number, current: number) =>
      figures({ from: '2026-01-01', to: '2026-01-31', opening, total: closing, current, sales }, 1, []);
    const months = [month(1000, 1000, 1100, 500), month(1100, 1000, 1300, 600), month(1300, 1000, 1500, 700)];
    const period = figures(
      { from: '2026-01-01', to: '2026-03-31', opening: 1000, total: 1500, current: 700, sales: 3000 },
      3,
      [],
    );
    const summary = summariseCei(period, months);
    // Months: 900/1500 = 60 %, 800/1500 = 53.33 %, 800/1600 = 50 %: average 54.44 % → 54.4; the period
    // (1000 + 3000/3 − 1500) / (2000 − 700) = 38.46 % → 38.5.
    expect(months.map((m) => m.cei)).toEqual([60, 53.3, 50]);
    expect(summary).toMatchObject({
      period: 38.5,
      note: null,
      meaningful: true,
      monthlyAverage: 54.4,
      months: 3,
    });
    expect(summary.formula).toMatch(/credit sales \/ N/);
    const grew = summariseCei(
      figures(
        { from: '2026-01-01', to: '2026-03-31', opening: 1000, total: 5000, current: 700, sales: 3000 },
        3,
        [],
      ),
      months,
    );
    expect(grew).toMatchObject({ note: 'arGrew', meaningful: false, monthlyAverage: 54.4 });
    expect(grew.explanation).toMatch(/average of the monthly figures/);
  });
  it('days to pay and days late are weighted by amount', () => {
    expect(
      weightedPaymentDays([
        { amount: 300, daysToPay: 20, daysLate: -10 },
        { amount: 100, daysToPay: 60, daysLate: 30 },
      ]),
    ).toEqual({ avgDaysToPay: 30, avgDaysLate: 7.5 });
  });
});

describe('provisions', () => {
  it('aging method: balance × rate, rounded half to even', () => {
    const rows = agingMethodProvision([233200, 10010, 0], ['0.05', '0.15', '1'].map(fromDecimal));
    expect(rows.map((r) => r.provision)).toEqual([11660, 1502, 0]); // 1501.5 → 1502
  });
  it('matrix: loss rate = product of roll rates × final rate × factor, at most 1', () => {
    const rows = provisionMatrix(
      [
        { entered: 1000, rolled: 400 },
        { entered: 400, rolled: 100 },
        { entered: 100, rolled: 50 },
      ],
      fromDecimal('1'),
      fromDecimal('1.1'),
    );
    expect(rows.map((r) => (r.rollRate ? toDecimal(r.rollRate, 4) : null))).toEqual([
      '0.4000',
      '0.2500',
      '0.5000',
      null,
    ]);
    const decimal = (r: Fraction | null) => r && toDecimal(r, 4);
    expect(rows.map((r) => decimal(r.historicalLossRate))).toEqual(['0.0500', '0.1250', '0.5000', '1.0000']);
    expect(rows.map((r) => decimal(r.lossRate))).toEqual(['0.0550', '0.1375', '0.5500', '1.0000']);
    const empty = provisionMatrix([{ entered: 0, rolled: 0 }], fromDecimal('1'), fromDecimal('1'));
    expect(empty[0].rollRate).toBeNull();
    expect(decimal(empty[0].lossRate)).toBe('0.0000');
  });
  it('unknown amounts (no exchange rate) make what depends on them unknown, never 0', () => {
    expect(
      agingMethodProvision([1000, null], ['0.05', '0.1'].map(fromDecimal)).map((r) => r.provision),
    ).toEqual([50, null]);
    // An unknown cohort k: loss rates of k and the younger buckets are unknown, older ones are not.
    const rows = provisionMatrix(
      [
        { entered: 1000, rolled: 400 },
        { entered: null, rolled: 100 },
        { entered: 100, rolled: 50 },
      ],
      fromDecimal('1'),
      fromDecimal('1'),
    );
    expect(rows.map((r) => r.lossRate && toDecimal(r.lossRate, 4))).toEqual([null, null, '0.5000', '1.0000']);
    expect(totalOf([1, 2, 3])).toBe(6);
    expect(totalOf([1, null, 3])).toBeNull();
    expect(provisionOf(null, fromDecimal('0.5'))).toBeNull();
    expect(provisionOf(1001, null)).toBeNull();
  });
});

describe('summary deltas', () => {
  it('cumulate into month-end balances and monthly sales', () => {
    const cells = cumulate(
      [
        { currency: 'CNY', bucket: -1, day: '2026-01-10', amount: 500 },
        { currency: 'CNY', bucket: 0, day: '2026-01-10', amount: 500 },
        { currency: 'CNY', bucket: 0, day: '2026-02-09', amount: -500 },
        { currency: 'CNY', bucket: 1, day: '2026-02-09', amount: 300 },
        { currency: 'CNY', bucket: 1, day: '2026-04-01', amount: -300 },
      ],
      ['2026-01', '2026-02', '2026-03'],
    );
    expect(cells).toEqual([
      { asOf: '2026-01-31', currency: 'CNY', bucket: 0, amount: 500 },
      { asOf: '2026-01-31', currency: 'CNY', bucket: -1, amount: 500 },
      { asOf: '2026-02-28', currency: 'CNY', bucket: 1, amount: 300 },
      { asOf: '2026-03-31', currency: 'CNY', bucket: 1, amount: 300 },
    ]);
  });
});

describe('statement', () => {
  it('opening balance, running balance, closing balance', () => {
    const doc = (date: string, kind: 'invoice' | 'payment', amount: number) => ({
      date,
      kind,
      id: 1,
      entityId: 1,
      reference: 'x',
      currency: 'CNY',
      amount,
      dueDate: null,
    });
    const s = buildSections(
      [
        doc('2026-01-05', 'invoice', 100000),
        doc('2026-02-10', 'invoice', 50000),
        doc('2026-02-20', 'payment', -60000),
      ],
      '2026-02-01',
    ).get('CNY')!;
    expect(s.openingBalance).toBe(100000);
    expect(s.lines.map((l) => [l.debit, l.credit, l.balance])).toEqual([
      [50000, 0, 150000],
      [0, 60000, 90000],
    ]);
    expect([s.totalDebit, s.totalCredit, s.closingBalance]).toEqual([50000, 60000, 90000]);
  });
});
