// Beside the payment form: the customer's open invoices, oldest due first, so the clerk can match the
// remittance advice and add an invoice number with one click.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table } from 'antd';
import { customersApi } from '../../api/ledger';
import type { OpenInvoice } from '../../api/types';
import { AgingTag } from '../../components/AgingTag';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Money } from '../../components/Money';
import { useRequest } from '../../hooks/useRequest';
import { useT } from '../../i18n';

export function OpenInvoicesPanel({
  customerId,
  currency,
  onPick,
}: {
  customerId?: number;
  currency?: string;
  onPick(number: string): void;
}) {
  const t = useT();
  const { data, error, loading } = useRequest(
    () => (customerId ? customersApi.openItems(customerId) : Promise.resolve(undefined)),
    [customerId],
  );
  return (
    <Card title={t('payments.openInvoices')} size="small">
      <ApiErrorAlert error={error} />
      {customerId ? (
        <Table<OpenInvoice>
          rowKey="id"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={(data?.invoices ?? []).filter((i) => !currency || i.currency === currency)}
          data-testid="payment-open-invoices"
          columns={[
            { title: t('invoices.col.number'), dataIndex: 'number' },
            { title: t('invoices.col.dueDate'), dataIndex: 'dueDate', width: 110 },
            {
              title: t('invoices.col.open'),
              key: 'open',
              align: 'right',
              render: (_, row) => <Money amount={row.openAmount} currency={row.currency} />,
            },
            {
              title: '',
              key: 'dpd',
              width: 100,
              render: (_, row) => <AgingTag daysPastDue={row.daysPastDue} />,
            },
            {
              title: '',
              key: 'pick',
              width: 48,
              render: (_, row) => (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => onPick(row.number)}
                  aria-label={t('payments.addRemittance')}
                />
              ),
            },
          ]}
        />
      ) : (
        <Empty description={t('payments.pickCustomerFirst')} />
      )}
    </Card>
  );
}
