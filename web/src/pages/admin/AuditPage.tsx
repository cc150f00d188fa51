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
import { labelOr, type Translate, useT } from '../../i18n';
import { dateTimeText } from '../../lib/dates';
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

/** A table's, an operation's or a column's name in the user's language (unknown ones as stored). */
const tableText = (t: Translate, table: string) => labelOr(t, `audit.table.${table}`, table);
const opText = (t: Translate, op: string) => labelOr(t, `audit.op.${op}`, op);
const fieldText = (t: Translate, field: string) => labelOr(t, `audit.field.${field}`, field);
/** Who acted: a user by name, or the system / a database login. */
const actorText = (t: Translate, actor: string) =>
  actor === 'system'
    ? t('audit.actor.system')
    : actor.startsWith('db:')
      ? t('audit.actor.db', { name: actor.slice(3) })
      : actor;

function Json({ value }: { value: unknown }) {
  const t = useT();
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  // Rendered as text: whatever a name or note contains is shown, never run. Top-level columns by their
  // names in the user's language; nested values (a strategy's steps) as the stored JSON, marked as data.
  if (typeof value !== 'object' || Array.isArray(value))
    return <code className="audit-data">{JSON.stringify(value)}</code>;
  return (
    <div style={{ fontSize: 12 }}>
      {Object.entries(value as Record<string, unknown>).map(([key, item]) => (
        <div key={key}>
          {fieldText(t, key)}:{' '}
          {typeof item === 'boolean' ? (
            t(item ? 'audit.yes' : 'audit.no')
          ) : (
            <code className="audit-data">{typeof item === 'string' ? item : JSON.stringify(item)}</code>
          )}
        </div>
      ))}
    </div>
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
            options={TABLES.map((table) => ({ value: table, label: tableText(t, table) }))}
            style={{ width: 160 }}
            data-testid="audit-table"
          />
          <Select
            allowClear
            placeholder={t('admin.audit.op')}
            value={filters.op || undefined}
            onChange={(op) => setFilters({ op })}
            options={OPS.map((op) => ({ value: op, label: opText(t, op) }))}
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
              render: (at: string) => dateTimeText(at),
            },
            { title: t('admin.audit.actor'), dataIndex: 'actorName', render: (a: string) => actorText(t, a) },
            {
              title: t('admin.audit.table'),
              dataIndex: 'table',
              render: (table: string) => tableText(t, table),
            },
            {
              title: t('admin.audit.op'),
              dataIndex: 'op',
              render: (op: string) => <Tag color={OP_COLORS[op] ?? 'default'}>{opText(t, op)}</Tag>,
            },
            {
              title: t('admin.audit.row'),
              dataIndex: 'rowKey',
              render: (key: unknown) =>
                key && typeof key === 'object'
                  ? Object.entries(key)
                      .map(([k, v]) => `${k === 'id' ? 'ID' : fieldText(t, k)} ${String(v)}`)
                      .join(', ')
                  : key
                    ? String(key)
                    : '',
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
                  : summary(entry, t),
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
function summary(entry: AuditEntry, t: Translate): string {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  if (entry.op !== 'UPDATE')
    return Object.keys(after).length
      ? Object.keys(after)
          .slice(0, 6)
          .map((key) => fieldText(t, key))
          .join(', ')
      : '';
  return Object.keys(after)
    .filter((key) => key !== 'updated_at')
    .slice(0, 4)
    .map((key) => `${fieldText(t, key)}: ${short(before[key], t)} → ${short(after[key], t)}`)
    .join('; ');
}

function short(value: unknown, t: Translate): string {
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text && text.length > 30 ? `${text.slice(0, 30)}…` : (text ?? '');
}
