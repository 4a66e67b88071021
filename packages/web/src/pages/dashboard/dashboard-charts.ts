/**
 * ECharts options of the leader dashboard, built from the API's figures. Pure data
 * (no ECharts import), so the page's own code stays small and testable.
 */
import type { TAttainmentTrend, TPillarAttainment } from "@dtplan/contracts/dashboard.ts";
import type { EChartsCoreOption } from "echarts/core";
import { ATTAINMENT_COLORS, LABEL_ON, LINE_STYLES } from "../../charts/palette.ts";
import type { MessageKey } from "../../i18n/translate.ts";

type T = (key: MessageKey, params?: Record<string, string | number>) => string;
type Num = (v: number | null | undefined) => string;

export const STATUS_SERIES = [
  { key: "achieved", label: "dashboard.status.achieved" },
  { key: "near", label: "dashboard.status.near" },
  { key: "notAchieved", label: "dashboard.status.notAchieved" },
  { key: "noData", label: "dashboard.status.noData" },
  { key: "qualitative", label: "dashboard.status.qualitative" },
] as const;

/** Stacked horizontal bars, one per pillar (first pillar on top), numbers on the bars. */
export function pillarBarOption(pillars: readonly TPillarAttainment[], t: T, num: Num): EChartsCoreOption {
  const rows = [...pillars].reverse();
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { top: 0, itemGap: 14 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1, axisLabel: { formatter: (v: number) => num(v) } },
    yAxis: {
      type: "category",
      data: rows.map((p) => p.label),
      axisLabel: { width: 190, overflow: "break", lineHeight: 14 },
      triggerEvent: true,
    },
    series: STATUS_SERIES.map((s) => ({
      name: t(s.label),
      type: "bar",
      stack: "total",
      barMaxWidth: 26,
      itemStyle: { color: ATTAINMENT_COLORS[s.key], borderColor: "#ffffff", borderWidth: 1 },
      emphasis: { focus: "series" },
      cursor: "pointer",
      label: {
        show: true,
        color: LABEL_ON[s.key],
        fontWeight: 600,
        formatter: (p: { value: number }) => (p.value > 0 ? num(p.value) : ""),
      },
      data: rows.map((p) => p[s.key]),
    })),
  };
}

/** One line per pillar and a bold one for the whole plan; 0–100%. */
export function trendLineOption(trend: TAttainmentTrend, t: T, num: Num): EChartsCoreOption {
  const lines = [
    { name: t("dashboard.trendOverall"), values: trend.overall, bold: true },
    ...trend.pillars.map((p) => ({ name: p.label, values: p.values, bold: false })),
  ];
  return {
    tooltip: {
      trigger: "axis",
      valueFormatter: (v: number | null) => (v === null || v === undefined ? "—" : `${num(v)}%`),
    },
    // Below the plot, wrapping: pillar names are long.
    legend: { bottom: 0, left: 0, itemGap: 12 },
    grid: { left: 8, right: 32, top: 24, bottom: 16 + 22 * Math.ceil(lines.length / 2), containLabel: true },
    xAxis: {
      type: "category",
      data: trend.periods.map((p) => p.label),
      boundaryGap: trend.periods.length < 2,
    },
    yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: (v: number) => `${num(v)}%` } },
    series: lines.map((line, i) => {
      const style = LINE_STYLES[i % LINE_STYLES.length];
      return {
        name: line.name,
        type: "line",
        connectNulls: true,
        symbol: style.symbol,
        symbolSize: line.bold ? 9 : 7,
        lineStyle: { color: style.color, type: style.type, width: line.bold ? 3 : 2 },
        itemStyle: { color: style.color },
        label: {
          show: line.bold,
          position: "top",
          fontWeight: 600,
          formatter: (p: { value: number | null }) => (p.value === null ? "" : `${num(p.value)}%`),
        },
        data: line.values,
      };
    }),
  };
}
