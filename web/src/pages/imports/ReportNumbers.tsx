import { Space, Statistic, Typography } from 'antd';
import type { ImportReport } from '../../api/types';
import { useT } from '../../i18n';

/** The counts of an import batch side by side. */
export function ReportNumbers({ report }: { report: ImportReport }) {
  const t = useT();
  return (
    <Space size="large" wrap style={{ justifyContent: 'center' }} data-testid="import-numbers">
      <Statistic title={t('imports.rowsTotal')} value={report.rowsTotal} />
      <Statistic title={t('imports.inserted')} value={report.inserted} />
      <Statistic title={t('imports.updated')} value={report.updated} />
      <Statistic title={t('imports.unchanged')} value={report.unchanged} />
      <Statistic title={t('imports.errorCount')} value={report.errorCount} />
      {report.created?.customers ? (
        <Typography.Text type="secondary">
          {t('imports.createdCustomers', { count: report.created.customers })}
        </Typography.Text>
      ) : null}
      {report.allocations?.count ? (
        <Typography.Text type="secondary">
          {t('imports.allocated', { count: report.allocations.count })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
