// The analytics endpoints (/api/reports/…) and their shapes, as the web app uses them.
import { api, type Page, type Query, queryString } from '../../api/client';

import type { ApiResponse } from '../../api/types';
import { activeLocale } from '../../i18n';

// The shapes are generated from the report routes' schemas (src/analytics/report-schemas.ts).
export type AgingReport = ApiResponse<'/api/reports/aging'>;
export type Bucket = AgingReport['buckets'][number];
export type AgingRow = AgingReport['groups'][number];
export type AgingItem = ApiResponse<'/api/reports/aging/invoices'>['items'][number];
export type PerformanceReport = ApiResponse<'/api/reports/dso'>;
export type Figures = PerformanceReport['period'];
export type CeiSummary = PerformanceReport['ceiSummary'];
export type CeiNote = Figures['ceiNote'];
export type Dashboard = ApiResponse<'/api/reports/dashboard'>;
export type BucketFigure = Pick<Dashboard['aging'][number], 'amount' | 'count'>;
export type ProvisionReport = ApiResponse<'/api/reports/provisions'>;
/** Amounts and rates are null where an exchange rate is missing (see missingRates): unknown, not 0. */
export type ProvisionBucket = Bucket & {
  balance: number | null;
  rate?: string;
  provision: number | null;
  enteredAmount?: number | null;
  rolledAmount?: number | null;
  rollRate?: string | null;
  historicalLossRate?: string | null;
  lossRate?: string | null;
};
export type Statement = ApiResponse<'/api/reports/statement'>;
export type StatementLine = Statement['sections'][number]['lines'][number];

export const reportsApi = {
  dashboard: (query: Query = {}) => api.get<Dashboard>('/reports/dashboard', query),
  aging: (query: Query) => api.get<AgingReport>('/reports/aging', query),
  agingInvoices: (query: Query) =>
    api.get<Page<AgingItem> & { asOf: string }>('/reports/aging/invoices', query),
  performance: (query: Query) => api.get<PerformanceReport>('/reports/dso', query),
  provisions: (query: Query) => api.get<ProvisionReport>('/reports/provisions', query),
  statement: (query: Query) => api.get<Statement>('/reports/statement', query),
};

/**
 * The Excel export of a report: the same URL with format=xlsx, downloaded by the browser with the session,
 * in the language the user chose (headers, sheet names and labels).
 */
export function excelUrl(path: string, query: Query): string {
  return `/api${path}${queryString({ ...query, format: 'xlsx', locale: activeLocale() })}`;
}
