// The chosen payment's allocations, so a wrong 核销 can be undone right where it was made.
import { Card, Table, Tag } from 'antd';
import { paymentsApi } from '../../api/ledger';
import type { PaymentAllocation } from '../../api/types';
import { Money } from '../../components/Money';
import { ReverseAllocationButton } from '../../components/ReverseAllocationButton';
import { useRequest } from '../../hooks/useRequest';
import { labelOr, useT } from '../../i18n';

export function SourceAllocations({
  paymentId,
  version,
  onChanged,
}: {
  paymentId: number;
  /** Changes whenever the open items reload, so this list reloads with them. */
  version: unknown;
  onChanged(): void;
}) {
  const t = useT();
  const { data, loading } = useRequest(() => paymentsApi.get(paymentId), [paymentId, version]);
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={t('allocations.ofPayment', { reference: data?.reference ?? '' })}
    >
      <Table<PaymentAllocation>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data?.allocations ?? []}
        columns={[
          { title: t('invoices.col.number'), dataIndex: 'invoiceNumber' },
          { title: t('allocations.col.effectiveOn'), dataIndex: 'effectiveOn', width: 120 },
          {
            title: t('allocations.col.method'),
            dataIndex: 'method',
            render: (m: string) => labelOr(t, `allocations.method.${m}`, m),
          },
          {
            title: t('common.amount'),
            dataIndex: 'amount',
            align: 'right',
            render: (amount: number) => <Money amount={amount} currency={data?.currency ?? 'CNY'} />,
          },
          {
            title: '',
            key: 'action',
            width: 120,
            render: (_, a) =>
              a.reversedOn ? (
                <Tag>{a.reversedOn}</Tag>
              ) : (
                <ReverseAllocationButton allocationId={a.id} onDone={onChanged} />
              ),
          },
        ]}
      />
    </Card>
  );
}
