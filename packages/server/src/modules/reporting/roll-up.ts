import type { TPlanAttainment, TTargetAttainment } from "@dtplan/contracts";
import { ATTAINMENT_LABELS, attainment } from "@dtplan/domain/attainment/attainment.ts";
import { type ReportedValue, rollUp } from "@dtplan/domain/attainment/roll-up.ts";
import { TREND_LABELS, trend } from "@dtplan/domain/attainment/trend.ts";
import { reportingUnits } from "@dtplan/domain/reporting/who-reports.ts";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type ReportingPeriodRow, unitReports, unitReportValues } from "../../db/schema.ts";
import { pathIn } from "../access/tree-access.ts";
import { presentPeriodRef } from "./period-status.ts";
import type { ReportingPlan } from "./reporting.guards.ts";
import { findPeriod, listPeriods, loadBasis, type ReportingBasis } from "./reporting.repository.ts";

interface Figure extends ReportedValue {
  periodId: string;
  targetKey: string;
}

/** Figures of submitted and approved reports (a draft or returned report does not count). */
async function reportedFigures(
  db: Database,
  ctx: Pick<ReportingPlan, "plan">,
  periodIds: string[],
  statuses: ("submitted" | "approved")[] = ["submitted", "approved"],
): Promise<Figure[]> {
  if (periodIds.length === 0) return [];
  const rows = await db
    .select({ report: unitReports, value: unitReportValues })
    .from(unitReportValues)
    .innerJoin(
      unitReports,
      and(eq(unitReports.tenantId, unitReportValues.tenantId), eq(unitReports.id, unitReportValues.reportId)),
    )
    .where(
      and(
        eq(unitReports.tenantId, ctx.plan.tenantId),
        inArray(unitReports.periodId, periodIds),
        inArray(unitReports.status, statuses),
      ),
    );
  return rows.map(({ report, value }) => ({
    periodId: report.periodId,
    targetKey: value.targetKey,
    unitId: report.unitId,
    numerator: value.numerator,
    denominator: value.denominator,
    value: value.value,
    reportedAt: (report.submittedAt ?? report.updatedAt).toISOString(),
  }));
}

const sumOf = (values: readonly Figure[], pick: (v: Figure) => number | null | undefined) => {
  const xs = values.map(pick).filter((x): x is number => typeof x === "number");
  return xs.length ? xs.reduce((a, b) => a + b, 0) : null;
};

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
  }: {
    ctx: Pick<ReportingPlan, "plan">;
    periodKey?: string;
    nearThreshold: number;
    /** Count approved reports only (the public page: nothing a reviewer has not accepted). */
    approvedOnly?: boolean;
    /** The plan's basis when the caller has it already (dashboards, the province view). */
    basis?: ReportingBasis;
  },
): Promise<TPlanAttainment> {
  const periods = await listPeriods(db, ctx.plan);
  const basis = loaded ?? (await loadBasis(db, ctx.plan));
  const figures = await reportedFigures(
    db,
    ctx,
    periods.map((p) => p.id),
    approvedOnly ? ["approved"] : undefined,
  );
  let period: ReportingPeriodRow | null = null;
  if (periodKey) period = await findPeriod(db, ctx.plan, periodKey);
  else {
    const withData = new Set(figures.map((f) => f.periodId));
    period = [...periods].reverse().find((p) => withData.has(p.id)) ?? null;
  }
  // Periods so far, in the order of the data they cover (a moved due date does not reorder them).
  const upTo = period?.endDate ?? "";
  const series = periods
    .filter((p) => !p.adhoc && p.endDate <= upTo)
    .sort((a, b) => a.endDate.localeCompare(b.endDate));
  const root = ctx.plan.unitId;
  // Units assigned to report each target in the period shown (the completeness rule's own answer).
  const expected = new Map<string, number>();
  if (period)
    for (const ru of reportingUnits(basis, period).values())
      for (const key of ru.targetKeys) expected.set(key, (expected.get(key) ?? 0) + 1);

  const targets: TTargetAttainment[] = basis.targets.map((target) => {
    const indicator = target.indicatorCode ? (basis.indicators.get(target.indicatorCode) ?? null) : null;
    const mine = indicator && period ? figures.filter((f) => f.targetKey === target.key) : [];
    const inPeriod = mine.filter((f) => f.periodId === period?.id);
    const value = indicator ? rollUp(inPeriod, indicator.aggregation) : null;
    const ratio = indicator?.aggregation === "ratio";
    // The tree: every reporting unit and its ancestors up to the plan's unit.
    const nodes = new Map<string, Figure[]>();
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
    const points = indicator
      ? series.map((p) => ({
          periodKey: p.key,
          label: p.label,
          at: p.endDate,
          value: rollUp(
            mine.filter((f) => f.periodId === p.id),
            indicator.aggregation,
          ),
        }))
      : [];
    const status = attainment(
      { comparator: target.comparator, value: target.value, year: target.year ?? 0 },
      indicator ? value : null,
      { nearThreshold },
    );
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
      value,
      numerator: ratio ? sumOf(inPeriod, (v) => v.numerator) : null,
      denominator: ratio ? sumOf(inPeriod, (v) => v.denominator) : null,
      reportingUnits: new Set(inPeriod.map((f) => f.unitId)).size,
      expectedUnits: expected.get(target.key) ?? 0,
      attainment: status,
      attainmentLabel: ATTAINMENT_LABELS[status].vi,
      trend: moving,
      trendLabel: TREND_LABELS[moving].vi,
      series: points.map(({ at: _at, ...p }) => p),
      tree,
    };
  });
  const n = (s: TTargetAttainment["attainment"]) => targets.filter((t) => t.attainment === s).length;
  return {
    plan: { code: ctx.plan.code, title: ctx.plan.title },
    period: period ? presentPeriodRef(period) : null,
    thresholds: { near: nearThreshold },
    counts: {
      achieved: n("achieved"),
      near: n("near"),
      notAchieved: n("not_achieved"),
      noData: n("no_data"),
      qualitative: n("qualitative"),
    },
    targets,
  };
}
