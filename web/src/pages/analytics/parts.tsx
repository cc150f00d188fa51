// Small pieces shared by the analytics pages.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { fraction, fromDecimal, mul, toDecimal } from '../../../../src/shared/money';
import type { Query } from '../../api/client';
import { type Translate, useT } from '../../i18n';
import { formatAmount } from '../../lib/money';
import { excelUrl } from './reportsApi';

export function ExcelButton({ path, query, testId }: { path: string; query: Query; testId?: string }) {
  const t = useT();
  return (
    <Button icon={<DownloadOutlined />} href={excelUrl(path, query)} download data-testid={testId}>
      {t('analytics.exportExcel')}
    </Button>
  );
}

/** An amount in the report currency; null (no exchange rate) shows a dash. */
export function amountText(amount: number | null | undefined, currency: string): string {
  return amount === null || amount === undefined ? '—' : formatAmount(amount, currency);
}

export function MissingRates({ pairs }: { pairs: string[] }) {
  const t = useT();
  if (!pairs.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      message={t('analytics.missingRates', { pairs: pairs.join(', ') })}
    />
  );
}

/**
 * Days (DSO, countback, best possible, ADD, days to pay), which the API gives with one decimal: always one
 * decimal and the unit, "45.0 天" / "45.0 days"; null (unknown) shows a dash.
 */
export const daysText = (t: Translate, value: number | null | undefined) =>
  value === null || value === undefined ? '—' : t('figures.days', { value: value.toFixed(1) });

/** A percentage figure the API gives in percent with one decimal (CEI, share paid late): "78.6%". */
export const percentText = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${value.toFixed(1)}%`;

/** A rate given as a decimal fraction ("0.05", a provision rate) as a percentage, exactly: "5.00%". */
export const rateText = (rate: string | null | undefined) =>
  rate === null || rate === undefined || rate === ''
    ? '—'
    : `${toDecimal(mul(fromDecimal(rate), fraction(100n)), 2)}%`;

/** A ratio, rate or count; null (unknown, e.g. no exchange rate) shows a dash. */
export const numberText = (value: number | string | null | undefined) =>
  value === null || value === undefined ? '—' : String(value);

export const right = { align: 'right' as const };

/** A bucket's label in the user's language: the server names the first due-date bucket in English. */
export const bucketText = (label: string, t: Translate) =>
  label === 'Not yet due' ? t('dashboard.current') : label;

/** How the provision was derived, in the user's language, from the report's own figures. */
export function derivation(
  report: {
    asOf: string;
    reportCurrency: string;
    method: 'aging' | 'matrix';
    matrix: { windowStart: string; finalBucketLossRate: string; forwardLookingFactor: string };
  },
  t: Translate,
): string[] {
  const vars = {
    asOf: report.asOf,
    currency: report.reportCurrency,
    from: report.matrix.windowStart,
    final: rateText(report.matrix.finalBucketLossRate),
    factor: report.matrix.forwardLookingFactor,
    method: t(report.method === 'aging' ? 'prov.aging' : 'prov.matrix'),
  };
  return [1, 2, 3, 4, 5, 6].map((k) => t(`prov.deriv.${k}`, vars));
}
