// Small pieces shared by the analytics pages.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import type { Query } from '../../api/client';
import { useT } from '../../i18n';
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

/** A ratio, rate or count; null (unknown, e.g. no exchange rate) shows a dash. */
export const numberText = (value: number | string | null | undefined) =>
  value === null || value === undefined ? '—' : String(value);

export const right = { align: 'right' as const };
