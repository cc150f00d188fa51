// Drill-down: the invoices behind one aging cell, with their open amount on the report date.
import { Button, Drawer, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useT } from '../../i18n';
import { formatAmount } from '../../lib/money';
import { ExcelButton, right } from './parts';
import { type AgingItem, reportsApi } from './reportsApi';

export interface DrillCell {
  asOf: string;
  basis: string;
  by: string;
  key?: string;
  bucket?: number;
  title: string;
}

export function AgingDrawer({ cell, onClose }: { cell: DrillCell | null; onClose: () => void }) {
  const t = useT();
  const [items, setItems] = useState<AgingItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const query = cell
    ? { asOf: cell.asOf, basis: cell.basis, by: cell.by, key: cell.key, bucket: cell.bucket }
    : {};

  const load = async (after: string | null) => {
    setLoading(true);
    try {
      const page = await reportsApi.agingInvoices({ ...query, limit: 100, cursor: after ?? undefined });
      setItems((old) => (after ? [...old, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError(undefined);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the cell changes
  useEffect(() => {
    setItems([]);
    if (cell) void load(null);
  }, [cell]);

  return (
    <Drawer
      open={cell !== null}
      onClose={onClose}
      width={960}
      title={cell?.title}
      extra={cell && <ExcelButton path="/reports/aging/invoices" query={query} testId="drill-export" />}
    >
      <ApiErrorAlert error={error} />
      <Table
        data-testid="drill-table"
        size="small"
        rowKey="invoiceId"
        loading={loading}
        pagination={false}
        dataSource={items}
        columns={[
          { title: t('analytics.col.invoice'), dataIndex: 'number' },
          { title: t('analytics.col.customer'), render: (_, r) => `${r.customerCode} ${r.customerName}` },
          { title: t('common.currency'), dataIndex: 'currency' },
          { title: t('common.amount'), ...right, render: (_, r) => formatAmount(r.amount, r.currency) },
          {
            title: t('analytics.col.open'),
            ...right,
            render: (_, r) => formatAmount(r.openAmount, r.currency),
          },
          { title: t('analytics.col.issueDate'), dataIndex: 'issueDate' },
          { title: t('analytics.col.dueDate'), dataIndex: 'dueDate' },
          { title: t('analytics.col.daysPastDue'), dataIndex: 'daysPastDue', ...right },
          { title: t('analytics.col.age'), dataIndex: 'ageDays', ...right },
        ]}
      />
      {cursor && (
        <Space style={{ marginTop: 12 }}>
          <Button onClick={() => load(cursor)} loading={loading}>
            {t('common.loadMore')}
          </Button>
        </Space>
      )}
    </Drawer>
  );
}
