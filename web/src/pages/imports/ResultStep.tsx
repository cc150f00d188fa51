// Step 4: what the import did, with links to the imported records and to the batch.
import { Button, Flex, Result, Space } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { DateFormatNote } from './DateFormatNote';
import { ImportNotes } from './ImportNotes';
import type { WizardState } from './ImportPage';
import { ReportNumbers } from './ReportNumbers';

const LIST_OF_KIND: Record<string, string> = {
  customers: '/customers',
  contacts: '/customers',
  invoices: '/invoices',
  payments: '/payments',
  'credit-notes': '/allocations',
  history: '/invoices',
  promises: '/collections/cases',
  disputes: '/invoices',
};

export function ResultStep({ state, onRestart }: { state: WizardState; onRestart(): void }) {
  const t = useT();
  const report = state.report!;
  const ok = report.status === 'loaded';
  return (
    <Result
      status={ok ? 'success' : 'error'}
      title={
        ok
          ? t('imports.loaded', { name: report.fileName })
          : t('imports.notLoaded', { status: report.status })
      }
      subTitle={
        <Flex vertical gap="small" align="center">
          <ReportNumbers report={report} />
          <DateFormatNote report={report} />
          <ImportNotes report={report} />
        </Flex>
      }
      extra={
        <Space wrap>
          {LIST_OF_KIND[report.kind] ? (
            <Link to={LIST_OF_KIND[report.kind]}>
              <Button type="primary" data-testid="import-open-list">
                {t('imports.openList', { kind: t(`imports.kinds.${report.kind}`) })}
              </Button>
            </Link>
          ) : null}
          <Link to={`/imports/${report.batchId}`}>
            <Button>{t('imports.openBatch', { id: report.batchId })}</Button>
          </Link>
          <Button onClick={onRestart}>{t('imports.another')}</Button>
        </Space>
      }
    />
  );
}
