// An invoice table fed by GET /api/invoices with keyset "load more"; used by the invoice list and the
// customer detail tabs. Clicking a row opens the invoice drawer with its allocations.
import { Table, type TableColumnsType, type TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Query } from '../api/client';
import { invoicesApi } from '../api/ledger';
import type { InvoiceRow } from '../api/types';
import { useCursorList } from '../hooks/useCursorList';
import { type Translate, useT } from '../i18n';
import { AgingTag, InvoiceStatusTag } from './AgingTag';
import { ApiErrorAlert } from './ApiErrorAlert';
import { InvoiceDrawer } from './InvoiceDrawer';
import { LoadMore } from './LoadMore';
import { Money } from './Money';

const SORTABLE = new Set(['number', 'issueDate', 'dueDate', 'amount', 'openAmount']);

export function invoiceColumns(
  t: Translate,
  showCustomer: boolean,
  sort?: string,
): TableColumnsType<InvoiceRow> {
  const sortable = sort !== undefined;
  const order = (field: string) =>
    sort === field ? ('ascend' as const) : sort === `-${field}` ? ('descend' as const) : null;
  const all: TableColumnsType<InvoiceRow> = [
    {
      title: t('invoices.col.number'),
      dataIndex: 'number',
      key: 'number',
      sorter: sortable,
      sortOrder: order('number'),
    },
    {
      title: t('common.customer'),
      key: 'customer',
      render: (_, row) => (
        <Link to={`/customers/${row.customerId}`} onClick={(e) => e.stopPropagation()}>
          {row.customerCode} {row.customerName}
        </Link>
      ),
    },
    { title: t('common.entity'), dataIndex: 'entityCode', key: 'entity', width: 90 },
    {
      title: t('invoices.col.issueDate'),
      dataIndex: 'issueDate',
      key: 'issueDate',
      width: 120,
      sorter: sortable,
      sortOrder: order('issueDate'),
    },
    {
      title: t('invoices.col.dueDate'),
      dataIndex: 'dueDate',
      key: 'dueDate',
      width: 120,
      sorter: sortable,
      sortOrder: order('dueDate'),
    },
    {
      title: t('invoices.col.amount'),
      dataIndex: 'amount',
      key: 'amount',
      align: 'right',
      sorter: sortable,
      sortOrder: order('amount'),
      render: (_, row) => <Money amount={row.amount} currency={row.currency} />,
    },
    {
      title: t('invoices.col.open'),
      dataIndex: 'openAmount',
      key: 'openAmount',
      align: 'right',
      sorter: sortable,
      sortOrder: order('openAmount'),
      render: (_, row) => (
        <Money
          amount={row.openAmount}
          currency={row.currency}
          type={row.daysPastDue > 0 ? 'danger' : undefined}
        />
      ),
    },
    {
      title: t('invoices.col.daysPastDue'),
      key: 'daysPastDue',
      width: 120,
      render: (_, row) => (row.openAmount > 0 ? <AgingTag daysPastDue={row.daysPastDue} /> : null),
    },
    {
      title: t('common.status'),
      key: 'status',
      width: 130,
      render: (_, row) => <InvoiceStatusTag status={row.status} disputed={row.disputed} />,
    },
  ];
  return showCustomer ? all : all.filter((c) => c.key !== 'customer');
}

export function InvoiceTable({
  query,
  showCustomer = true,
  testId = 'invoice-table',
  onChanged,
}: {
  query: Query;
  showCustomer?: boolean;
  testId?: string;
  onChanged?: () => void;
}) {
  const t = useT();
  const [sort, setSort] = useState(String(query.sort ?? 'dueDate'));
  const [openId, setOpenId] = useState<number>();
  const list = useCursorList(invoicesApi.list, { limit: 50, ...query, sort });

  const onTableChange = (
    _p: TablePaginationConfig,
    _f: unknown,
    sorter: SorterResult<InvoiceRow> | SorterResult<InvoiceRow>[],
  ) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = String(single?.columnKey ?? '');
    if (!single?.order || !SORTABLE.has(field)) setSort(String(query.sort ?? 'dueDate'));
    else setSort(single.order === 'descend' ? `-${field}` : field);
  };

  return (
    <>
      <ApiErrorAlert error={list.error} />
      <Table<InvoiceRow>
        rowKey="id"
        size="middle"
        data-testid={testId}
        loading={list.loading && list.items.length === 0}
        columns={invoiceColumns(t, showCustomer, sort)}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 900 }}
        onChange={onTableChange}
        onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
      />
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loading}
        onLoadMore={list.loadMore}
        count={list.items.length}
      />
      <InvoiceDrawer
        invoiceId={openId}
        onClose={() => setOpenId(undefined)}
        onChanged={() => {
          list.reload();
          onChanged?.();
        }}
      />
    </>
  );
}

/** A fixed list of invoices (e.g. a customer's open items) with the same columns and drawer. */
export function InvoiceRows({
  invoices,
  loading,
  showCustomer = false,
  testId,
  onChanged,
}: {
  invoices: InvoiceRow[];
  loading?: boolean;
  showCustomer?: boolean;
  testId?: string;
  onChanged?: () => void;
}) {
  const t = useT();
  const [openId, setOpenId] = useState<number>();
  return (
    <>
      <Table<InvoiceRow>
        rowKey="id"
        size="middle"
        data-testid={testId}
        loading={loading}
        columns={invoiceColumns(t, showCustomer)}
        dataSource={invoices}
        pagination={false}
        scroll={{ x: 900 }}
        onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
      />
      <InvoiceDrawer invoiceId={openId} onClose={() => setOpenId(undefined)} onChanged={onChanged} />
    </>
  );
}
