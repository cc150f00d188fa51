// Every bad row of an import: line in the file, field, the value found and why it was refused.
import { Table } from 'antd';
import type { ImportProblem } from '../../api/types';
import { problemReason } from '../../components/ApiErrorAlert';
import { useT } from '../../i18n';

export function ImportErrors({ errors }: { errors: ImportProblem[] }) {
  const t = useT();
  return (
    <Table<ImportProblem>
      size="small"
      data-testid="import-errors"
      rowKey={(_, index) => String(index)}
      dataSource={errors}
      pagination={errors.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      columns={[
        { title: t('imports.col.line'), dataIndex: 'line', width: 80 },
        { title: t('imports.col.field'), dataIndex: 'field', width: 160 },
        {
          title: t('imports.col.value'),
          dataIndex: 'value',
          width: 200,
          render: (v: string) => <code>{v}</code>,
        },
        {
          title: t('imports.col.reason'),
          dataIndex: 'reason',
          render: (_: string, problem) => problemReason(problem, t),
        },
      ]}
    />
  );
}
