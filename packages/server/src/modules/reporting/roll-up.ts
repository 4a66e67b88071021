import type { TPlanAttainment, TTargetAttainment } from "@dtplan/contracts";
import { ATTAINMENT_LABELS, attainment } from "@dtplan/domain/attainment/attainment.ts";
import { type PeriodFigure, periodFigure, rollUp } from "@dtplan/domain/attainment/roll-up.ts";
import { TREND_LABELS, trend } from "@dtplan/domain/attainment/trend.ts";
import type { IndicatorAggregation } from "@dtplan/domain/indicators/catalogue.ts";
import type { Database } from "../../db/database.ts";
import type { IndicatorRow, PlanTargetRow, ReportingPeriodRow } from "../../db/schema.ts";
import { pathIn } from "../access/tree-access.ts";
import {
  groupFigures,
  type ReportedFigure,
  readTargetFigures,
  reportedFigures,
} from "../summary/target-figures.ts";
import { presentPeriodRef } from "./period-status.ts";
import type { ReportingPlan } from "./reporting.guards.ts";
import {
  type BasisTarget,
  listPeriods,
  loadBasis,
  periodNotFound,
  type ReportingBasis,
  reportingUnitsOf,
} from "./reporting.repository.ts";

const sumOf = (values: readonly ReportedFigure[], pick: (v: ReportedFigure) => number | null | undefined) => {
  const xs = values.map(pick).filter((x): x is number => typeof x === "number");
  return xs.length ? xs.reduce((a, b) => a + b, 0) : null;
};

const NO_FIGURE: PeriodFigure = { value: null, numerator: null, denominator: null, reportingUnits: 0 };

/**
 * Each target's figure per period rolled up from the reports on request (the summary
 * tables keep the same answer): the reports' figures by period and target, and the roll-up.
 */
export async function rolledUpFigures(
  db: Database,
  {
    basis,
    periods,
    approvedOnly,
  }: { basis: ReportingBasis; periods: readonly ReportingPeriodRow[]; approvedOnly: boolean },
): Promise<{
  raw: Map<string, Map<string, ReportedFigure[]>>;
  figuresOf: Map<string, Map<string, PeriodFigure>>;
}> {
  const aggregationOf = new Map(
    basis.targets.map((t) => [
      t.key,
      (t.indicatorCode ? basis.indicators.get(t.indicatorCode)?.aggregation : null) ?? null,
    ]),
  );
  const raw = groupFigures(
    await reportedFigures(
      db,
      basis.plan.tenantId,
      periods.map((p) => p.id),
      approvedOnly ? ["approved"] : undefined,
    ),
  );
  const figuresOf = new Map(
    [...raw].map(([periodId, byTarget]) => [
      periodId,
      new Map(
        [...byTarget].map(([key, list]) => [
          key,
          periodFigure(list, (aggregationOf.get(key) ?? null) as IndicatorAggregation | null),
        ]),
      ),
    ]),
  );
  return { raw, figuresOf };
}

/**
 * Tổng hợp và mức độ đạt: each target's indicator figures from the units' submitted
 * and approved reports, rolled up the org tree by the indicator's rule (a ratio is
 * Σ numerators / Σ denominators), judged against the target (đạt / gần đạt / chưa
 * đạt, near threshold from configuration) with its trend over the periods so far.
 */
export async function planAttainment(
  db: Database,
  {
    ctx,
    periodKey,
    nearThreshold,
    approvedOnly = false,
    basis: loaded,
    periods: loadedPeriods,
    stored = false,
    figures,
  }: {
    ctx: Pick<ReportingPlan, "plan">;
    periodKey?: string;
    nearThreshold: number;
    /** Count approved reports only (the public page: nothing a reviewer has not accepted). */
    approvedOnly?: boolean;
    /** The plan's basis when the caller has it already (dashboards, the province view). */
    basis?: ReportingBasis;
    /** The plan's periods when the caller has them already. */
    periods?: ReportingPeriodRow[];
    /**
     * Read the figures kept in the summary tables (the version in force only) instead of
     * rolling the reports up: the same answer without the per-unit tree (left empty).
     */
    stored?: boolean;
    /** The stored figures when the caller read them with its own data (targetFiguresPart). */
    figures?: Map<string, Map<string, PeriodFigure>>;
  },
): Promise<TPlanAttainment> {
  const periods = loadedPeriods ?? (await listPeriods(db, ctx.plan));
  const basis = loaded ?? (await loadBasis(db, ctx.plan));
  const { raw, figuresOf } =
    stored && ctx.plan.status === "published"
      ? {
          raw: new Map<string, Map<string, ReportedFigure[]>>(),
          figuresOf:
            figures ??
            (await readTargetFigures(db, {
              tenantId: ctx.plan.tenantId,
              planCode: ctx.plan.code,
              approvedOnly,
            })),
        }
      : await rolledUpFigures(db, { basis, periods, approvedOnly });
  return judgeTargets({ plan: ctx.plan, basis, periods, periodKey, raw, figuresOf, nearThreshold });
}

/** A target judged on its stored or rolled-up figures: all of TTargetAttainment but the units. */
export type JudgedTarget = Omit<TTargetAttainment, "expectedUnits" | "tree">;

/**
 * A target judged on its figure in one period (`figures`: the period's figures by target key;
 * none without an indicator to read them by): the figure shown and its attainment.
 */
export function judgeTarget(
  target: Pick<PlanTargetRow, "key" | "comparator" | "value" | "year">,
  indicator: Pick<IndicatorRow, "aggregation"> | null,
  figures: ReadonlyMap<string, PeriodFigure> | undefined,
  nearThreshold: number,
): Pick<
  TTargetAttainment,
  "value" | "numerator" | "denominator" | "reportingUnits" | "attainment" | "attainmentLabel"
> {
  const shown = (indicator ? figures?.get(target.key) : undefined) ?? NO_FIGURE;
  const ratio = indicator?.aggregation === "ratio";
  const value = indicator ? shown.value : null;
  const status = attainment(
    { comparator: target.comparator, value: target.value, year: target.year ?? 0 },
    value,
    { nearThreshold },
  );
  return {
    value,
    numerator: ratio ? shown.numerator : null,
    denominator: ratio ? shown.denominator : null,
    reportingUnits: shown.reportingUnits,
    attainment: status,
    attainmentLabel: ATTAINMENT_LABELS[status].vi,
  };
}

/** How many targets stand at each attainment. */
export function attainmentCounts(
  targets: readonly Pick<TTargetAttainment, "attainment">[],
): TPlanAttainment["counts"] {
  const n = (s: TTargetAttainment["attainment"]) => targets.filter((t) => t.attainment === s).length;
  return {
    achieved: n("achieved"),
    near: n("near"),
    notAchieved: n("not_achieved"),
    noData: n("no_data"),
    qualitative: n("qualitative"),
  };
}

/**
 * The judgement of the figures at hand (stored or rolled up on request), without the units:
 * the period shown (the one asked for, else the latest with data), each target's figure,
 * attainment and trend over the periods so far. judgeTargets adds who reports and the tree;
 * a reader that shows neither (the public page) needs no units for it.
 */
export function judgeFigures({
  plan,
  basis,
  periods,
  periodKey,
  figuresOf,
  nearThreshold,
}: {
  plan: Pick<ReportingPlan["plan"], "code" | "title">;
  basis: {
    targets: readonly BasisTarget[];
    indicators: ReadonlyMap<string, Pick<IndicatorRow, "code" | "name" | "aggregation" | "direction">>;
  };
  periods: readonly ReportingPeriodRow[];
  periodKey?: string;
  figuresOf: ReadonlyMap<string, ReadonlyMap<string, PeriodFigure>>;
  nearThreshold: number;
}): Omit<TPlanAttainment, "targets" | "period"> & {
  period: ReportingPeriodRow | null;
  targets: JudgedTarget[];
} {
  let period: ReportingPeriodRow | null = null;
  if (periodKey) {
    period = periods.find((p) => p.key === periodKey) ?? null;
    if (!period) throw periodNotFound();
  } else period = [...periods].reverse().find((p) => figuresOf.has(p.id)) ?? null;
  // Periods so far, in the order of the data they cover (a moved due date does not reorder them).
  const upTo = period?.endDate ?? "";
  const series = periods
    .filter((p) => !p.adhoc && p.endDate <= upTo)
    .sort((a, b) => a.endDate.localeCompare(b.endDate));
  const targets: JudgedTarget[] = basis.targets.map((target) => {
    const indicator = target.indicatorCode ? (basis.indicators.get(target.indicatorCode) ?? null) : null;
    const points = indicator
      ? series.map((p) => ({
          periodKey: p.key,
          label: p.label,
          at: p.endDate,
          value: (figuresOf.get(p.id)?.get(target.key) ?? NO_FIGURE).value,
        }))
      : [];
    const moving = trend(points, indicator?.direction ?? "increase");
    return {
      targetKey: target.key,
      text: target.text,
      pillar: target.pillar,
      comparator: target.comparator,
      targetValue: target.value,
      unit: target.unit,
      year: target.year,
      indicator: indicator
        ? {
            code: indicator.code,
            name: indicator.name,
            aggregation: indicator.aggregation,
            direction: indicator.direction,
          }
        : null,
      ...judgeTarget(target, indicator, period ? figuresOf.get(period.id) : undefined, nearThreshold),
      trend: moving,
      trendLabel: TREND_LABELS[moving].vi,
      series: points.map(({ at: _at, ...p }) => p),
    };
  });
  return {
    plan: { code: plan.code, title: plan.title },
    period,
    thresholds: { near: nearThreshold },
    counts: attainmentCounts(targets),
    targets,
  };
}

/**
 * The judgement of planAttainment once the figures are at hand (judgeFigures), with the
 * units assigned to report each target in the period shown and each target's tree when the
 * reports' figures (`raw`) are given.
 */
export function judgeTargets({
  plan,
  basis,
  periods,
  periodKey,
  raw,
  figuresOf,
  nearThreshold,
}: {
  plan: ReportingPlan["plan"];
  basis: ReportingBasis;
  periods: readonly ReportingPeriodRow[];
  periodKey?: string;
  raw: ReadonlyMap<string, ReadonlyMap<string, ReportedFigure[]>>;
  figuresOf: ReadonlyMap<string, ReadonlyMap<string, PeriodFigure>>;
  nearThreshold: number;
}): TPlanAttainment {
  const judged = judgeFigures({ plan, basis, periods, periodKey, figuresOf, nearThreshold });
  const { period } = judged;
  const root = plan.unitId;
  // Units assigned to report each target in the period shown (the completeness rule's own answer).
  const expected = new Map<string, number>();
  if (period)
    for (const ru of reportingUnitsOf(basis, period).values())
      for (const key of ru.targetKeys) expected.set(key, (expected.get(key) ?? 0) + 1);

  const targets: TTargetAttainment[] = judged.targets.map((t, i) => {
    const target = basis.targets[i];
    const indicator = t.indicator ? basis.indicators.get(t.indicator.code) : undefined;
    const inPeriod = indicator && period ? (raw.get(period.id)?.get(target.key) ?? []) : [];
    const ratio = indicator?.aggregation === "ratio";
    // The tree: every reporting unit and its ancestors up to the plan's unit.
    const nodes = new Map<string, ReportedFigure[]>();
    for (const f of inPeriod) {
      const path = pathIn(basis.units, f.unitId);
      const upTo = path.includes(root) ? path.slice(0, path.indexOf(root) + 1) : [f.unitId];
      for (const id of upTo) nodes.set(id, [...(nodes.get(id) ?? []), f]);
    }
    const tree = [...nodes.entries()].map(([id, list]) => {
      const unit = basis.units.get(id);
      return {
        unit: { id, name: unit?.name ?? "—" },
        parentId: id === root ? null : (unit?.parentId ?? null),
        reported: list.some((f) => f.unitId === id),
        value: indicator ? rollUp(list, indicator.aggregation) : null,
        numerator: ratio ? sumOf(list, (v) => v.numerator) : null,
        denominator: ratio ? sumOf(list, (v) => v.denominator) : null,
        units: new Set(list.map((f) => f.unitId)).size,
      };
    });
    const { series, ...rest } = t;
    return { ...rest, expectedUnits: expected.get(target.key) ?? 0, series, tree };
  });
  return {
    ...judged,
    period: period ? presentPeriodRef(period) : null,
    targets,
  };
}
