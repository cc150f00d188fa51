// 核销 for one customer: open invoices on the left, unapplied payments and credit notes on the right; pick
// one of each and allocate an amount, or let a payment auto-allocate (by reference, else oldest due first).
// The selected payment's allocations are listed below with an un-allocate button each.
import { Card, Col, Empty, Row, Table } from 'antd';
import { useState } from 'react';
import { customersApi } from '../../api/ledger';
import type { OpenInvoice } from '../../api/types';
import { AgingTag } from '../../components/AgingTag';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { CustomerPicker } from '../../components/CustomerPicker';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { useRequest } from '../../hooks/useRequest';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { useT } from '../../i18n';
import { AllocationForm } from './AllocationForm';
import { SourceAllocations } from './SourceAllocations';
import { type Source, SourceTable, sourceKey } from './SourceTable';

const KEYS = ['customerId'] as const;

export default function AllocationPage() {
  const t = useT();
  const [filters, setFilters] = useUrlFilters(KEYS);
  const customerId = filters.customerId ? Number(filters.customerId) : undefined;
  const [invoiceId, setInvoiceId] = useState<number>();
  const [sourceId, setSourceId] = useState<string>();
  const { data, error, loading, reload } = useRequest(
    () => (customerId ? customersApi.openItems(customerId) : Promise.resolve(undefined)),
    [customerId],
  );
  const sources: Source[] = [
    ...(data?.payments ?? []).map((p) => ({ kind: 'payment' as const, item: p })),
    ...(data?.creditNotes ?? []).map((c) => ({ kind: 'credit_note' as const, item: c })),
  ];
  const invoice = data?.invoices.find((i) => i.id === invoiceId);
  const source = sources.find((s) => sourceKey(s) === sourceId);
  const refresh = () => reload();

  return (
    <>
      <PageTitle
        title={t('allocations.title')}
        extra={
          <CustomerPicker
            value={customerId}
            onChange={(id) => {
              setInvoiceId(undefined);
              setSourceId(undefined);
              setFilters({ customerId: id ? String(id) : undefined });
            }}
            style={{ width: 360 }}
          />
        }
      />
      <ApiErrorAlert error={error} />
      {!customerId ? (
        <Card>
          <Empty description={t('allocations.pickCustomer')} />
        </Card>
      ) : (
        <>
          <Row gutter={16}>
            <Col xs={24} xl={13}>
              <Card title={t('allocations.openInvoices')} size="small">
                <Table<OpenInvoice>
                  rowKey="id"
                  size="small"
                  loading={loading}
                  pagination={false}
                  data-testid="allocation-invoices"
                  dataSource={data?.invoices ?? []}
                  rowSelection={{
                    type: 'radio',
                    selectedRowKeys: invoiceId ? [invoiceId] : [],
                    onChange: (keys) => setInvoiceId(Number(keys[0])),
                  }}
                  onRow={(row) => ({ onClick: () => setInvoiceId(row.id) })}
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
                      width: 110,
                      render: (_, row) => <AgingTag daysPastDue={row.daysPastDue} />,
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={11}>
              <Card title={t('allocations.sources')} size="small">
                <SourceTable
                  sources={sources}
                  loading={loading}
                  selected={sourceId}
                  onSelect={setSourceId}
                  onChanged={refresh}
                />
              </Card>
            </Col>
          </Row>
          <AllocationForm invoice={invoice} source={source} onDone={refresh} />
          {source?.kind === 'payment' ? (
            <SourceAllocations paymentId={source.item.id} version={data} onChanged={refresh} />
          ) : null}
        </>
      )}
    </>
  );
}
