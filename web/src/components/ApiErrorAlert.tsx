// Shows an API failure: the translated code, the server's message, and any row/field problems.
import { Alert, Table } from 'antd';
import { ApiError } from '../api/client';
import { type Translate, useT } from '../i18n';
import type { Vars } from '../i18n/types';

function labelOr(t: Translate, key: string, fallback: string, vars?: Vars): string {
  const text = t(key, vars);
  return text === key ? fallback : text;
}

/** A problem's reason in the user's language when its code is known, else the server's English. */
export function problemReason(
  problem: { reason: string; code?: string; params?: Record<string, string | number> },
  t: Translate,
): string {
  if (!problem.code) return problem.reason;
  return labelOr(t, `problem.${problem.code}`, problem.reason, problem.params);
}

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
              {
                title: t('imports.col.reason'),
                dataIndex: 'reason',
                render: (_: string, problem) => problemReason(problem, t),
              },
            ]}
          />
        ) : undefined
      }
    />
  );
}
