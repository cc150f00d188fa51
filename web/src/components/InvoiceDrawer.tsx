// Invoice detail in a drawer: amounts, dates, status and every allocation (including reversed ones).
import { App, Descriptions, Drawer, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { invoicesApi } from '../api/ledger';
import type { InvoiceAllocation } from '../api/types';
import { useRequest } from '../hooks/useRequest';
import { labelOr, useT } from '../i18n';
import { AgingTag, InvoiceStatusTag } from './AgingTag';
import { ApiErrorAlert, errorText } from './ApiErrorAlert';
import { Money } from './Money';

export function InvoiceDrawer({
  invoiceId,
  onClose,
  onChanged,
}: {
  invoiceId: number | undefined;
  onClose(): void;
  onChanged?: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const { data, error, loading, reload } = useRequest(
    () => (invoiceId ? invoicesApi.get(invoiceId) : Promise.resolve(undefined)),
    [invoiceId],
  );
  const invoice = invoiceId ? data : undefined;

  // 争议: a disputed invoice is left out of dunning until the dispute is resolved.
  const setDisputed = async (disputed: boolean) => {
    if (!invoice) return;
    setSaving(true);
    try {
      await invoicesApi.update(invoice.id, { disputed });
      reload();
      onChanged?.();
    } catch (failure) {
      message.error(errorText(failure, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={invoiceId !== undefined}
      onClose={onClose}
      size={640}
      title={invoice ? `${t('invoices.invoice')} ${invoice.number}` : t('invoices.invoice')}
      loading={loading}
      data-testid="invoice-drawer"
      extra={
        invoice ? (
          <Switch
            checked={invoice.disputed}
            loading={saving}
            onChange={setDisputed}
            checkedChildren={t('invoices.disputed')}
            unCheckedChildren={t('invoices.notDisputed')}
          />
        ) : null
      }
    >
      <ApiErrorAlert error={error} />
      {invoice ? (
        <>
          <Descriptions
            column={2}
            size="small"
            bordered
            items={[
              {
                key: 'customer',
                label: t('common.customer'),
                span: 2,
                children: (
                  <Link to={`/customers/${invoice.customerId}`}>
                    {invoice.customerCode} {invoice.customerName}
                  </Link>
                ),
              },
              { key: 'entity', label: t('common.entity'), children: invoice.entityCode },
              {
                key: 'status',
                label: t('common.status'),
                children: <InvoiceStatusTag status={invoice.status} disputed={invoice.disputed} />,
              },
              { key: 'issue', label: t('invoices.col.issueDate'), children: invoice.issueDate },
              { key: 'due', label: t('invoices.col.dueDate'), children: invoice.dueDate },
              {
                key: 'amount',
                label: t('invoices.col.amount'),
                children: <Money amount={invoice.amount} currency={invoice.currency} />,
              },
              {
                key: 'allocated',
                label: t('invoices.col.allocated'),
                children: <Money amount={invoice.allocatedAmount} currency={invoice.currency} />,
              },
              {
                key: 'open',
                label: t('invoices.col.open'),
                children: (
                  <span data-testid="invoice-open-amount">
                    <Money amount={invoice.openAmount} currency={invoice.currency} strong />
                  </span>
                ),
              },
              {
                key: 'dpd',
                label: t('invoices.col.daysPastDue'),
                children: invoice.openAmount > 0 ? <AgingTag daysPastDue={invoice.daysPastDue} /> : '—',
              },
              { key: 'order', label: t('invoices.col.orderNumber'), children: invoice.orderNumber ?? '—' },
              { key: 'desc', label: t('invoices.col.description'), children: invoice.description ?? '—' },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('invoices.allocations')}
          </Typography.Title>
          <Table<InvoiceAllocation>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={invoice.allocations}
            columns={[
              { title: t('allocations.col.effectiveOn'), dataIndex: 'effectiveOn', width: 110 },
              {
                title: t('allocations.col.source'),
                key: 'source',
                render: (_, a) =>
                  a.source.kind === 'payment' ? (
                    <Link to={`/payments/${a.source.id}`}>
                      {t('allocations.kind.payment')} {a.source.reference}
                    </Link>
                  ) : (
                    `${t(`allocations.kind.${a.source.kind}`)} ${a.source.reference}`
                  ),
              },
              {
                title: t('allocations.col.method'),
                dataIndex: 'method',
                render: (m: string) => labelOr(t, `allocations.method.${m}`, m),
              },
              {
                title: t('common.amount'),
                dataIndex: 'amount',
                align: 'right',
                render: (amount: number) => <Money amount={amount} currency={invoice.currency} />,
              },
              {
                title: t('allocations.col.reversedOn'),
                dataIndex: 'reversedOn',
                render: (d: string | null) => (d ? <Tag color="default">{d}</Tag> : null),
              },
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}
