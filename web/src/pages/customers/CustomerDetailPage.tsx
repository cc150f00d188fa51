// 客户详情: balances per currency at the top, then tabs for open invoices (with aging), all invoices,
// payments, contacts and the master data.
import { InteractionOutlined, WalletOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tabs } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { customersApi } from '../../api/ledger';
import { PageLoading } from '../../app/PageLoading';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { InvoiceTable } from '../../components/InvoiceTable';
import { PageTitle } from '../../components/PageTitle';
import { PaymentTable } from '../../components/PaymentTable';
import { useRequest } from '../../hooks/useRequest';
import { useT } from '../../i18n';
import { useSession } from '../auth/session';
import { BalanceSummary } from './BalanceSummary';
import { ContactsTab } from './ContactsTab';
import { CustomerInfo } from './CustomerInfo';
import { OpenInvoicesTab } from './OpenInvoicesTab';

export default function CustomerDetailPage() {
  const t = useT();
  const canPay = useSession().can('payments:write');
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { data: customer, error, loading, reload } = useRequest(() => customersApi.get(id), [id]);

  if (loading && !customer) return <PageLoading />;
  if (!customer) return <ApiErrorAlert error={error} />;

  return (
    <>
      <PageTitle
        title={
          <span data-testid="customer-title">
            {customer.name} <small style={{ color: '#8c8c8c', fontWeight: 400 }}>{customer.code}</small>
          </span>
        }
        extra={
          // Recording and allocating cash need payments:write: hidden from roles without it (auditor, salesperson).
          canPay && (
            <Space>
              <Button
                icon={<WalletOutlined />}
                onClick={() => navigate(`/payments/new?customerId=${customer.id}`)}
              >
                {t('payments.record')}
              </Button>
              <Button
                icon={<InteractionOutlined />}
                onClick={() => navigate(`/allocations?customerId=${customer.id}`)}
              >
                {t('allocations.title')}
              </Button>
            </Space>
          )
        }
      />
      <BalanceSummary customer={customer} />
      <Card style={{ marginTop: 16 }}>
        <Tabs
          defaultActiveKey="open"
          destroyOnHidden
          items={[
            {
              key: 'open',
              label: t('customers.tab.open'),
              children: <OpenInvoicesTab customerId={customer.id} onChanged={reload} />,
            },
            {
              key: 'invoices',
              label: t('customers.tab.invoices'),
              children: (
                <InvoiceTable
                  query={{ customerId: customer.id, status: 'all', sort: '-issueDate' }}
                  showCustomer={false}
                  onChanged={reload}
                />
              ),
            },
            {
              key: 'payments',
              label: t('customers.tab.payments'),
              children: <PaymentTable query={{ customerId: customer.id }} showCustomer={false} />,
            },
            {
              key: 'contacts',
              label: t('customers.tab.contacts', { count: customer.contacts.length }),
              children: <ContactsTab contacts={customer.contacts} />,
            },
            {
              key: 'details',
              label: t('customers.tab.details'),
              children: <CustomerInfo customer={customer} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
