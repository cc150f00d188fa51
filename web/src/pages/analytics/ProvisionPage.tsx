// Provision report (坏账准备) at a month-end: the booked figure and how each part was derived.
import { Card, DatePicker, List, Space, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useRequest } from '../../hooks/useRequest';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { useT } from '../../i18n';
import { amountText, bucketText, derivation, ExcelButton, MissingRates, rateText, right } from './parts';
import { type ProvisionBucket, reportsApi } from './reportsApi';

const KEYS = ['asOf'] as const;

export default function ProvisionPage() {
  const t = useT();
  const [filters, setFilters] = useUrlFilters(KEYS);
  const query = { asOf: filters.asOf || undefined };
  const { data, error, loading } = useRequest(() => reportsApi.provisions(query), [filters.asOf]);
  const cur = data?.reportCurrency ?? 'CNY';
  const money = (key: keyof ProvisionBucket, title: string) => ({
    title,
    key,
    ...right,
    render: (_: unknown, r: ProvisionBucket) => amountText(r[key] as number | null, cur),
  });
  return (
    <div>
      <PageTitle title={t('prov.title')} extra={<ExcelButton path="/reports/provisions" query={query} />} />
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker
          value={filters.asOf ? dayjs(filters.asOf) : null}
          placeholder={t('analytics.asOf')}
          onChange={(d) => setFilters({ asOf: d ? d.endOf('month').format('YYYY-MM-DD') : undefined })}
          picker="month"
        />
        {data && (
          <Typography.Text type="secondary">
            {t('analytics.asOf')} {data.asOf}
          </Typography.Text>
        )}
      </Space>
      <ApiErrorAlert error={error} />
      {data && <MissingRates pairs={data.missingRates} />}
      <Card loading={loading} style={{ marginBottom: 16 }}>
        {data && (
          <Space size={48} wrap>
            <div data-testid="provision-booked-total">
              <Statistic title={`${t('prov.booked')} (${cur})`} value={amountText(data.booked.total, cur)} />
            </div>
            <Statistic
              title={t('prov.method', { method: t(`dashboard.provisionMethod.${data.method}`) })}
              value={amountText(data.booked.collective, cur)}
            />
            <Statistic title={t('prov.specific')} value={amountText(data.booked.specific, cur)} />
          </Space>
        )}
      </Card>
      <Card title={t('prov.aging')} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="key"
          loading={loading}
          pagination={false}
          dataSource={data?.aging.buckets ?? []}
          columns={[
            { title: t('prov.bucket'), dataIndex: 'label', render: (label: string) => bucketText(label, t) },
            money('balance', t('prov.balance')),
            { title: t('prov.rate'), dataIndex: 'rate', ...right, render: rateText },
            money('provision', t('prov.provision')),
          ]}
        />
      </Card>
      <Card
        title={t('prov.matrix')}
        style={{ marginBottom: 16 }}
        extra={
          data && (
            <Typography.Text type="secondary">
              {t('prov.matrixNote', {
                from: data.matrix.windowStart,
                factor: data.matrix.forwardLookingFactor,
                final: rateText(data.matrix.finalBucketLossRate),
              })}
            </Typography.Text>
          )
        }
      >
        <Table
          size="small"
          rowKey="key"
          loading={loading}
          pagination={false}
          scroll={{ x: true }}
          dataSource={data?.matrix.buckets ?? []}
          columns={[
            { title: t('prov.bucket'), dataIndex: 'label', render: (label: string) => bucketText(label, t) },
            money('balance', t('prov.balance')),
            money('enteredAmount', t('prov.entered')),
            money('rolledAmount', t('prov.rolled')),
            // A rate left unknown by a missing exchange rate shows "—" like an amount; so does a bucket
            // without history to roll from.
            { title: t('prov.rollRate'), dataIndex: 'rollRate', ...right, render: rateText },
            { title: t('prov.historical'), dataIndex: 'historicalLossRate', ...right, render: rateText },
            { title: t('prov.lossRate'), dataIndex: 'lossRate', ...right, render: rateText },
            money('provision', t('prov.provision')),
          ]}
        />
      </Card>
      <Card title={t('prov.specific')} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="customerId"
          loading={loading}
          pagination={false}
          dataSource={data?.specific.customers ?? []}
          columns={[
            { title: t('analytics.col.customer'), render: (_, r) => `${r.customerCode} ${r.customerName}` },
            { title: t('prov.balance'), ...right, render: (_, r) => amountText(r.balance, cur) },
            { title: t('prov.rate'), dataIndex: 'rate', ...right, render: rateText },
            { title: t('prov.provision'), ...right, render: (_, r) => amountText(r.provision, cur) },
            { title: t('prov.reason'), dataIndex: 'reason' },
          ]}
        />
      </Card>
      <Card title={t('prov.derivation')}>
        <List
          size="small"
          dataSource={data ? derivation(data, t) : []}
          renderItem={(line) => <List.Item>{line}</List.Item>}
        />
      </Card>
    </div>
  );
}
