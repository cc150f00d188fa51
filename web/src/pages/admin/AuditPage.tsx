// 审计日志 (auditor, admin): search by time, table, operation, actor, row and text; each entry shows what
// changed (before → after); export the filtered log as CSV or JSON; verify the hash chain.
import { Alert, Button, Card, DatePicker, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { queryString } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useCursorList } from '../../hooks/useCursorList';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { useT } from '../../i18n';
import { type AuditEntry, type AuditVerifyResult, adminApi } from '../auth/authApi';

const FILTERS = ['from', 'to', 'table', 'op', 'actor', 'rowId', 'q'] as const;
const TABLES = [
  'customer',
  'contact',
  'invoice',
  'credit_note',
  'payment',
  'allocation',
  'write_off',
  'sales_order',
  'exchange_rate',
  'entity',
  'app_user',
  'user_role',
  'api_token',
  'audit_log',
];
const OPS = ['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'LOGIN', 'LOGIN_FAILED', 'LOCKED', 'LOGOUT', 'EXPORT'];
const OP_COLORS: Record<string, string> = { INSERT: 'green', UPDATE: 'blue', DELETE: 'red', TRUNCATE: 'red' };

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  // Rendered as text: whatever a name or note contains is shown, never run.
  return (
    <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>{JSON.stringify(value, null, 1)}</pre>
  );
}

export default function AuditPage() {
  const t = useT();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const list = useCursorList((query) => adminApi.audit(query), { ...filters, limit: 50 });
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [error, setError] = useState<unknown>();

  const runVerify = async () => {
    setVerifying(true);
    setError(undefined);
    try {
      setVerify(await adminApi.verifyAudit());
    } catch (failure) {
      setError(failure);
    } finally {
      setVerifying(false);
    }
  };
  const exportHref = (format: 'csv' | 'json') => `/api/audit/export${queryString({ ...filters, format })}`;

  return (
    <>
      <PageTitle
        title={t('admin.audit.title')}
        extra={
          <Space>
            <Button href={exportHref('csv')} data-testid="audit-export-csv">
              {t('admin.audit.exportCsv')}
            </Button>
            <Button href={exportHref('json')}>{t('admin.audit.exportJson')}</Button>
            <Button type="primary" loading={verifying} onClick={runVerify} data-testid="audit-verify">
              {t('admin.audit.verify')}
            </Button>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{t('admin.audit.help')}</Typography.Paragraph>
      <ApiErrorAlert error={list.error ?? error} />
      {verify && (
        <Alert
          showIcon
          style={{ marginBottom: 16 }}
          type={verify.ok ? 'success' : 'error'}
          data-testid="audit-verify-result"
          title={
            verify.ok
              ? t('admin.audit.verifyOk', { count: verify.checked, last: verify.lastId })
              : t('admin.audit.verifyBroken', {
                  id: verify.firstBroken?.id ?? '?',
                  reason: verify.firstBroken?.reason ?? '',
                })
          }
        />
      )}
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <DatePicker.RangePicker
            value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
            onChange={(range) =>
              setFilters({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
            }
          />
          <Select
            allowClear
            showSearch
            placeholder={t('admin.audit.table')}
            value={filters.table || undefined}
            onChange={(table) => setFilters({ table })}
            options={TABLES.map((table) => ({ value: table, label: table }))}
            style={{ width: 160 }}
            data-testid="audit-table"
          />
          <Select
            allowClear
            placeholder={t('admin.audit.op')}
            value={filters.op || undefined}
            onChange={(op) => setFilters({ op })}
            options={OPS.map((op) => ({ value: op, label: op }))}
            style={{ width: 150 }}
          />
          {(['actor', 'rowId', 'q'] as const).map((key) => (
            <Input.Search
              key={key}
              allowClear
              defaultValue={filters[key]}
              placeholder={t(`admin.audit.${key === 'q' ? 'text' : key}`)}
              onSearch={(value) => setFilters({ [key]: value })}
              style={{ width: 180 }}
              data-testid={`audit-${key}`}
            />
          ))}
        </Flex>
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.items}
          pagination={false}
          data-testid="audit-table-rows"
          expandable={{
            expandedRowRender: (entry) => (
              <Flex gap={24}>
                <div style={{ flex: 1 }}>
                  <Typography.Text strong>{t('admin.audit.before')}</Typography.Text>
                  <Json value={entry.before} />
                </div>
                <div style={{ flex: 1 }}>
                  <Typography.Text strong>{t('admin.audit.after')}</Typography.Text>
                  <Json value={entry.after} />
                </div>
                <div style={{ flex: 1 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    prev {entry.prevHash.slice(0, 16)}…<br />
                    hash {entry.hash.slice(0, 16)}…
                  </Typography.Text>
                </div>
              </Flex>
            ),
          }}
          columns={[
            { title: '#', dataIndex: 'id', width: 80 },
            {
              title: t('admin.audit.at'),
              dataIndex: 'at',
              render: (at: string) => new Date(at).toLocaleString(),
            },
            { title: t('admin.audit.actor'), dataIndex: 'actorName' },
            { title: t('admin.audit.table'), dataIndex: 'table' },
            {
              title: t('admin.audit.op'),
              dataIndex: 'op',
              render: (op: string) => <Tag color={OP_COLORS[op] ?? 'default'}>{op}</Tag>,
            },
            {
              title: t('admin.audit.row'),
              dataIndex: 'rowKey',
              render: (key: unknown) => (key ? JSON.stringify(key) : ''),
            },
            {
              title: t('admin.audit.change'),
              key: 'change',
              render: (_, entry) =>
                entry.rowCount > 1
                  ? t('admin.audit.bulk', {
                      count: entry.rowCount,
                      digest: (entry.rowsDigest ?? '').slice(0, 12),
                    })
                  : summary(entry),
            },
          ]}
        />
        <LoadMore
          hasMore={list.hasMore}
          loading={list.loading}
          onLoadMore={list.loadMore}
          count={list.items.length}
        />
      </Card>
    </>
  );
}

/** "field: old → new" for updates, the changed field names otherwise. */
function summary(entry: AuditEntry): string {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  if (entry.op !== 'UPDATE')
    return Object.keys(after).length ? Object.keys(after).slice(0, 6).join(', ') : '';
  return Object.keys(after)
    .filter((key) => key !== 'updated_at')
    .slice(0, 4)
    .map((key) => `${key}: ${short(before[key])} → ${short(after[key])}`)
    .join('; ');
}

function short(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text && text.length > 30 ? `${text.slice(0, 30)}…` : (text ?? '');
}
