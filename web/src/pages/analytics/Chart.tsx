// ECharts for the analytics pages, with only the chart types and components they use registered, so the
// library's other parts stay out of the bundle; this module is loaded only by the analytics pages.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { CSSProperties } from 'react';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface ChartClick {
  dataIndex: number;
  seriesIndex: number;
  name: string;
}

export function Chart({
  option,
  onClick,
  style,
  testId,
}: {
  option: Record<string, unknown>;
  onClick?: (event: ChartClick) => void;
  style?: CSSProperties;
  testId?: string;
}) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={{ animation: false, ...option }}
        notMerge
        style={{ height: 280, ...style }}
        onEvents={onClick ? { click: (e: ChartClick) => onClick(e) } : undefined}
      />
    </div>
  );
}

/** Minor units → major units for chart axes (display only; tables show exact text). */
export const major = (minor: number | null, minorUnits = 2) =>
  minor === null ? null : minor / 10 ** minorUnits;
