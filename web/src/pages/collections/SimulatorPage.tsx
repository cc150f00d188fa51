// 策略模拟: compare strategies on a copy of the data before switching — collected amount, DSO, overdue at the
// end, messages and tasks per strategy, with the daily curves. Simulations run in the background.
import {
  Alert,
  Button,
  Card,
  Flex,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Spin,
  Table,
  Typography,
} from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { useRequest } from '../../hooks/useRequest';
import { useT } from '../../i18n';
import { minorUnitsOf } from '../../lib/money';
import { daysText, MissingRates } from '../analytics/parts';
import { collectionsApi, type Simulation, type StrategyOutcome } from './collectionsApi';

// The daily curves: ECharts is fetched only when a result is shown.
const Lines = lazy(() => import('./LineChart'));

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Flex align="center" gap={6}>
      <Typography.Text>{label}</Typography.Text>
      {children}
    </Flex>
  );
}

export default function SimulatorPage() {
  const t = useT();
  const strategies = useRequest(() => collectionsApi.strategies(), []);
  const past = useRequest(() => collectionsApi.simulations(), []);
  const [from, setFrom] = useState(new Date().toISOString().slice(0, 10));
  const [days, setDays] = useState(60);
  const [chosen, setChosen] = useState<string[]>(['none', 'standard']);
  const [sim, setSim] = useState<Simulation>();
  const [error, setError] = useState<unknown>();

  // Poll a queued or running simulation until it is done.
  const reloadPast = past.reload;
  useEffect(() => {
    if (sim?.status === 'done' || sim?.status === 'failed') reloadPast();
    if (!sim || sim.status === 'done' || sim.status === 'failed') return;
    const timer = setTimeout(() => collectionsApi.simulation(sim.id).then(setSim, setError), 2000);
    return () => clearTimeout(timer);
  }, [sim, reloadPast]);

  const start = async () => {
    setError(undefined);
    try {
      setSim(await collectionsApi.simulate({ from, days, strategies: chosen }));
    } catch (failure) {
      setError(failure);
    }
  };
  const names = [...new Set((strategies.data?.items ?? []).map((s) => s.name))];

  return (
    <>
      <PageTitle title={t('nav.collections.simulator')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <Field label={t('col.simFrom')}>
            <Input
              type="date"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              style={{ width: 150 }}
            />
          </Field>
          <Field label={t('col.simDays')}>
            <InputNumber min={1} max={366} value={days} onChange={(v) => setDays(Number(v) || 60)} />
          </Field>
          <Select
            mode="multiple"
            style={{ minWidth: 320 }}
            value={chosen}
            onChange={setChosen}
            placeholder={t('col.simStrategies')}
            data-testid="sim-strategies"
            options={[
              { value: 'none', label: t('col.simNone') },
              ...names.map((n) => ({ value: n, label: n })),
            ]}
          />
          <Button
            type="primary"
            onClick={start}
            disabled={chosen.length === 0}
            data-testid="start-simulation"
          >
            {t('col.simulate')}
          </Button>
        </Flex>
      </Card>
      <ApiErrorAlert error={error} />
      {sim && (sim.status === 'queued' || sim.status === 'running') && (
        <Space>
          <Spin /> {t('col.simRunning')}
        </Space>
      )}
      {sim?.status === 'failed' && (
        <Alert type="error" title={t('col.simFailed', { error: sim.error ?? '' })} />
      )}
      {sim?.status === 'done' && sim.result && <Comparison simulation={sim} />}
      <Card size="small" title={t('col.simHistory')} style={{ marginTop: 16 }}>
        <List
          size="small"
          dataSource={past.data?.items ?? []}
          renderItem={(s) => (
            <List.Item>
              <Typography.Link onClick={() => collectionsApi.simulation(s.id).then(setSim, setError)}>
                #{s.id} {s.params.from} +{s.params.days} d: {s.params.strategies.join(' / ')}
              </Typography.Link>
              <Typography.Text type="secondary">{s.status}</Typography.Text>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}

function Comparison({ simulation }: { simulation: Simulation }) {
  const t = useT();
  const result = simulation.result!;
  const label = (s: StrategyOutcome) =>
    s.name === 'none' ? t('col.simNone') : `${s.label} (${s.name} v${s.version})`;
  const dates = result.strategies[0]?.daily.map((d) => d.date) ?? [];
  // Results stored before the report currency was recorded were in CNY.
  const currency = result.reportCurrency ?? 'CNY';
  const amount = (minor: number | null, strong = false) =>
    minor === null ? '—' : <Money amount={minor} currency={currency} strong={strong} />;
  return (
    <Card size="small" data-testid="sim-result">
      <Typography.Paragraph type="secondary">
        {t('col.simScope', {
          from: result.from,
          to: result.to,
          customers: result.customers,
          invoices: result.invoices,
          sampled: result.sampled ? t('col.simSampled') : '',
        })}
      </Typography.Paragraph>
      <MissingRates pairs={result.missingRates ?? []} />
      <Table<StrategyOutcome>
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={result.strategies}
        data-testid="sim-table"
        columns={[
          { title: t('col.strategy'), render: (_, s) => label(s) },
          {
            title: t('col.simCollected'),
            align: 'right',
            render: (_, s) => amount(s.collected, true),
          },
          {
            title: t('col.simOverdueEnd'),
            align: 'right',
            render: (_, s) => amount(s.overdueEnd),
          },
          {
            title: t('col.simOpenEnd'),
            align: 'right',
            render: (_, s) => amount(s.openEnd),
          },
          { title: t('col.simDso'), align: 'right', render: (_, s) => daysText(t, s.dso) },
          {
            title: t('col.simMessages'),
            align: 'right',
            render: (_, s) =>
              `${s.messages.total} (${s.messages.email}/${s.messages.sms}/${s.messages.letter})`,
          },
          { title: t('col.simTasks'), align: 'right', render: (_, s) => s.tasks.total },
          {
            title: t('col.simPromises'),
            align: 'right',
            render: (_, s) => `${s.promises.kept}/${s.promises.broken}`,
          },
        ]}
      />
      <Suspense fallback={<Spin />}>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('col.simChartCollected')}
        </Typography.Title>
        <Lines
          testId="sim-chart-collected"
          dates={dates}
          minorUnits={minorUnitsOf(currency)}
          series={result.strategies.map((s) => ({ name: label(s), values: s.daily.map((d) => d.collected) }))}
        />
        <Typography.Title level={5}>{t('col.simChartOverdue')}</Typography.Title>
        <Lines
          dates={dates}
          minorUnits={minorUnitsOf(currency)}
          series={result.strategies.map((s) => ({ name: label(s), values: s.daily.map((d) => d.overdue) }))}
        />
      </Suspense>
    </Card>
  );
}
