// Shows an API failure: the translated code, the server's message, and any row/field problems.
import { Alert, Table } from 'antd';
import { ApiError } from '../api/client';
import { type Translate, useT } from '../i18n';

export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    const title = error.code === 'NETWORK' ? t('error.network') : t(`error.${error.code}`);
    const known = !title.startsWith('error.');
    return known ? `${title}: ${error.message}` : error.message;
  }
  return error instanceof Error ? error.message : t('error.generic');
}

export function ApiErrorAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const t = useT();
  if (!error) return null;
  const problems = error instanceof ApiError ? error.problems : [];
  return (
    <Alert
      type="error"
      showIcon
      closable={onClose ? { onClose } : undefined}
      style={{ marginBottom: 16 }}
      title={errorText(error, t)}
      description={
        problems.length > 0 ? (
          <Table
            size="small"
            pagination={false}
            rowKey={(_, index) => String(index)}
            dataSource={problems}
            columns={[
              { title: t('imports.col.line'), dataIndex: 'line', width: 80 },
              { title: t('imports.col.field'), dataIndex: 'field', width: 160 },
              { title: t('imports.col.value'), dataIndex: 'value', width: 160 },
              { title: t('imports.col.reason'), dataIndex: 'reason' },
            ]}
          />
        ) : undefined
      }
    />
  );
}
