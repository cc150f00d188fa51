// 收款详情: the payment, what it was allocated to (including reversed allocations), and its actions:
// auto-allocate the unapplied rest, un-allocate one allocation, reverse a bounced payment.
import { InteractionOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { paymentsApi } from '../../api/ledger';
import type { PaymentAllocation } from '../../api/types';
import { PageLoading } from '../../app/PageLoading';
import { ApiErrorAlert, errorText } from '../../components/ApiErrorAlert';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { PaymentStatusTag } from '../../components/PaymentTable';
import { ReverseAllocationButton } from '../../components/ReverseAllocationButton';
import { useRequest } from '../../hooks/useRequest';
import { labelOr, useT } from '../../i18n';
import { useSession } from '../auth/session';
import { ReversePaymentButton } from './ReversePaymentButton';

export default function PaymentDetailPage() {
  const t = useT();
  const canPay = useSession().can('payments:write');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const { data: payment, error, loading, reload } = useRequest(() => paymentsApi.get(id), [id]);
  const [busy, setBusy] = useState(false);

  if (loading && !payment) return <PageLoading />;
  if (!payment) return <ApiErrorAlert error={error} />;

  const autoAllocate = async () => {
    setBusy(true);
    try {
      await paymentsApi.autoAllocate(payment.id);
      message.success(t('allocations.autoDone'));
      reload();
    } catch (failure) {
      message.error(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const active = !payment.reversedOn;
  return (
    <>
      <PageTitle
        title={
          <Space>
            {t('payments.payment')} {payment.reference} <PaymentStatusTag payment={payment} />
          </Space>
        }
        extra={
          // Allocating and reversing need payments:write: hidden from roles without it.
          canPay && (
            <Space wrap>
              {active && payment.unappliedAmount > 0 ? (
                <Button
                  icon={<ThunderboltOutlined />}
                  loading={busy}
                  onClick={autoAllocate}
                  data-testid="auto-allocate"
                >
                  {t('allocations.auto')}
                </Button>
              ) : null}
              <Button
                icon={<InteractionOutlined />}
                onClick={() => navigate(`/allocations?customerId=${payment.customerId}`)}
              >
                {t('allocations.title')}
              </Button>
              {active ? <ReversePaymentButton payment={payment} onDone={reload} /> : null}
            </Space>
          )
        }
      />
      <Card>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'customer',
              label: t('common.customer'),
              span: 2,
              children: (
                <Link to={`/customers/${payment.customerId}`}>
                  {payment.customerCode} {payment.customerName}
                </Link>
              ),
            },
            { key: 'date', label: t('payments.col.receivedDate'), children: payment.receivedDate },
            {
              key: 'amount',
              label: t('common.amount'),
              children: <Money amount={payment.amount} currency={payment.currency} strong />,
            },
            {
              key: 'allocated',
              label: t('payments.col.allocated'),
              children: <Money amount={payment.allocatedAmount} currency={payment.currency} />,
            },
            {
              key: 'unapplied',
              label: t('payments.col.unapplied'),
              children: (
                <span data-testid="payment-unapplied">
                  <Money amount={payment.unappliedAmount} currency={payment.currency} type="success" />
                </span>
              ),
            },
            {
              key: 'method',
              label: t('payments.col.method'),
              children: payment.method
                ? labelOr(t, `payments.method.${payment.method}`, payment.method)
                : '—',
            },
            {
              key: 'remittance',
              label: t('payments.remittance'),
              span: 2,
              children: payment.remittanceInvoiceNumbers.length
                ? payment.remittanceInvoiceNumbers.map((n) => <Tag key={n}>{n}</Tag>)
                : '—',
            },
            { key: 'note', label: t('payments.col.note'), span: 3, children: payment.note ?? '—' },
            ...(payment.reversedOn
              ? [
                  {
                    key: 'reversed',
                    label: t('payments.reversedOn'),
                    span: 3,
                    children: (
                      <Typography.Text type="danger">
                        {payment.reversedOn} {payment.reversalReason ?? ''}
                      </Typography.Text>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 24 }}>
          {t('invoices.allocations')}
        </Typography.Title>
        <Table<PaymentAllocation>
          rowKey="id"
          size="small"
          pagination={false}
          data-testid="payment-allocations"
          dataSource={payment.allocations}
          columns={[
            { title: t('invoices.col.number'), dataIndex: 'invoiceNumber' },
            { title: t('allocations.col.effectiveOn'), dataIndex: 'effectiveOn', width: 120 },
            {
              title: t('allocations.col.method'),
              dataIndex: 'method',
              width: 120,
              render: (m: string) => labelOr(t, `allocations.method.${m}`, m),
            },
            {
              title: t('common.amount'),
              dataIndex: 'amount',
              align: 'right',
              render: (amount: number) => <Money amount={amount} currency={payment.currency} />,
            },
            {
              title: t('allocations.col.reversedOn'),
              dataIndex: 'reversedOn',
              width: 120,
              render: (d: string | null) => (d ? <Tag>{d}</Tag> : null),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 120,
              render: (_, a) =>
                a.reversedOn ? null : <ReverseAllocationButton allocationId={a.id} onDone={reload} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
