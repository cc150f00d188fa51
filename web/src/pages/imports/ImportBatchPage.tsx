// One import batch: its counts and every recorded bad row.
import { Card, Descriptions, Tag } from 'antd';
import { useParams } from 'react-router';
import { importsApi } from '../../api/imports';
import { PageLoading } from '../../app/PageLoading';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useRequest } from '../../hooks/useRequest';
import { useT } from '../../i18n';
import { ImportErrors } from './ImportErrors';
import { STATUS_COLOR } from './ImportHistory';
import { ReportNumbers } from './ReportNumbers';

export default function ImportBatchPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { data: report, error, loading } = useRequest(() => importsApi.get(id), [id]);
  if (loading && !report) return <PageLoading />;
  if (!report) return <ApiErrorAlert error={error} />;
  return (
    <>
      <PageTitle title={t('imports.batchTitle', { id: report.batchId })} />
      <Card>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'kind', label: t('imports.kind'), children: t(`imports.kinds.${report.kind}`) },
            { key: 'file', label: t('imports.file'), children: report.fileName },
            {
              key: 'status',
              label: t('common.status'),
              children: <Tag color={STATUS_COLOR[report.status]}>{t(`imports.status.${report.status}`)}</Tag>,
            },
          ]}
        />
        <div style={{ margin: '16px 0' }}>
          <ReportNumbers report={report} />
        </div>
        {report.errors.length ? <ImportErrors errors={report.errors} /> : null}
      </Card>
    </>
  );
}
