// The JSON each report answers, as schemas: they document the API (OpenAPI), shape the web's generated types
// (web/src/api/schema.d.ts) and serialize the answer. The checks at the end fail to compile when a report's
// TypeScript result and its schema differ, so neither can drift.
//
// Amounts that may be unknown (no exchange rate) are `integer | null` as one JSON type list rather than a
// union: the serializer checks a union branch by branch for every array item, which costs seconds on an
// aging by customer of 100,000 customers.
import { type Static, type TSchema, Type } from 'typebox';
import { IsoDate } from '../platform/http/schemas';
import { GROUP_BYS, type GroupBy } from './aging-queries';
import type { AgingReport } from './get-aging-report';
import type { Dashboard } from './get-dashboard';
import type { PerformanceReport } from './get-performance-report';
import type { ProvisionReport } from './get-provision-report';
import type { Statement } from './get-statement';
import type { listAgingItems } from './list-aging-items';
import type { getAnalyticsSettings } from './settings-use-cases';

const MaybeAmount = Type.Unsafe<number | null>({
  type: ['integer', 'null'],
  description: 'minor units of the reporting currency; null when an exchange rate is missing',
});
const MaybeNumber = Type.Unsafe<number | null>({ type: ['number', 'null'] });
const MaybeCount = Type.Unsafe<number | null>({ type: ['integer', 'null'] });
const MaybeString = Type.Unsafe<string | null>({ type: ['string', 'null'] });
const MaybeDate = Type.Unsafe<string | null>({ type: ['string', 'null'], description: 'YYYY-MM-DD' });
const Rate = Type.String({ description: 'a decimal fraction, e.g. "0.05" for 5 %' });
const MaybeRate = Type.Unsafe<string | null>({ type: ['string', 'null'], description: 'a decimal fraction' });
const Source = Type.Union([Type.Literal('summary'), Type.Literal('scan')], {
  description: 'the trigger-maintained summary, or a scan of the open items',
});

export const BucketSchema = Type.Object({
  index: Type.Integer(),
  key: Type.String(),
  minDays: Type.Union([Type.Integer(), Type.Null()]),
  maxDays: Type.Union([Type.Integer(), Type.Null()]),
  label: Type.String(),
});

const CurrencyFigures = Type.Object({
  currency: Type.String(),
  amounts: Type.Array(Type.Integer()),
  counts: Type.Array(Type.Integer()),
  amount: Type.Integer(),
  count: Type.Integer(),
});
const FigureProps = {
  amounts: Type.Array(MaybeAmount),
  counts: Type.Array(Type.Integer()),
  amount: MaybeAmount,
  count: Type.Integer(),
};

export const AgingReportSchema = Type.Object({
  asOf: IsoDate,
  basis: Type.Union([Type.Literal('due'), Type.Literal('invoice')]),
  by: Type.Unsafe<GroupBy>({ type: 'string', enum: [...GROUP_BYS] }),
  reportCurrency: Type.String(),
  buckets: Type.Array(BucketSchema),
  totals: Type.Object({ ...FigureProps, byCurrency: Type.Array(CurrencyFigures) }),
  groups: Type.Array(
    Type.Object({
      key: Type.String(),
      code: MaybeString,
      name: Type.String(),
      ...FigureProps,
      byCurrency: Type.Optional(Type.Array(CurrencyFigures)),
    }),
  ),
  groupCount: Type.Integer(),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  missingRates: Type.Array(Type.String()),
  conversion: Type.String(),
});

export const AgingItemsSchema = Type.Object({
  asOf: IsoDate,
  items: Type.Array(
    Type.Object({
      invoiceId: Type.Integer(),
      number: Type.String(),
      entityId: Type.Integer(),
      entityCode: Type.String(),
      customerId: Type.Integer(),
      customerCode: Type.String(),
      customerName: Type.String(),
      currency: Type.String(),
      amount: Type.Integer(),
      openAmount: Type.Integer(),
      issueDate: IsoDate,
      dueDate: IsoDate,
      daysPastDue: Type.Integer(),
      ageDays: Type.Integer(),
      bucket: Type.Integer(),
    }),
  ),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

const CeiNote = Type.Unsafe<'arGrew' | 'notDefined' | 'aboveHundred' | null>({
  type: ['string', 'null'],
  enum: ['arGrew', 'notDefined', 'aboveHundred', null],
  description: 'why the CEI figure says nothing about collections, or null',
});
const PerformanceFigureProps = {
  from: IsoDate,
  to: IsoDate,
  days: Type.Integer(),
  openingAr: MaybeAmount,
  closingAr: MaybeAmount,
  closingCurrentAr: MaybeAmount,
  closingOverdueAr: MaybeAmount,
  creditSales: MaybeAmount,
  dso: MaybeNumber,
  countbackDso: MaybeNumber,
  bestPossibleDso: MaybeNumber,
  averageDaysDelinquent: MaybeNumber,
  cei: MaybeNumber,
  ceiNote: CeiNote,
};

export const PerformanceReportSchema = Type.Object({
  reportCurrency: Type.String(),
  period: Type.Object(PerformanceFigureProps),
  months: Type.Array(Type.Object({ ...PerformanceFigureProps, month: Type.String() })),
  ceiSummary: Type.Object({
    formula: Type.String(),
    months: Type.Integer(),
    period: MaybeNumber,
    note: CeiNote,
    meaningful: Type.Boolean(),
    monthlyAverage: MaybeNumber,
    explanation: MaybeString,
  }),
  customers: Type.Array(
    Type.Object({
      customerId: Type.Integer(),
      customerCode: Type.String(),
      customerName: Type.String(),
      paidAmount: MaybeAmount,
      avgDaysToPay: MaybeNumber,
      avgDaysLate: MaybeNumber,
      settledCount: Type.Integer(),
      settledLateCount: Type.Integer(),
      paidLateShare: MaybeNumber,
    }),
  ),
  missingRates: Type.Array(Type.String()),
});

const ProvisionBucketProps = { ...BucketSchema.properties, balance: MaybeAmount, provision: MaybeAmount };
const Method = Type.Union([Type.Literal('aging'), Type.Literal('matrix')]);

export const ProvisionReportSchema = Type.Object({
  asOf: IsoDate,
  reportCurrency: Type.String(),
  source: Source,
  method: Method,
  aging: Type.Object({
    buckets: Type.Array(Type.Object({ ...ProvisionBucketProps, rate: Rate })),
    balance: MaybeAmount,
    provision: MaybeAmount,
  }),
  matrix: Type.Object({
    lookbackMonths: Type.Integer(),
    windowStart: IsoDate,
    finalBucketLossRate: Rate,
    forwardLookingFactor: Rate,
    buckets: Type.Array(
      Type.Object({
        ...ProvisionBucketProps,
        enteredAmount: MaybeAmount,
        rolledAmount: MaybeAmount,
        rollRate: MaybeRate,
        historicalLossRate: MaybeRate,
        lossRate: MaybeRate,
      }),
    ),
    balance: MaybeAmount,
    provision: MaybeAmount,
  }),
  specific: Type.Object({
    customers: Type.Array(
      Type.Object({
        customerId: Type.Integer(),
        customerCode: Type.String(),
        customerName: Type.String(),
        rate: Rate,
        reason: Type.String(),
        balance: MaybeAmount,
        provision: MaybeAmount,
      }),
    ),
    balance: MaybeAmount,
    provision: MaybeAmount,
  }),
  booked: Type.Object({ collective: MaybeAmount, specific: MaybeAmount, total: MaybeAmount }),
  derivation: Type.Array(Type.String(), { description: 'how the figures were derived, in English' }),
  missingRates: Type.Array(Type.String()),
});

export const StatementSchema = Type.Object({
  customer: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), taxId: MaybeString }),
  entities: Type.Array(
    Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), country: Type.String() }),
    { description: 'the issuing entities (法人主体) of the statement, for its header' },
  ),
  from: IsoDate,
  to: IsoDate,
  openingDate: IsoDate,
  buckets: Type.Array(BucketSchema),
  sections: Type.Array(
    Type.Object({
      currency: Type.String(),
      openingBalance: Type.Integer(),
      lines: Type.Array(
        Type.Object({
          date: IsoDate,
          kind: Type.Union([
            Type.Literal('invoice'),
            Type.Literal('payment'),
            Type.Literal('payment_reversal'),
            Type.Literal('credit_note'),
            Type.Literal('write_off'),
          ]),
          id: Type.Integer(),
          entityId: Type.Integer(),
          reference: Type.String(),
          currency: Type.String(),
          amount: Type.Integer(),
          dueDate: MaybeDate,
          debit: Type.Integer(),
          credit: Type.Integer(),
          balance: Type.Integer(),
        }),
      ),
      totalDebit: Type.Integer(),
      totalCredit: Type.Integer(),
      closingBalance: Type.Integer(),
      aging: Type.Object({
        buckets: Type.Array(Type.Integer()),
        counts: Type.Array(Type.Integer()),
        openInvoices: Type.Integer(),
      }),
      unapplied: Type.Integer(),
      reconciled: Type.Boolean(),
    }),
  ),
});

export const DashboardSchema = Type.Object({
  asOf: IsoDate,
  reportCurrency: Type.String(),
  buckets: Type.Array(BucketSchema),
  source: Source,
  totals: Type.Object({
    ar: MaybeAmount,
    current: MaybeAmount,
    overdue: MaybeAmount,
    count: MaybeCount,
    overdueCount: MaybeCount,
  }),
  aging: Type.Array(Type.Object({ ...BucketSchema.properties, amount: MaybeAmount, count: MaybeCount })),
  trend: Type.Array(
    Type.Object({
      ...PerformanceFigureProps,
      month: Type.String(),
      overdueByBucket: Type.Array(MaybeAmount),
    }),
  ),
  topOverdue: Type.Array(
    Type.Object({
      customerId: Type.Integer(),
      customerCode: Type.String(),
      customerName: Type.String(),
      overdue: MaybeAmount,
      ar: MaybeAmount,
      oldestDaysPastDue: Type.Integer(),
    }),
  ),
  provision: Type.Object({
    asOf: IsoDate,
    method: Method,
    buckets: Type.Array(
      Type.Object({ label: Type.String(), balance: MaybeAmount, rate: MaybeRate, provision: MaybeAmount }),
    ),
    specific: Type.Array(
      Type.Object({
        customerId: Type.Integer(),
        customerCode: Type.String(),
        customerName: Type.String(),
        rate: Rate,
        balance: MaybeAmount,
        provision: MaybeAmount,
      }),
    ),
    collective: MaybeAmount,
    specificTotal: MaybeAmount,
    total: MaybeAmount,
  }),
  missingRates: Type.Array(Type.String()),
});

export const AnalyticsSettingsSchema = Type.Object({
  dueBuckets: Type.Array(Type.Integer()),
  ageBuckets: Type.Array(Type.Integer()),
  agingMethod: Type.Object({ edges: Type.Array(Type.Integer()), rates: Type.Array(Rate) }),
  provisionMatrix: Type.Object({
    lookbackMonths: Type.Integer(),
    finalBucketLossRate: Rate,
    forwardLookingFactor: Rate,
  }),
  provisionMethod: Method,
  specificProvisions: Type.Array(
    Type.Object({
      customerId: Type.Integer(),
      customerCode: Type.String(),
      customerName: Type.String(),
      rate: Rate,
      reason: Type.String(),
    }),
  ),
});

// Compile-time: each report's result and its schema are the same shape, both ways.
type Same<S extends TSchema, T> = [Static<S>] extends [T] ? ([T] extends [Static<S>] ? true : false) : false;
type Result<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
export const SCHEMAS_MATCH: [
  Same<typeof AgingReportSchema, AgingReport>,
  Same<typeof AgingItemsSchema, Result<typeof listAgingItems>>,
  Same<typeof PerformanceReportSchema, PerformanceReport>,
  Same<typeof ProvisionReportSchema, ProvisionReport>,
  Same<typeof StatementSchema, Statement>,
  Same<typeof DashboardSchema, Dashboard>,
  Same<typeof AnalyticsSettingsSchema, Result<typeof getAnalyticsSettings>>,
] = [true, true, true, true, true, true, true];
