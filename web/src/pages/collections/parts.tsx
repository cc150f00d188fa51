// Small shared pieces of the collections screens: stage and status tags, totals, a line chart.
import { Tag } from 'antd';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { MoneyList } from '../../components/Money';
import { useT } from '../../i18n';
import type { CaseTotals } from './collectionsApi';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const STAGE_COLOR: Record<string, string> = { reminder: 'blue', early: 'orange', strong: 'red' };
const STATUS_COLOR: Record<string, string> = {
  active: 'processing',
  paused: 'default',
  promise: 'cyan',
  plan: 'geekblue',
  dispute: 'purple',
  legal: 'magenta',
  agency: 'volcano',
  closed: 'success',
};

export function StageTag({ stage }: { stage: string }) {
  const t = useT();
  return <Tag color={STAGE_COLOR[stage]}>{t(`col.stage.${stage}`)}</Tag>;
}

export function StatusTag({ status }: { status: string }) {
  const t = useT();
  return <Tag color={STATUS_COLOR[status]}>{t(`col.status.${status}`)}</Tag>;
}

export function Totals({ totals, field }: { totals: CaseTotals[]; field: 'open' | 'overdue' }) {
  return (
    <MoneyList
      items={totals.map((x) => ({ currency: x.currency, amount: x[field] }))}
      type={field === 'overdue' ? 'danger' : undefined}
    />
  );
}

/** A line chart of several series over dates; amounts in minor units are shown in major units. */
export function Lines({
  dates,
  series,
  testId,
}: {
  dates: string[];
  series: Array<{ name: string; values: number[] }>;
  testId?: string;
}) {
  const option = {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 80, right: 24, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: dates },
    yAxis: { type: 'value' },
    series: series.map((s) => ({
      name: s.name,
      type: 'line',
      showSymbol: false,
      data: s.values.map((v) => Math.round(v / 100)),
    })),
  };
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 300 }} />
    </div>
  );
}
