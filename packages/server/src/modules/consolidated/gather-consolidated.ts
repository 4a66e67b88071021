import type {
  TConsolidatedReport,
  TConsolidatedTarget,
  TConsolidatedTask,
  TUnitStatement,
} from "@dtplan/contracts";
import { isPillar, PILLAR_KEYS, PILLARS } from "@dtplan/domain/indicators/pillars.ts";
import { TASK_STATUS_LABELS, taskStatus } from "@dtplan/domain/tasks/status.ts";
import { compareVi } from "@dtplan/domain/text/collate.ts";
import { type SQL, sql } from "drizzle-orm";
import type {
  OrgUnitRow,
  PlanHead,
  ReportingPeriodRow,
  UnitReportRow,
  UnitReportTaskRow,
} from "../../db/schema.ts";
import { todayIso } from "../../db/sql.ts";
import { countsOf, presentPeriodRef, storedStatusRows } from "../reporting/period-status.ts";
import type { PlanRef } from "../reporting/reporting.guards.ts";
import {
  basisFrom,
  basisParts,
  periodNotFound,
  periodsFromJson,
  periodsPart,
  type ReportingBasis,
  reportingUnitsOf,
} from "../reporting/reporting.repository.ts";
import { judgeTarget } from "../reporting/roll-up.ts";
import { unitStatusesFromJson, unitStatusesPart } from "../summary/reporting-status.ts";
import { figuresFromJson, targetFiguresPart } from "../summary/target-figures.ts";
import { lowerFirst, officialName, plannedText } from "./vi-format.ts";

/** Everything of the report that comes from the data (the narrative is added on top). */
export type ConsolidatedData = Omit<TConsolidatedReport, "narrative" | "saved" | "version" | "can">;

/** A submitted or approved report of the period, as the report quotes it. */
type CountedReport = Pick<UnitReportRow, "id" | "unitId" | "difficulties" | "proposals"> & {
  status: "submitted" | "approved";
};

const pillarLabel = (key: string) => (isPillar(key) ? PILLARS[key].vi : key);
/** Pillars in the domain's order (plan-extract/v1), unknown ones last. */
const pillarRank = (key: string) => {
  const i = PILLAR_KEYS.indexOf(key as (typeof PILLAR_KEYS)[number]);
  return i < 0 ? PILLAR_KEYS.length : i;
};

/**
 * Tiến độ as of the period, per task key. The source, in order:
 * 1. the lead unit's own submitted or approved report of this period (`unit_report_tasks`)
 *    — that is the figure the unit answered for in this period, even when it was
 *    submitted after the period's last day;
 * 2. else the task's newest progress update (`task_updates`) made by the end of the
 *    period, so a past period never shows progress made later;
 * 3. else none yet.
 * The task's own `progress` column is not used: it is today's figure, not the period's.
 */
function progressAsOf(
  basis: ReportingBasis,
  /** The period's reporting units (reportingUnitsOf). */
  reporting: ReturnType<typeof reportingUnitsOf>,
  /** The period's submitted and approved reports. */
  reports: readonly CountedReport[],
  /** The task lines of the period's counted reports (those of the lead units among them). */
  reportTasks: readonly Pick<UnitReportTaskRow, "reportId" | "taskKey" | "progress">[],
  /** The plan's tasks' progress updates made by the end of the period. */
  updates: readonly { taskKey: string; progress: number; at: Date }[],
): Map<string, { progress: number; source: "report" | "task_update" }> {
  const out = new Map<string, { progress: number; source: "report" | "task_update" }>();
  if (basis.tasks.length === 0) return out;
  const reportOfUnit = new Map(reports.map((r) => [r.unitId, r.id]));
  // Which report speaks for a task: the one of the unit that leads it in this period.
  const leadReport = new Map<string, string>();
  for (const ru of reporting.values()) {
    const reportId = reportOfUnit.get(ru.unit.id);
    if (!reportId) continue;
    for (const t of ru.tasks) if (t.role === "lead") leadReport.set(t.task.key, reportId);
  }
  for (const row of reportTasks) {
    if (row.progress !== null && leadReport.get(row.taskKey) === row.reportId) {
      out.set(row.taskKey, { progress: row.progress, source: "report" });
    }
  }
  const newest = new Map<string, { progress: number; at: number }>();
  for (const u of updates) {
    const seen = newest.get(u.taskKey);
    if (!seen || u.at.getTime() >= seen.at)
      newest.set(u.taskKey, { progress: u.progress, at: u.at.getTime() });
  }
  for (const [key, u] of newest) {
    if (!out.has(key)) out.set(key, { progress: u.progress, source: "task_update" });
  }
  return out;
}

/**
 * What the report reads, in one statement: the plan's basis (its units left out when the
 * caller has them), the periods, and for the period `key` its stored figures, its submitted
 * and approved reports, stored unit statuses, the counted reports' task lines, and the plan's
 * task progress updates made by the period's last day (Vietnam time, as endOfVietnamDay gives it).
 */
export function consolidatedParts(plan: PlanRef, periodKey: string, units?: unknown): Record<string, SQL> {
  const t = plan.tenantId;
  const periodId = sql`(SELECT rp.id FROM reporting_periods rp
                         WHERE rp.tenant_id = ${t} AND rp.plan_code = ${plan.code} AND rp.key = ${periodKey})`;
  return {
    ...basisParts(t, plan.planId, { units }),
    periods: periodsPart(plan),
    figures: targetFiguresPart({ tenantId: t, period: periodId, approvedOnly: false }),
    // The period's counted reports, with what the report quotes of them.
    reports: sql`(SELECT coalesce(json_agg(json_build_array(r.id, r.unit_id, r.status, r.difficulties,
                         r.proposals)), '[]')
                    FROM unit_reports r
                   WHERE r.tenant_id = ${t} AND r.period_id = ${periodId} AND r.status IN ('submitted', 'approved'))`,
    statuses: unitStatusesPart({ tenantId: t, periodIds: periodId }),
    reportTasks: sql`(SELECT coalesce(json_agg(json_build_array(l.report_id, l.task_key, l.progress)), '[]')
        FROM unit_report_tasks l
       WHERE l.tenant_id = ${t}
         AND l.report_id IN (SELECT r.id FROM unit_reports r WHERE r.tenant_id = ${t}
                               AND r.period_id = ${periodId} AND r.status IN ('submitted', 'approved')))`,
    updates: sql`(SELECT coalesce(json_agg(json_build_array(u.task_key, u.progress, u.at)), '[]')
        FROM task_updates u
       WHERE u.tenant_id = ${t}
         AND u.task_key IN (SELECT k.key FROM plan_tasks k WHERE k.tenant_id = ${t} AND k.plan_id = ${plan.planId})
         AND u.at <= (SELECT (e.end_date::text || 'T23:59:59.999+07:00')::timestamptz FROM reporting_periods e
                       WHERE e.tenant_id = ${t} AND e.id = ${periodId}))`,
  };
}

/** "Kế hoạch …" as the subject of the report ("Kết quả thực hiện Kế hoạch …, quý II năm 2025"). */
function subjectOf(plan: PlanHead, period: ReportingPeriodRow): string {
  const title = plan.title.trim().replace(/[.;]+$/, "");
  const named = /^kế hoạch/i.test(title) ? title : `Kế hoạch ${lowerFirst(title)}`;
  const when = lowerFirst(period.label);
  // An annual plan's yearly report: "… năm 2023", not "… năm 2023, năm 2023".
  if (named.toLocaleLowerCase("vi").endsWith(when.toLocaleLowerCase("vi")))
    return `Kết quả thực hiện ${named}`;
  return `Kết quả thực hiện ${named}, ${when}`;
}

/**
 * Tổng hợp số liệu of one period of a published plan: the issuing unit, the targets'
 * attainment (reporting's roll-up, not recomputed), the tasks by pillar with their
 * status and progress as of the period, the units' difficulties and proposals from
 * their submitted and approved reports, and how complete and timely reporting was.
 */
export function gatherConsolidated({
  plan,
  periodKey,
  nearThreshold,
  now = new Date(),
  units: knownUnits,
  read,
}: {
  plan: PlanHead;
  periodKey: string;
  nearThreshold: number;
  now?: Date;
  /** The province's units when the caller has them already. */
  units?: Map<string, OrgUnitRow>;
  /** The answer of consolidatedParts' statement. */
  read: Record<string, unknown>;
}): ConsolidatedData {
  const basis = basisFrom(plan, read, { units: knownUnits });
  const periods = periodsFromJson(read.periods);
  const period = periods.find((p) => p.key === periodKey);
  if (!period) throw periodNotFound();
  const today = todayIso(now);
  const asOf = today < period.endDate ? today : period.endDate;
  const reports = (read.reports as [string, string, CountedReport["status"], string, string][]).map(
    ([id, unitId, status, difficulties, proposals]): CountedReport => ({
      id,
      unitId,
      status,
      difficulties,
      proposals,
    }),
  );
  // Completeness and timeliness as stored (summary tables), judged against today.
  const units = storedStatusRows(period, unitStatusesFromJson(read.statuses), today);
  // Who reports in the period and what they lead: worked out once for the two uses below.
  const reporting = reportingUnitsOf(basis, period);
  const progress = progressAsOf(
    basis,
    reporting,
    reports,
    (read.reportTasks as [string, string, number | null][]).map(([reportId, taskKey, progress]) => ({
      reportId,
      taskKey,
      progress,
    })),
    (read.updates as [string, number, string][]).map(([taskKey, progress, at]) => ({
      taskKey,
      progress,
      at: new Date(at),
    })),
  );
  const leadOf = new Map<string, string>();
  for (const ru of reporting.values()) {
    for (const t of ru.tasks) if (t.role === "lead") leadOf.set(t.task.key, ru.unit.name);
  }

  // Each target judged on the period's stored figure, by the rule every reader of attainment uses.
  const figures = figuresFromJson(read.figures).get(period.id);
  const targets: TConsolidatedTarget[] = basis.targets.map((t) => {
    const indicator = t.indicatorCode ? (basis.indicators.get(t.indicatorCode) ?? null) : null;
    const judged = judgeTarget(t, indicator, figures, nearThreshold);
    return {
      targetKey: t.key,
      pillar: t.pillar,
      text: t.text,
      planned: plannedText(t.comparator, t.value, t.unit),
      targetValue: t.value,
      value: judged.value,
      unit: t.unit,
      attainment: judged.attainment,
      attainmentLabel: judged.attainmentLabel,
      reportingUnits: judged.reportingUnits,
    };
  });
  const tasks: TConsolidatedTask[] = basis.tasks.map((task) => {
    const p = progress.get(task.key) ?? null;
    // Completed by the report's day counts as done then; a later completion does not.
    const completedAt =
      p?.progress === 100 && task.completedAt && task.completedAt <= asOf ? task.completedAt : null;
    const status = taskStatus(
      { deadline: task.deadlineDate, recurring: task.recurring, progress: p?.progress ?? 0, completedAt },
      asOf,
    );
    const lead = task.leadUnitId ? basis.units.get(task.leadUnitId)?.name : undefined;
    return {
      key: task.key,
      id: task.id,
      pillar: task.pillar,
      text: task.text,
      leadUnit: leadOf.get(task.key) ?? lead ?? task.leadText ?? null,
      deadline: { text: task.deadlineText, date: task.deadlineDate },
      recurring: task.recurring,
      status,
      statusLabel: TASK_STATUS_LABELS[status].vi,
      progress: p?.progress ?? null,
      progressSource: p?.source ?? "none",
    };
  });
  const byPillar = <T extends { pillar: string }>(rows: T[]) =>
    rows
      .map((row, i) => ({ row, i }))
      .sort((a, b) => pillarRank(a.row.pillar) - pillarRank(b.row.pillar) || a.i - b.i)
      .map((x) => x.row);

  const statements: TUnitStatement[] = reports
    .filter((r) => r.difficulties.trim() || r.proposals.trim())
    .map((r) => ({
      unit: { id: r.unitId, name: basis.units.get(r.unitId)?.name ?? "—" },
      status: r.status,
      difficulties: r.difficulties.trim(),
      proposals: r.proposals.trim(),
    }))
    .sort((a, b) => compareVi(a.unit.name, b.unit.name));

  const unitName = basis.units.get(plan.unitId)?.name ?? "—";
  const pillarKeys = [...new Set([...targets, ...tasks].map((r) => r.pillar))].sort(
    (a, b) => pillarRank(a) - pillarRank(b),
  );
  const data: ConsolidatedData = {
    plan: {
      code: plan.code,
      title: plan.title,
      year: plan.periodEnd ?? plan.periodStart ?? null,
      unit: { id: plan.unitId, name: unitName },
    },
    period: presentPeriodRef(period),
    asOf,
    issuer: { body: "ỦY BAN NHÂN DÂN", unit: officialName(unitName).toLocaleUpperCase("vi") },
    subject: subjectOf(plan, period),
    pillars: pillarKeys.map((key) => ({ key, label: pillarLabel(key) })),
    targets: byPillar(targets),
    tasks: byPillar(tasks),
    units,
    counts: countsOf(units),
    statements,
  };
  return data;
}
