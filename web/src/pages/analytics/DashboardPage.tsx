// The receivables dashboard: how much is overdue, by whom, how old, and how it is trending. Every chart
// drills down to the aging report (and from there to invoices); every table exports to Excel.
import { Card, Col, Row, Segmented, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useRequest } from '../../hooks/useRequest';
import { useT } from '../../i18n';
import { minorUnitsOf } from '../../lib/money';
import { Chart, major } from './Chart';
import { amountText, bucketText, daysText, ExcelButton, MissingRates, percentText, right } from './parts';
import { reportsApi } from './reportsApi';

export default function DashboardPage() {
  const t = useT();
  const navigate = useNavigate();
  const { data, error, loading } = useRequest(() => reportsApi.dashboard(), []);
  const [trendKind, setTrendKind] = useState<'dso' | 'cei'>('dso');
  if (error) return <ApiErrorAlert error={error} />;
  const d = data;
  const cur = d?.reportCurrency ?? 'CNY';
  const mu = minorUnitsOf(cur);
  const last = d?.trend[d.trend.length - 1];
  const share = d?.totals.ar ? Math.round(((d.totals.overdue ?? 0) / d.totals.ar) * 1000) / 10 : 0;
  const months = d?.trend.map((p) => p.month) ?? [];
  const agingOf = (query: Record<string, string>) =>
    navigate(`/analytics/aging?${new URLSearchParams(query)}`);
  return (
    <div>
      <PageTitle
        title={t('dashboard.title')}
        extra={<ExcelButton path="/reports/dashboard" query={{}} testId="dashboard-export" />}
      />
      {d && <MissingRates pairs={d.missingRates} />}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card loading={loading}>
            <div data-testid="total-ar">
              <Statistic title={`${t('dashboard.totalAr')} (${cur})`} value={amountText(d?.totals.ar, cur)} />
            </div>
            {d?.totals.count != null && (
              <Typography.Text type="secondary">
                {t('dashboard.invoiceCount', { count: d.totals.count, overdue: d.totals.overdueCount ?? 0 })}
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card loading={loading}>
            <div data-testid="total-overdue">
              <Statistic
                title={`${t('dashboard.overdue')} (${cur})`}
                value={amountText(d?.totals.overdue, cur)}
                valueStyle={{ color: '#cf1322' }}
              />
            </div>
            <Typography.Text type="secondary">{t('dashboard.overdueShare', { share })}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card loading={loading}>
            <div data-testid="dashboard-dso">
              <Statistic title={t('dashboard.dso')} value={daysText(t, last?.dso)} />
            </div>
            <Typography.Text type="secondary">
              {t('perf.best')}: {daysText(t, last?.bestPossibleDso)} · {t('perf.add')}{' '}
              {daysText(t, last?.averageDaysDelinquent)}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card loading={loading}>
            <Statistic title={t('dashboard.cei')} value={percentText(last?.cei)} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.aging')} loading={loading}>
            <Chart
              testId="aging-chart"
              option={{
                tooltip: {},
                grid: { left: 70, right: 16, top: 16, bottom: 40 },
                xAxis: {
                  type: 'category',
                  data: d?.aging.map((b) => (b.index === 0 ? t('dashboard.current') : b.label)) ?? [],
                },
                yAxis: { type: 'value' },
                series: [
                  {
                    type: 'bar',
                    data: d?.aging.map((b) => major(b.amount, mu)) ?? [],
                    itemStyle: { color: '#1677ff' },
                  },
                ],
              }}
              onClick={(e) => agingOf({ by: 'customer', bucket: String(e.dataIndex) })}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t('dashboard.trend')}
            loading={loading}
            extra={
              <Segmented
                size="small"
                value={trendKind}
                onChange={(v) => setTrendKind(v as 'dso' | 'cei')}
                options={[
                  { label: 'DSO', value: 'dso' },
                  { label: 'CEI', value: 'cei' },
                ]}
              />
            }
          >
            <Chart
              option={{
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 50, right: 16, top: 32, bottom: 40 },
                xAxis: { type: 'category', data: months },
                yAxis: {
                  type: 'value',
                  name: trendKind === 'dso' ? t('figures.daysAxis') : t('figures.ceiAxis'),
                },
                series:
                  trendKind === 'dso'
                    ? [
                        { name: t('perf.dso'), type: 'line', data: d?.trend.map((p) => p.dso) ?? [] },
                        {
                          name: t('perf.best'),
                          type: 'line',
                          data: d?.trend.map((p) => p.bestPossibleDso) ?? [],
                        },
                        {
                          name: t('perf.countback'),
                          type: 'line',
                          data: d?.trend.map((p) => p.countbackDso) ?? [],
                        },
                      ]
                    : [{ name: t('perf.cei'), type: 'line', data: d?.trend.map((p) => p.cei) ?? [] }],
              }}
              onClick={(e) => navigate(`/analytics/performance?from=${months[e.dataIndex]}-01`)}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.movement')} loading={loading}>
            <Chart
              option={{
                tooltip: { trigger: 'axis' },
                legend: { type: 'scroll', top: 0 },
                grid: { left: 70, right: 16, top: 32, bottom: 40 },
                xAxis: { type: 'category', data: months },
                yAxis: { type: 'value' },
                series: (d?.buckets.slice(1) ?? []).map((b, k) => ({
                  name: bucketText(b.label, t),
                  type: 'bar',
                  stack: 'overdue',
                  data: d?.trend.map((p) => major(p.overdueByBucket[k], mu)) ?? [],
                })),
              }}
              onClick={(e) =>
                d &&
                agingOf({ asOf: d.trend[e.dataIndex].to, by: 'customer', bucket: String(e.seriesIndex + 1) })
              }
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={
              d
                ? `${t('dashboard.provision')} — ${t(`dashboard.provisionMethod.${d.provision.method}`)}, ${t('figures.provisionAsOf', { date: d.provision.asOf })}`
                : t('dashboard.provision')
            }
            loading={loading}
            extra={
              d && (
                <Typography.Text strong data-testid="dashboard-provision-total">
                  {amountText(d.provision.total, cur)}
                </Typography.Text>
              )
            }
          >
            <Chart
              option={{
                tooltip: {},
                grid: { left: 70, right: 16, top: 16, bottom: 40 },
                xAxis: {
                  type: 'category',
                  data: d?.provision.buckets.map((b) => bucketText(b.label, t)) ?? [],
                },
                yAxis: { type: 'value' },
                series: [
                  {
                    type: 'bar',
                    data: d?.provision.buckets.map((b) => major(b.provision, mu)) ?? [],
                    itemStyle: { color: '#fa8c16' },
                  },
                ],
              }}
              onClick={() => d && navigate(`/analytics/provisions?asOf=${d.provision.asOf}`)}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            title={t('dashboard.topOverdue')}
            loading={loading}
            extra={<ExcelButton path="/reports/dashboard" query={{}} />}
          >
            <Table
              size="small"
              rowKey="customerId"
              pagination={false}
              dataSource={d?.topOverdue ?? []}
              onRow={(row) => ({
                onClick: () => agingOf({ by: 'customer', key: String(row.customerId), drill: '1' }),
                style: { cursor: 'pointer' },
              })}
              columns={[
                {
                  title: t('analytics.col.customer'),
                  // The customer's own page; the rest of the row opens its aging.
                  render: (_, r) => (
                    <Link
                      to={`/customers/${r.customerId}`}
                      onClick={(event) => event.stopPropagation()}
                      data-testid="top-customer-link"
                    >
                      {r.customerCode} {r.customerName}
                    </Link>
                  ),
                },
                {
                  title: `${t('dashboard.overdue')} (${cur})`,
                  ...right,
                  render: (_, r) => amountText(r.overdue, cur),
                },
                {
                  title: `${t('dashboard.totalAr')} (${cur})`,
                  ...right,
                  render: (_, r) => amountText(r.ar, cur),
                },
                { title: t('dashboard.oldestDays'), dataIndex: 'oldestDaysPastDue', ...right },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
