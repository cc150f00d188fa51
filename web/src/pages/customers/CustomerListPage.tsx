// 客户 list: search by code, name (Chinese too) or tax id, filter by region, segment, collector and overdue,
// balances per currency, keyset "load more".
import { Card, Table, type TableColumnsType, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { customersApi } from '../../api/ledger';
import type { Customer } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { MoneyList } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { useCursorList } from '../../hooks/useCursorList';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { type Translate, useT } from '../../i18n';
import { CustomerFilters, FILTER_KEYS } from './CustomerFilters';

/** The amount columns sort on the server (open, overdue: converted to one currency); the header shows which. */
function sortOrder(sort: string, key: string): 'ascend' | 'descend' | null {
  return sort === key ? 'ascend' : sort === `-${key}` ? 'descend' : null;
}

function columns(t: Translate, sort: string): TableColumnsType<Customer> {
  return [
    {
      title: t('customers.col.code'),
      dataIndex: 'code',
      width: 140,
      render: (code: string, row) => <Link to={`/customers/${row.id}`}>{code}</Link>,
    },
    {
      title: t('customers.col.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <>
          <div>{name}</div>
          {row.taxId ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.taxId}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    { title: t('customers.col.region'), dataIndex: 'region', width: 110, render: (v) => v ?? '—' },
    { title: t('customers.col.segment'), dataIndex: 'segment', width: 110, render: (v) => v ?? '—' },
    {
      title: t('customers.col.collector'),
      dataIndex: 'collector',
      width: 120,
      render: (_, row) => row.collector?.displayName ?? '—',
    },
    {
      title: t('customers.col.open'),
      key: 'open',
      align: 'right',
      width: 170,
      sorter: true,
      sortDirections: ['descend', 'ascend'],
      sortOrder: sortOrder(sort, 'open'),
      render: (_, row) => (
        <MoneyList items={row.balances.map((b) => ({ currency: b.currency, amount: b.openAmount }))} />
      ),
    },
    {
      title: t('customers.col.overdue'),
      key: 'overdue',
      align: 'right',
      width: 170,
      sorter: true,
      sortDirections: ['descend', 'ascend'],
      sortOrder: sortOrder(sort, 'overdue'),
      render: (_, row) => (
        <MoneyList
          type="danger"
          items={row.balances.map((b) => ({ currency: b.currency, amount: b.overdueAmount }))}
        />
      ),
    },
    {
      title: t('customers.col.unapplied'),
      key: 'unapplied',
      align: 'right',
      width: 150,
      render: (_, row) => <MoneyList type="success" items={row.unapplied} />,
    },
  ];
}

export default function CustomerListPage() {
  const t = useT();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const list = useCursorList(customersApi.list, {
    q: filters.q,
    region: filters.region,
    segment: filters.segment,
    collectorId: filters.collectorId,
    overdue: filters.overdue === 'true' ? 'true' : undefined,
    sort: filters.sort || 'code',
    limit: 50,
  });
  const sort = filters.sort || 'code';
  const onSort = (next: string | undefined) => setFilters({ sort: next });

  return (
    <>
      <PageTitle title={t('customers.title')} />
      <Card>
        <CustomerFilters filters={filters} onChange={setFilters} />
        <ApiErrorAlert error={list.error} />
        <Table<Customer>
          rowKey="id"
          size="middle"
          data-testid="customer-table"
          loading={list.loading && list.items.length === 0}
          columns={columns(t, sort)}
          onChange={(_pagination, _filters, sorter) => {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            const key = String(one?.columnKey ?? '');
            if (key !== 'open' && key !== 'overdue') return;
            onSort(one.order === 'ascend' ? key : one.order === 'descend' ? `-${key}` : undefined);
          }}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 1000 }}
          onRow={(row) => ({
            onClick: (event) => {
              if ((event.target as HTMLElement).closest('a')) return;
              navigate(`/customers/${row.id}`);
            },
            style: { cursor: 'pointer' },
          })}
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
