/**
 * ECharts options of the DTI results, built from the ranking's figures. Pure data (no
 * ECharts import). Greyscale-safe: one dark bar colour with the figure written on each
 * bar; on the radar the unit is a dark solid line with filled area and the comparison a
 * grey dashed line with other symbols.
 */
import type { TDtiRanking, TDtiRankingRow } from "@dtplan/contracts/dti.ts";
import type { EChartsCoreOption } from "echarts/core";

type Fmt = (v: number) => string;
type Columns = TDtiRanking["indices"];

/** Horizontal bars of the overall index (0–1), best on top; a provisional unit's bar is lighter. */
export function rankingBarOption(
  rows: readonly TDtiRankingRow[],
  fmt: Fmt,
  seriesName: string,
  compact = false,
): EChartsCoreOption {
  const ordered = [...rows].sort((a, b) => a.rank - b.rank).reverse();
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (v: number) => fmt(v) },
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    xAxis: {
      type: "value",
      min: 0,
      max: 1,
      axisLabel: { formatter: (v: number) => fmt(v), hideOverlap: true },
    },
    yAxis: {
      type: "category",
      data: ordered.map((r) => `${r.rank}. ${r.unit.name}`),
      axisLabel: { width: compact ? 110 : 170, overflow: "truncate" },
      triggerEvent: true,
    },
    series: [
      {
        name: seriesName,
        type: "bar",
        barMaxWidth: 22,
        cursor: "pointer",
        label: {
          show: true,
          position: "right",
          fontWeight: 600,
          formatter: (p: { value: number }) => fmt(p.value),
        },
        data: ordered.map((r) => ({
          value: r.normalised,
          itemStyle: { color: r.provisional ? "#7a9cc6" : "#0b3d91" },
        })),
      },
    ],
  };
}

/** Short names on the radar's axes: the code and the name cut to fit; on a phone the code alone. */
function axisName(c: Columns[number], compact: boolean): string {
  if (compact) return c.code;
  return c.name.length > 22 ? `${c.code}. ${c.name.slice(0, 20)}…` : `${c.code}. ${c.name}`;
}

/**
 * One unit's main indices (normalised 0–1) on a radar, against the average of every
 * unit of the round (or its previous year's, when `compare` is given).
 */
export function unitRadarOption(
  columns: Columns,
  row: TDtiRankingRow,
  compare: { name: string; values: number[] } | null,
  fmt: Fmt,
  compact = false,
): EChartsCoreOption {
  const values = columns.map((c) => row.indices.find((i) => i.code === c.code)?.normalised ?? 0);
  return {
    tooltip: { trigger: "item", valueFormatter: (v: number) => fmt(v) },
    legend: { bottom: 0, left: "center" },
    radar: {
      center: ["50%", "48%"],
      radius: "56%",
      indicator: columns.map((c) => ({ name: axisName(c, compact), max: 1, min: 0 })),
      axisName: { color: "#1f1f1f", fontSize: 11, width: 96, overflow: "truncate" },
      splitArea: { areaStyle: { color: ["#ffffff", "#f4f6f9"] } },
    },
    series: [
      {
        type: "radar",
        data: [
          {
            name: row.unit.name,
            value: values,
            symbol: "circle",
            symbolSize: 7,
            lineStyle: { color: "#0b3d91", width: 3, type: "solid" },
            itemStyle: { color: "#0b3d91" },
            areaStyle: { color: "rgba(11, 61, 145, 0.18)" },
          },
          ...(compare
            ? [
                {
                  name: compare.name,
                  value: compare.values,
                  symbol: "rect",
                  symbolSize: 6,
                  lineStyle: { color: "#8a8a8a", width: 2, type: "dashed" as const },
                  itemStyle: { color: "#8a8a8a" },
                },
              ]
            : []),
        ],
      },
    ],
  };
}

/** Each main index's average over the round's units. */
export function averageOf(columns: Columns, rows: readonly TDtiRankingRow[]): number[] {
  return columns.map((c) => {
    const v = rows.map((r) => r.indices.find((i) => i.code === c.code)?.normalised ?? 0);
    return v.length === 0 ? 0 : v.reduce((s, x) => s + x, 0) / v.length;
  });
}
