// The analytics endpoints (/api/reports/…) and their shapes, as the web app uses them.
import { api, type Page, type Query, queryString } from '../../api/client';

export interface Bucket {
  index: number;
  key: string;
  label: string;
  minDays: number | null;
  maxDays: number | null;
}

export interface BucketFigure {
  amount: number | null;
  count: number;
}

export interface AgingRow {
  key: string;
  code: string | null;
  name: string;
  /** Per bucket, in the reporting currency's minor units (null: no exchange rate). */
  amounts: (number | null)[];
  counts: number[];
  amount: number | null;
  count: number;
  byCurrency: { currency: string; amounts: number[]; counts: number[]; amount: number; count: number }[];
}

export interface AgingReport {
  asOf: string;
  basis: 'due' | 'invoice';
  by: string;
  reportCurrency: string;
  buckets: Bucket[];
  totals: AgingRow;
  groups: AgingRow[];
  missingRates: string[];
  conversion: string;
}

export interface AgingItem {
  invoiceId: number;
  number: string;
  entityCode: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  currency: string;
  amount: number;
  openAmount: number;
  issueDate: string;
  dueDate: string;
  daysPastDue: number;
  ageDays: number;
  bucket: number;
}

export interface Figures {
  from: string;
  to: string;
  days: number;
  openingAr: number | null;
  closingAr: number | null;
  closingCurrentAr: number | null;
  closingOverdueAr: number | null;
  creditSales: number | null;
  dso: number | null;
  countbackDso: number | null;
  bestPossibleDso: number | null;
  averageDaysDelinquent: number | null;
  cei: number | null;
  /** Why the CEI figure is not meaningful, or null. */
  ceiNote: CeiNote;
}

export type CeiNote = 'arGrew' | 'notDefined' | 'aboveHundred' | null;

export interface CeiSummary {
  formula: string;
  months: number;
  period: number | null;
  note: CeiNote;
  meaningful: boolean;
  monthlyAverage: number | null;
  explanation: string | null;
}

export interface PerformanceReport {
  reportCurrency: string;
  period: Figures;
  months: (Figures & { month: string })[];
  ceiSummary: CeiSummary;
  customers: {
    customerId: number;
    customerCode: string;
    customerName: string;
    paidAmount: number | null;
    avgDaysToPay: number | null;
    avgDaysLate: number | null;
    settledCount: number;
    settledLateCount: number;
    paidLateShare: number | null;
  }[];
  missingRates: string[];
}

export interface Dashboard {
  asOf: string;
  reportCurrency: string;
  buckets: Bucket[];
  totals: {
    ar: number | null;
    current: number | null;
    overdue: number | null;
    count: number;
    overdueCount: number;
  };
  aging: (Bucket & BucketFigure)[];
  trend: (Figures & { month: string; overdueByBucket: (number | null)[] })[];
  topOverdue: {
    customerId: number;
    customerCode: string;
    customerName: string;
    overdue: number | null;
    ar: number | null;
    oldestDaysPastDue: number;
  }[];
  /** null where an exchange rate is missing (see missingRates). */
  provision: {
    /** The month-end the provision is booked at (the provisions page's default date). */
    asOf: string;
    method: 'aging' | 'matrix';
    buckets: { label: string; balance: number | null; rate: string | null; provision: number | null }[];
    specific: {
      customerCode: string;
      customerName: string;
      balance: number | null;
      rate: string;
      provision: number | null;
    }[];
    collective: number | null;
    specificTotal: number | null;
    total: number | null;
  };
  missingRates: string[];
}

/** Amounts and rates are null where an exchange rate is missing (see missingRates): unknown, not 0. */
export interface ProvisionBucket extends Bucket {
  balance: number | null;
  rate?: string;
  provision: number | null;
  enteredAmount?: number | null;
  rolledAmount?: number | null;
  rollRate?: string | null;
  historicalLossRate?: string | null;
  lossRate?: string | null;
}

export interface ProvisionReport {
  asOf: string;
  reportCurrency: string;
  method: 'aging' | 'matrix';
  aging: { buckets: ProvisionBucket[]; balance: number | null; provision: number | null };
  matrix: {
    lookbackMonths: number;
    windowStart: string;
    forwardLookingFactor: string;
    finalBucketLossRate: string;
    buckets: ProvisionBucket[];
    balance: number | null;
    provision: number | null;
  };
  specific: {
    customers: {
      customerId: number;
      customerCode: string;
      customerName: string;
      balance: number | null;
      rate: string;
      provision: number | null;
      reason: string;
    }[];
    balance: number | null;
    provision: number | null;
  };
  booked: { collective: number | null; specific: number | null; total: number | null };
  derivation: string[];
  missingRates: string[];
}

export interface StatementLine {
  date: string;
  kind: string;
  reference: string;
  dueDate: string | null;
  debit: number;
  credit: number;
  balance: number;
}

export interface Statement {
  customer: { id: number; code: string; name: string };
  from: string;
  to: string;
  openingDate: string;
  buckets: Bucket[];
  sections: {
    currency: string;
    openingBalance: number;
    lines: StatementLine[];
    totalDebit: number;
    totalCredit: number;
    closingBalance: number;
    aging: { buckets: number[]; openInvoices: number };
    unapplied: number;
    reconciled: boolean;
  }[];
}

export const reportsApi = {
  dashboard: (query: Query = {}) => api.get<Dashboard>('/reports/dashboard', query),
  aging: (query: Query) => api.get<AgingReport>('/reports/aging', query),
  agingInvoices: (query: Query) =>
    api.get<Page<AgingItem> & { asOf: string }>('/reports/aging/invoices', query),
  performance: (query: Query) => api.get<PerformanceReport>('/reports/dso', query),
  provisions: (query: Query) => api.get<ProvisionReport>('/reports/provisions', query),
  statement: (query: Query) => api.get<Statement>('/reports/statement', query),
};

/** The Excel export of a report: the same URL with format=xlsx, downloaded by the browser with the session. */
export function excelUrl(path: string, query: Query): string {
  return `/api${path}${queryString({ ...query, format: 'xlsx' })}`;
}
