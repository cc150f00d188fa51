// 收款 list: filter by customer, status, date range and reference; "record payment" opens the form.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { CustomerPicker } from '../../components/CustomerPicker';
import { PageTitle } from '../../components/PageTitle';
import { PaymentTable } from '../../components/PaymentTable';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { useT } from '../../i18n';
import { fromIso, toIso } from '../../lib/dates';
import { useSession } from '../auth/session';

const KEYS = ['status', 'customerId', 'from', 'to', 'q'] as const;

export default function PaymentListPage() {
  const t = useT();
  const canPay = useSession().can('payments:write');
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(KEYS);
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);

  return (
    <>
      <PageTitle
        title={t('payments.title')}
        extra={
          canPay && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/payments/new')}>
              {t('payments.record')}
            </Button>
          )
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Select
            value={filters.status || 'all'}
            onChange={(status: string) => setFilters({ status: status === 'all' ? undefined : status })}
            style={{ width: 130 }}
            options={['all', 'unapplied', 'applied', 'reversed'].map((s) => ({
              value: s,
              label: s === 'all' ? t('common.all') : t(`payments.status.${s}`),
            }))}
          />
          <CustomerPicker
            value={filters.customerId ? Number(filters.customerId) : undefined}
            onChange={(id) => setFilters({ customerId: id ? String(id) : undefined })}
          />
          <DatePicker.RangePicker
            value={[fromIso(filters.from) ?? null, fromIso(filters.to) ?? null]}
            allowEmpty={[true, true]}
            onChange={(range) => setFilters({ from: toIso(range?.[0]), to: toIso(range?.[1]) })}
          />
          <Input.Search
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(value) => setFilters({ q: value.trim() })}
            placeholder={t('payments.searchPlaceholder')}
            style={{ width: 240 }}
          />
        </Flex>
        <PaymentTable
          query={{
            status: filters.status,
            customerId: filters.customerId,
            from: filters.from,
            to: filters.to,
            q: filters.q,
          }}
        />
      </Card>
    </>
  );
}
