// 发票 list: filter by status, customer, due-date range and number; sortable columns; detail drawer.
import { Card, DatePicker, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { CustomerPicker } from '../../components/CustomerPicker';
import { InvoiceTable } from '../../components/InvoiceTable';
import { PageTitle } from '../../components/PageTitle';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { useT } from '../../i18n';
import { fromIso, toIso } from '../../lib/dates';

const KEYS = ['status', 'customerId', 'dueFrom', 'dueTo', 'q', 'currency'] as const;

export default function InvoiceListPage() {
  const t = useT();
  const [filters, setFilters] = useUrlFilters(KEYS);
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);

  return (
    <>
      <PageTitle title={t('invoices.title')} />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Select
            value={filters.status || 'all'}
            onChange={(status: string) => setFilters({ status: status === 'all' ? undefined : status })}
            style={{ width: 170 }}
            data-testid="invoice-status-filter"
            options={['all', 'open', 'overdue', 'paid'].map((s) => ({
              value: s,
              label: s === 'all' ? t('common.all') : t(`invoices.filter.${s}`),
            }))}
          />
          <CustomerPicker
            value={filters.customerId ? Number(filters.customerId) : undefined}
            onChange={(id) => setFilters({ customerId: id ? String(id) : undefined })}
          />
          <DatePicker.RangePicker
            value={[fromIso(filters.dueFrom) ?? null, fromIso(filters.dueTo) ?? null]}
            placeholder={[t('invoices.dueFrom'), t('invoices.dueTo')]}
            allowEmpty={[true, true]}
            onChange={(range) => setFilters({ dueFrom: toIso(range?.[0]), dueTo: toIso(range?.[1]) })}
          />
          <Input.Search
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(value) => setFilters({ q: value.trim() })}
            placeholder={t('invoices.searchPlaceholder')}
            style={{ width: 240 }}
          />
        </Flex>
        <InvoiceTable
          query={{
            status: filters.status || undefined,
            customerId: filters.customerId,
            dueFrom: filters.dueFrom,
            dueTo: filters.dueTo,
            q: filters.q,
            currency: filters.currency,
          }}
        />
      </Card>
    </>
  );
}
