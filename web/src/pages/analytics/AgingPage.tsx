// Aging report (账龄分析) as of any date, by days past due or since invoice date, grouped; every amount
// opens the invoices behind it.
import { DatePicker, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useRequest } from '../../hooks/useRequest';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { useT } from '../../i18n';
import { AgingDrawer, type DrillCell } from './AgingDrawer';
import { amountText, ExcelButton, MissingRates, right } from './parts';
import { type AgingRow, reportsApi } from './reportsApi';

const KEYS = ['asOf', 'basis', 'by', 'bucket', 'key', 'drill'] as const;
const GROUPS = [
  'none',
  'entity',
  'customer',
  'customerGroup',
  'region',
  'salesperson',
  'collector',
  'currency',
];

export default function AgingPage() {
  const t = useT();
  const [filters, setFilters] = useUrlFilters(KEYS);
  const basis = filters.basis || 'due';
  const by = filters.by || 'customer';
  const query = { asOf: filters.asOf || undefined, basis, by };
  const { data, error, loading } = useRequest(() => reportsApi.aging(query), [filters.asOf, basis, by]);
  const [drill, setDrill] = useState<DrillCell | null>(null);
  const cur = data?.reportCurrency ?? 'CNY';

  // Arriving from the dashboard (?bucket= or ?key=&drill=1) opens the drill-down at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the report arrives
  useEffect(() => {
    if (!data || (!filters.bucket && !filters.drill)) return;
    const bucket = filters.bucket ? Number(filters.bucket) : undefined;
    const group = data.groups.find((g) => g.key === filters.key);
    open(group ?? null, bucket);
    setFilters({ drill: undefined, bucket: undefined, key: undefined });
  }, [data]);

  const open = (group: AgingRow | null, bucket: number | undefined) => {
    if (!data) return;
    setDrill({
      asOf: data.asOf,
      basis,
      by: group ? by : 'none',
      key: group?.key,
      bucket,
      title: t('analytics.drillTitle', {
        group: group ? `${group.code ?? ''} ${group.name}` : t('analytics.total'),
        bucket: bucket === undefined ? t('analytics.allBuckets') : data.buckets[bucket].label,
      }),
    });
  };

  const cellLink = (
    row: AgingRow | null,
    figure: { amount: number | null; count: number },
    bucket?: number,
  ) =>
    figure.count === 0 ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      <Typography.Link onClick={() => open(row, bucket)}>{amountText(figure.amount, cur)}</Typography.Link>
    );

  const rows = data
    ? [...data.groups, { ...data.totals, key: '__total', code: null, name: t('analytics.total') }]
    : [];
  return (
    <div>
      <PageTitle
        title={t('nav.analytics.aging')}
        extra={<ExcelButton path="/reports/aging" query={query} testId="aging-export" />}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker
          value={filters.asOf ? dayjs(filters.asOf) : null}
          placeholder={t('analytics.asOf')}
          onChange={(d) => setFilters({ asOf: d ? d.format('YYYY-MM-DD') : undefined })}
        />
        <Select
          style={{ width: 220 }}
          value={basis}
          onChange={(v) => setFilters({ basis: v })}
          options={['due', 'invoice'].map((v) => ({ value: v, label: t(`analytics.basis.${v}`) }))}
        />
        <Select
          style={{ width: 160 }}
          value={by}
          onChange={(v) => setFilters({ by: v })}
          options={GROUPS.map((v) => ({ value: v, label: t(`analytics.by.${v}`) }))}
        />
        {data && (
          <Typography.Text type="secondary">
            {t('analytics.asOf')} {data.asOf} · {t('analytics.reportCurrency', { currency: cur })}
          </Typography.Text>
        )}
      </Space>
      <ApiErrorAlert error={error} />
      {data && <MissingRates pairs={data.missingRates} />}
      <Table
        data-testid="aging-table"
        size="small"
        rowKey="key"
        loading={loading}
        dataSource={rows}
        scroll={{ x: true }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: t('analytics.group'),
            fixed: 'left',
            render: (_, r) => (r.code ? `${r.code} ${r.name}` : r.name),
          },
          ...(data?.buckets ?? []).map((b) => ({
            title: b.index === 0 && basis === 'due' ? t('dashboard.current') : b.label,
            key: b.key,
            ...right,
            render: (_: unknown, r: AgingRow) =>
              cellLink(
                r.key === '__total' ? null : r,
                { amount: r.amounts[b.index], count: r.counts[b.index] },
                b.index,
              ),
          })),
          {
            title: t('analytics.total'),
            key: 'total',
            ...right,
            render: (_, r) => <strong>{cellLink(r.key === '__total' ? null : r, r)}</strong>,
          },
          { title: t('analytics.count'), dataIndex: 'count', ...right },
        ]}
      />
      {data && <Typography.Paragraph type="secondary">{t('analytics.conversionNote')}</Typography.Paragraph>}
      <AgingDrawer cell={drill} onClose={() => setDrill(null)} />
    </div>
  );
}
