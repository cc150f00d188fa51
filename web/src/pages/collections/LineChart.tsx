// A line chart of several series over dates for the collections screens. ECharts is large: this module is
// only loaded lazily (React.lazy) by the screens that draw a chart, so the case list and case pages never
// fetch it.
import { LineChart as ELineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([ELineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface LinesProps {
  dates: string[];
  /** Amounts in minor units; null (no exchange rate) leaves a gap. */
  series: Array<{ name: string; values: Array<number | null> }>;
  /** The currency's minor units (2 for CNY, 0 for JPY). */
  minorUnits?: number;
  testId?: string;
}

/** Amounts in minor units are shown in major units. */
export default function Lines({ dates, series, minorUnits = 2, testId }: LinesProps) {
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
      data: s.values.map((v) => (v === null ? null : Math.round(v / 10 ** minorUnits))),
    })),
  };
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 300 }} />
    </div>
  );
}
