import { Skeleton } from "antd";
import type { EChartsCoreOption } from "echarts/core";
import { lazy, Suspense } from "react";

export interface ChartClick {
  componentType: string;
  seriesName?: string;
  seriesIndex?: number;
  name: string;
  dataIndex: number;
  value: unknown;
}

export interface ChartProps {
  option: EChartsCoreOption;
  height: number;
  /** A sentence saying what the chart shows (read out instead of the drawing). */
  ariaLabel: string;
  onClick?: (params: ChartClick) => void;
  testId?: string;
}

const Chart = lazy(() => import("./chart.tsx"));

/** A chart whose ECharts code downloads only when a chart is first shown. */
export function LazyChart(props: ChartProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: "100%", height: props.height }} />}>
      <Chart {...props} />
    </Suspense>
  );
}
