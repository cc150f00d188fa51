// A payment table fed by GET /api/payments with keyset "load more"; used by the payment list and the
// customer detail. Clicking a row opens the payment page with its allocations.
import { Table, type TableColumnsType, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { Query } from '../api/client';
import { paymentsApi } from '../api/ledger';
import type { Payment } from '../api/types';
import { useCursorList } from '../hooks/useCursorList';
import { labelOr, type Translate, useT } from '../i18n';
import { ApiErrorAlert } from './ApiErrorAlert';
import { LoadMore } from './LoadMore';
import { Money } from './Money';

export function PaymentStatusTag({ payment }: { payment: Payment }) {
  const t = useT();
  if (payment.reversedOn) return <Tag color="default">{t('payments.status.reversed')}</Tag>;
  if (payment.unappliedAmount === 0) return <Tag color="green">{t('payments.status.applied')}</Tag>;
  if (payment.allocatedAmount === 0) return <Tag color="orange">{t('payments.status.unapplied')}</Tag>;
  return <Tag color="gold">{t('payments.status.partial')}</Tag>;
}

function columns(t: Translate, showCustomer: boolean): TableColumnsType<Payment> {
  const all: TableColumnsType<Payment> = [
    {
      title: t('payments.col.reference'),
      dataIndex: 'reference',
      key: 'reference',
      render: (reference: string, row) => (
        <Link to={`/payments/${row.id}`} onClick={(e) => e.stopPropagation()}>
          {reference}
        </Link>
      ),
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
    { title: t('payments.col.receivedDate'), dataIndex: 'receivedDate', key: 'date', width: 120 },
    {
      title: t('common.amount'),
      key: 'amount',
      align: 'right',
      render: (_, row) => <Money amount={row.amount} currency={row.currency} />,
    },
    {
      title: t('payments.col.unapplied'),
      key: 'unapplied',
      align: 'right',
      render: (_, row) => (
        <Money
          amount={row.reversedOn ? 0 : row.unappliedAmount}
          currency={row.currency}
          type={row.unappliedAmount > 0 && !row.reversedOn ? 'success' : 'secondary'}
        />
      ),
    },
    {
      title: t('payments.col.method'),
      dataIndex: 'method',
      key: 'method',
      width: 110,
      render: (m: string | null) => (m ? labelOr(t, `payments.method.${m}`, m) : '—'),
    },
    {
      title: t('common.status'),
      key: 'status',
      width: 110,
      render: (_, row) => <PaymentStatusTag payment={row} />,
    },
  ];
  return showCustomer ? all : all.filter((c) => c.key !== 'customer');
}

export function PaymentTable({ query, showCustomer = true }: { query: Query; showCustomer?: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const list = useCursorList(paymentsApi.list, { limit: 50, sort: '-receivedDate', ...query });
  return (
    <>
      <ApiErrorAlert error={list.error} />
      <Table<Payment>
        rowKey="id"
        size="middle"
        data-testid="payment-table"
        loading={list.loading && list.items.length === 0}
        columns={columns(t, showCustomer)}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 800 }}
        onRow={(row) => ({ onClick: () => navigate(`/payments/${row.id}`), style: { cursor: 'pointer' } })}
      />
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loading}
        onLoadMore={list.loadMore}
        count={list.items.length}
      />
    </>
  );
}
