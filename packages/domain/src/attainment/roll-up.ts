import type { IndicatorAggregation } from "../indicators/catalogue.ts";

/** One unit's figure for an indicator in a period, as reported. */
export interface ReportedValue {
  unitId: string;
  numerator?: number | null;
  denominator?: number | null;
  value?: number | null;
  /** ISO date-time the figure was reported (submitted or last corrected). */
  reportedAt: string;
}

const isNumber = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

const time = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
};

/** The unit's own figure: its value, else its numerator / denominator as a percentage. */
function figureOf(v: ReportedValue): number | null {
  if (isNumber(v.value)) return v.value;
  if (isNumber(v.numerator) && isNumber(v.denominator) && v.denominator > 0) {
    return (v.numerator / v.denominator) * 100;
  }
  return null;
}

function usable(v: ReportedValue, aggregation: IndicatorAggregation): boolean {
  switch (aggregation) {
    case "ratio":
      return isNumber(v.numerator) && isNumber(v.denominator) && v.denominator >= 0;
    case "sum":
      return isNumber(v.value) || isNumber(v.numerator);
    default:
      return figureOf(v) !== null;
  }
}

/** A unit that corrected its figure counts once, with its latest figure. */
function latestPerUnit(values: readonly ReportedValue[]): ReportedValue[] {
  const byUnit = new Map<string, ReportedValue>();
  for (const v of values) {
    const current = byUnit.get(v.unitId);
    if (!current || time(v.reportedAt) >= time(current.reportedAt)) byUnit.set(v.unitId, v);
  }
  return [...byUnit.values()];
}

/**
 * Tổng hợp — combines units' figures into the locality's figure by the
 * indicator's rule. Each unit counts once, with its latest usable figure.
 * - `ratio`: Σ numerators / Σ denominators × 100. Units that sent only a
 *   percentage are left out: without counts their weight is unknown.
 * - `sum`: Σ value (or numerator when only counts were sent).
 * - `average`: mean of the units' figures.
 * - `latest`: the most recently reported figure of any unit.
 * - `boolean`: the share of units answering yes (value ≠ 0), × 100 — so a
 *   "100% of units" target reads "all", and progress shows before everyone is done.
 * Null when no unit has a usable figure (or every denominator is 0).
 */
export function rollUp(values: readonly ReportedValue[], aggregation: IndicatorAggregation): number | null {
  const figures = latestPerUnit(values.filter((v) => usable(v, aggregation)));
  if (figures.length === 0) return null;
  switch (aggregation) {
    case "ratio": {
      let numerator = 0;
      let denominator = 0;
      for (const v of figures) {
        numerator += v.numerator as number;
        denominator += v.denominator as number;
      }
      return denominator > 0 ? (numerator / denominator) * 100 : null;
    }
    case "sum":
      return figures.reduce((total, v) => total + (isNumber(v.value) ? v.value : (v.numerator as number)), 0);
    case "average":
      return figures.reduce((total, v) => total + (figureOf(v) as number), 0) / figures.length;
    case "latest": {
      const latest = figures.reduce((a, b) => (time(b.reportedAt) > time(a.reportedAt) ? b : a));
      return figureOf(latest);
    }
    case "boolean":
      return (figures.filter((v) => figureOf(v) !== 0).length / figures.length) * 100;
  }
}

/**
 * A target's figure in one period, as the summary tables keep it (plan × period × target):
 * the rolled-up value by the indicator's rule (none without an indicator), the sums of the
 * numerators and denominators sent (null when no unit sent one), and how many units sent a
 * figure. The on-request roll-up and the summary writer both take it from here.
 */
export interface PeriodFigure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reportingUnits: number;
}

function sumOf(values: readonly ReportedValue[], pick: (v: ReportedValue) => number | null | undefined) {
  const xs = values.map(pick).filter((x): x is number => typeof x === "number");
  return xs.length ? xs.reduce((a, b) => a + b, 0) : null;
}

export function periodFigure(
  values: readonly ReportedValue[],
  aggregation: IndicatorAggregation | null,
): PeriodFigure {
  return {
    value: aggregation ? rollUp(values, aggregation) : null,
    numerator: sumOf(values, (v) => v.numerator),
    denominator: sumOf(values, (v) => v.denominator),
    reportingUnits: new Set(values.map((v) => v.unitId)).size,
  };
}
