// DSO (standard, countback, best possible), ADD and CEI per month and for a period, and how each customer
// pays (amount-weighted days to pay and days late, share settled late).
import { Card, DatePicker, Descriptions, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useRequest } from '../../hooks/useRequest';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { useT } from '../../i18n';
import { todayDayjs } from '../../lib/dates';
import { CeiPeriod } from './CeiPeriod';
import { Chart } from './Chart';
import { amountText, daysText, ExcelButton, MissingRates, percentText, right } from './parts';
import { type Figures, reportsApi } from './reportsApi';

const KEYS = ['from', 'to'] as const;

export default function PerformancePage() {
  const t = useT();
  const [filters, setFilters] = useUrlFilters(KEYS);
  const query = { from: filters.from || undefined, to: filters.to || undefined };
  const { data, error, loading } = useRequest(
    () => reportsApi.performance(query),
    [filters.from, filters.to],
  );
  const cur = data?.reportCurrency ?? 'CNY';
  const money = (key: keyof Figures, title: string) => ({
    title,
    key,
    ...right,
    render: (_: unknown, r: Figures) => amountText(r[key] as number | null, cur),
  });
  const days = (key: keyof Figures, title: string) => ({
    title,
    key,
    ...right,
    render: (_: unknown, r: Figures) => daysText(t, r[key] as number | null),
  });
  return (
    <div>
      <PageTitle title={t('perf.title')} extra={<ExcelButton path="/reports/dso" query={query} />} />
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          // AR after today is not known: the API refuses a period ending later.
          disabledDate={(d) => d.isAfter(todayDayjs(), 'day')}
          value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
          onChange={(range) =>
            setFilters({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
          }
        />
      </Space>
      <ApiErrorAlert error={error} />
      {data && <MissingRates pairs={data.missingRates} />}
      <Card
        loading={loading}
        title={`${t('perf.period')} ${data?.period.from ?? ''} – ${data?.period.to ?? ''}`}
        style={{ marginBottom: 16 }}
      >
        {data && (
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('perf.dso')}>{daysText(t, data.period.dso)}</Descriptions.Item>
            <Descriptions.Item label={t('perf.countback')}>
              {daysText(t, data.period.countbackDso)}
            </Descriptions.Item>
            <Descriptions.Item label={t('perf.best')}>
              {daysText(t, data.period.bestPossibleDso)}
            </Descriptions.Item>
            <Descriptions.Item label={t('perf.add')}>
              {daysText(t, data.period.averageDaysDelinquent)}
            </Descriptions.Item>
            <Descriptions.Item label={t('perf.cei')}>
              <span data-testid="period-cei">{percentText(data.period.cei)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('figures.ceiMonthlyAverage')}>
              <span data-testid="cei-monthly-average">{percentText(data.ceiSummary.monthlyAverage)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('perf.sales')}>
              {amountText(data.period.creditSales, cur)}
            </Descriptions.Item>
            <Descriptions.Item label={t('perf.openingAr')}>
              {amountText(data.period.openingAr, cur)}
            </Descriptions.Item>
            <Descriptions.Item label={t('perf.closingAr')}>
              {amountText(data.period.closingAr, cur)}
            </Descriptions.Item>
            <Descriptions.Item label={t('perf.currentAr')}>
              {amountText(data.period.closingCurrentAr, cur)}
            </Descriptions.Item>
          </Descriptions>
        )}
        {data && <CeiPeriod period={data.period} summary={data.ceiSummary} currency={cur} />}
      </Card>
      <Card loading={loading} style={{ marginBottom: 16 }}>
        <Chart
          option={{
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 50, right: 50, top: 32, bottom: 40 },
            xAxis: { type: 'category', data: data?.months.map((m) => m.month) ?? [] },
            yAxis: [
              { type: 'value', name: t('figures.daysAxis') },
              { type: 'value', name: t('figures.ceiAxis') },
            ],
            series: [
              { name: t('perf.dso'), type: 'line', data: data?.months.map((m) => m.dso) ?? [] },
              {
                name: t('perf.countback'),
                type: 'line',
                data: data?.months.map((m) => m.countbackDso) ?? [],
              },
              { name: t('perf.best'), type: 'line', data: data?.months.map((m) => m.bestPossibleDso) ?? [] },
              { name: t('perf.cei'), type: 'bar', yAxisIndex: 1, data: data?.months.map((m) => m.cei) ?? [] },
            ],
          }}
        />
      </Card>
      <Table
        size="small"
        rowKey="month"
        loading={loading}
        pagination={false}
        scroll={{ x: true }}
        dataSource={data?.months ?? []}
        columns={[
          { title: t('perf.month'), dataIndex: 'month' },
          money('openingAr', t('perf.openingAr')),
          money('creditSales', t('perf.sales')),
          money('closingAr', t('perf.closingAr')),
          money('closingCurrentAr', t('perf.currentAr')),
          days('dso', t('perf.dso')),
          days('countbackDso', t('perf.countback')),
          days('bestPossibleDso', t('perf.best')),
          days('averageDaysDelinquent', t('perf.add')),
          {
            title: t('perf.cei'),
            key: 'cei',
            ...right,
            render: (_: unknown, r: Figures) => percentText(r.cei),
          },
        ]}
      />
      <Card title={t('perf.customers')} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="customerId"
          loading={loading}
          dataSource={data?.customers ?? []}
          columns={[
            { title: t('analytics.col.customer'), render: (_, r) => `${r.customerCode} ${r.customerName}` },
            { title: t('perf.paid'), ...right, render: (_, r) => amountText(r.paidAmount, cur) },
            { title: t('perf.daysToPay'), ...right, render: (_, r) => daysText(t, r.avgDaysToPay) },
            { title: t('perf.daysLate'), ...right, render: (_, r) => daysText(t, r.avgDaysLate) },
            { title: t('perf.settled'), dataIndex: 'settledCount', ...right },
            { title: t('perf.paidLate'), ...right, render: (_, r) => percentText(r.paidLateShare) },
          ]}
        />
      </Card>
    </div>
  );
}
