import type {
  TAttainmentTrend,
  TOverdueTask,
  TPillarAttainment,
  TPlanDashboard,
  TRiskReason,
  TTargetAttainment,
  TUnitRanking,
} from "@dtplan/contracts";
import { attainment, type TargetComparator } from "@dtplan/domain/attainment/attainment.ts";
import { PROVISIONAL_LABELS, provisionalReason } from "@dtplan/domain/attainment/provisional.ts";
import { PILLAR_KEYS, PILLARS } from "@dtplan/domain/indicators/pillars.ts";
import { compareVi } from "@dtplan/domain/text/collate.ts";
import { daysBetween } from "@dtplan/domain/time/vietnam.ts";
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { readTogether } from "../../db/json-rows.ts";
import type { PlanHead } from "../../db/schema.ts";
import { todayIso } from "../../db/sql.ts";
import { presentPeriodRef } from "../reporting/period-status.ts";
import { type PlanRef, planRef, type ReportingPlan } from "../reporting/reporting.guards.ts";
import { planHeading } from "../reporting/reporting.presenter.ts";
import { basisFrom, basisParts, periodsFromJson, periodsPart } from "../reporting/reporting.repository.ts";
import { planAttainment } from "../reporting/roll-up.ts";
import { readTimeliness, timelinessFromJson, timelinessPart } from "../summary/reporting-status.ts";
import { figuresFromJson, targetFiguresPart } from "../summary/target-figures.ts";
import {
  addTimeliness,
  averageProgress,
  countAttainment,
  emptyTimeliness,
  percent,
  presentDashboardTarget,
  presentTimeliness,
  taskFigures,
  taskTotals,
} from "./plan-figures.ts";

const pillarLabel = (pillar: string) => (PILLARS as Record<string, { vi: string }>)[pillar]?.vi ?? pillar;
const pillarOrder = (pillar: string) => {
  const i = (PILLAR_KEYS as readonly string[]).indexOf(pillar);
  return i < 0 ? PILLAR_KEYS.length : i;
};

function byPillar(targets: readonly TTargetAttainment[]): TPillarAttainment[] {
  const pillars = [...new Set(targets.map((t) => t.pillar))].sort((a, b) => pillarOrder(a) - pillarOrder(b));
  return pillars.map((pillar) => ({
    pillar,
    label: pillarLabel(pillar),
    ...countAttainment(targets.filter((t) => t.pillar === pillar)),
  }));
}

/** Chưa đạt, gần đạt, or a measured figure going the wrong way. */
function riskReasons(t: TTargetAttainment): TRiskReason[] {
  const reasons: TRiskReason[] = [];
  if (t.attainment === "not_achieved") reasons.push("not_achieved");
  if (t.attainment === "near") reasons.push("near");
  if (t.trend === "down" && t.indicator) reasons.push("worsening");
  return reasons;
}

/**
 * Share of the measured targets achieved in each period of the series: each target's
 * rolled-up figure in that period (planAttainment's series) judged by the same rule
 * as the period shown.
 */
function attainmentTrend(targets: readonly TTargetAttainment[], nearThreshold: number): TAttainmentTrend {
  const measured = targets.filter((t) => t.indicator && t.series.length > 0);
  const periods = (measured[0]?.series ?? []).map((s) => ({ key: s.periodKey, label: s.label }));
  const shareOf = (list: readonly TTargetAttainment[]) =>
    periods.map((_, i) => {
      const judged = list
        .map((t) => t.series[i]?.value ?? null)
        .map((value, j) =>
          value === null
            ? null
            : attainment(
                {
                  comparator: list[j].comparator as TargetComparator | null,
                  value: list[j].targetValue,
                  year: list[j].year ?? 0,
                },
                value,
                { nearThreshold },
              ),
        )
        .filter((s) => s !== null && s !== "no_data" && s !== "qualitative");
      return percent(judged.filter((s) => s === "achieved").length, judged.length);
    });
  const pillars = [...new Set(measured.map((t) => t.pillar))].sort((a, b) => pillarOrder(a) - pillarOrder(b));
  return {
    periods,
    overall: shareOf(measured),
    pillars: pillars.map((pillar) => ({
      pillar,
      label: pillarLabel(pillar),
      values: shareOf(measured.filter((t) => t.pillar === pillar)),
    })),
  };
}

const TIMELINESS_BY = ["unit", "period"] as const;

/**
 * The period the dashboard shows, chosen in SQL as judgeTargets chooses it: the one asked for,
 * else the latest (by due date, then key) with a stored figure. Its id, or no row.
 */
function shownPeriodPart(plan: Pick<PlanHead, "tenantId" | "code">, periodKey: string | undefined): SQL {
  return sql`SELECT rp.id FROM reporting_periods rp
     WHERE rp.tenant_id = ${plan.tenantId} AND rp.plan_code = ${plan.code}
       AND ${
         periodKey !== undefined
           ? sql`rp.key = ${periodKey}`
           : sql`EXISTS (SELECT 1 FROM target_figures f WHERE f.tenant_id = ${plan.tenantId}
                    AND f.plan_code = ${plan.code} AND f.period_id = rp.id AND NOT f.approved_only)`
       }
     ORDER BY rp.due_date DESC, rp.key DESC LIMIT 1`;
}

/** The ids of the plan's periods ending by the end of the one `shown` gives (all of them when none). */
function periodsSoFar(plan: Pick<PlanHead, "tenantId" | "code">, shown: SQL): SQL {
  return sql`SELECT sf.id FROM reporting_periods sf
     WHERE sf.tenant_id = ${plan.tenantId} AND sf.plan_code = ${plan.code}
       AND sf.end_date <= coalesce((SELECT e.end_date FROM reporting_periods e
                                     WHERE e.tenant_id = ${plan.tenantId} AND e.id = (${shown})), 'infinity'::date)`;
}

/**
 * What the dashboard reads, in one statement: the plan's basis (its units left out when the
 * caller has them), periods, stored figures and timeliness up to the period shown.
 */
export function dashboardParts(
  plan: PlanRef,
  { periodKey, today, units }: { periodKey?: string; today: string; units?: unknown },
): Record<string, SQL> {
  const shownPart = shownPeriodPart(plan, periodKey);
  return {
    ...basisParts(plan.tenantId, plan.planId, { units }),
    periods: periodsPart(plan),
    figures: targetFiguresPart({ tenantId: plan.tenantId, planCode: plan.code, approvedOnly: false }),
    shown: sql`(${shownPart})`,
    timeliness: timelinessPart({
      tenantId: plan.tenantId,
      periodIds: periodsSoFar(plan, shownPart),
      today,
      by: TIMELINESS_BY,
    }),
  };
}

/**
 * Bảng điều hành: where a published plan stands — attainment by pillar (planAttainment's
 * judgement, not recomputed), targets at risk, overdue tasks, units ranked by the progress
 * of the tasks they lead and by reporting timeliness, and the trend across periods.
 */
export async function planDashboard(
  db: Database,
  {
    ctx,
    periodKey,
    nearThreshold,
    now = new Date(),
    read,
  }: {
    ctx: ReportingPlan;
    periodKey?: string;
    nearThreshold: number;
    now?: Date;
    /** dashboardParts' answer when the caller read it with the plan (reportingPlanWith). */
    read?: Record<string, unknown> | null;
  },
): Promise<TPlanDashboard> {
  const today = todayIso(now);
  const tenantId = ctx.plan.tenantId;
  const more =
    read ??
    (await readTogether(db, dashboardParts(planRef(ctx.plan), { periodKey, today, units: ctx.units })));
  const basis = basisFrom(ctx.plan, more, { units: ctx.units });
  const periods = periodsFromJson(more.periods);
  const result = await planAttainment(db, {
    ctx,
    periodKey,
    nearThreshold,
    basis,
    periods,
    stored: true,
    figures: figuresFromJson(more.figures),
  });
  // Timeliness over the periods so far: up to the one shown (all of them when none has data yet).
  const upTo = result.period?.end ?? null;
  const sofar = periods.filter((p) => upTo === null || p.endDate <= upTo);
  const shown = periods.find((p) => p.key === result.period?.key) ?? null;
  // Completeness and timeliness as stored (summary tables), judged against today: read with
  // the data above for the period the statement chose, which is the one judgeTargets shows.
  const { unit: byUnit, period: inShown } =
    (more.shown ?? null) === (shown?.id ?? null)
      ? timelinessFromJson(more.timeliness, TIMELINESS_BY)
      : await readTimeliness(db, { tenantId, periodIds: sofar.map((p) => p.id), today, by: TIMELINESS_BY });
  // A unit with no report due yet is not ranked on timeliness.
  const timeliness = new Map(
    [...byUnit]
      .filter(([, t]) => t.expected > 0)
      .map(([id, { name, expected, onTime, late, missing }]) => [
        id,
        { name: name ?? "—", totals: { expected, onTime, late, missing } },
      ]),
  );

  const tasks = taskFigures(basis.tasks, today);
  const unitName = (id: string) => basis.units.get(id)?.name ?? "—";
  const overdueTasks: TOverdueTask[] = tasks
    .filter((f) => f.status === "overdue" && f.task.deadlineDate)
    .map(({ task, progress }) => ({
      key: task.key,
      id: task.id,
      text: task.text,
      pillar: task.pillar,
      leadUnit: task.leadUnitId ? { id: task.leadUnitId, name: unitName(task.leadUnitId) } : null,
      deadline: task.deadlineDate as string,
      progress,
      daysOverdue: daysBetween(task.deadlineDate as string, today),
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || compareVi(a.text, b.text));

  const leadIds = [...new Set(tasks.map((f) => f.task.leadUnitId).filter((x): x is string => Boolean(x)))];
  const unitIds = [...new Set([...leadIds, ...timeliness.keys()])];
  const rank = (x: number | null) => x ?? -1;
  const units: TUnitRanking[] = unitIds
    .map((id) => {
      const led = taskTotals(tasks.filter((f) => f.task.leadUnitId === id));
      return {
        unit: { id, name: timeliness.get(id)?.name ?? unitName(id) },
        tasks: led.total,
        done: led.done,
        overdue: led.overdue,
        averageProgress: averageProgress(led),
        ...presentTimeliness(timeliness.get(id)?.totals ?? emptyTimeliness()),
      };
    })
    .sort(
      (a, b) =>
        rank(b.averageProgress) - rank(a.averageProgress) ||
        rank(b.onTimePercent) - rank(a.onTimePercent) ||
        compareVi(a.unit.name, b.unit.name),
    );

  const all = taskTotals(tasks);
  const reporting = [...timeliness.values()].reduce(
    (sum, u) => addTimeliness(sum, u.totals),
    emptyTimeliness(),
  );
  const counts = countAttainment(result.targets);
  // The basis of the figures shown: the period's reports in, of those expected; tạm tính until due and complete.
  const expected = shown ? (inShown.get(shown.id)?.rows ?? 0) : 0;
  const received = shown ? (inShown.get(shown.id)?.received ?? 0) : 0;
  const provisional = shown ? provisionalReason(shown, today, { expected, received }) : null;
  return {
    plan: planHeading(ctx.plan, basis.units),
    today,
    period: result.period,
    periods: periods.map(presentPeriodRef),
    counts,
    basis: {
      reports: { received, expected },
      provisional,
      provisionalLabel: provisional ? PROVISIONAL_LABELS[provisional].vi : null,
    },
    tasks: { total: all.total, done: all.done, overdue: all.overdue, averageProgress: averageProgress(all) },
    reporting: presentTimeliness(reporting),
    pillars: byPillar(result.targets),
    targets: result.targets.map(presentDashboardTarget),
    atRisk: result.targets
      .map((t) => ({ ...presentDashboardTarget(t), reasons: riskReasons(t) }))
      .filter((t) => t.reasons.length > 0),
    overdueTasks,
    units,
    trend: attainmentTrend(result.targets, nearThreshold),
  };
}
