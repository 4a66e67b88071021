import type { IndicatorDirection } from "../indicators/catalogue.ts";

export interface SeriesPoint {
  /** ISO date (or period start) the figure belongs to; orders the series. */
  at: string;
  value: number | null;
}

export type Movement = "rising" | "falling" | "flat";

/**
 * Xu hướng — whether an indicator is getting better (`up`) or worse (`down`)
 * in its own sense: a falling count of security incidents trends `up`.
 */
export const TRENDS = ["up", "down", "flat"] as const;
export type Trend = (typeof TRENDS)[number];

export const TREND_LABELS = {
  up: { vi: "Cải thiện", en: "Improving" },
  down: { vi: "Đi xuống", en: "Worsening" },
  flat: { vi: "Không đổi", en: "Steady" },
} as const satisfies Record<Trend, { vi: string; en: string }>;

export interface TrendOptions {
  /**
   * Change over the whole series, relative to its mean, below which it is flat
   * (default 0.02: 80% → 81.5% is flat, 80% → 82% is not).
   */
  tolerance?: number;
}

/**
 * Which way the figures move: the least-squares slope over the points in date
 * order (evenly spaced, as reporting periods are), so one odd period does not
 * flip the arrow. Fewer than two figures is flat.
 */
export function movement(series: readonly SeriesPoint[], options: TrendOptions = {}): Movement {
  const { tolerance = 0.02 } = options;
  const values = series
    .filter((p): p is SeriesPoint & { value: number } => p.value !== null && Number.isFinite(p.value))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map((p) => p.value);
  const n = values.length;
  if (n < 2) return "flat";
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((s, v) => s + v, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (i - meanX) * (values[i] - meanY);
    den += (i - meanX) ** 2;
  }
  const change = (num / den) * (n - 1);
  const scale = Math.abs(meanY) > 0 ? Math.abs(meanY) : 1;
  if (Math.abs(change) <= tolerance * scale) return "flat";
  return change > 0 ? "rising" : "falling";
}

/** Better, worse or steady, given whether the indicator should rise or fall. */
export function trend(
  series: readonly SeriesPoint[],
  direction: IndicatorDirection = "increase",
  options: TrendOptions = {},
): Trend {
  const moved = movement(series, options);
  if (moved === "flat") return "flat";
  return (moved === "rising") === (direction === "increase") ? "up" : "down";
}
