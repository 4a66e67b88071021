import type {
  TConsolidatedReport,
  TConsolidatedTarget,
  TConsolidatedTask,
  TUnitStatement,
} from "@dtplan/contracts";
import { isPillar, PILLAR_KEYS, PILLARS } from "@dtplan/domain/indicators/pillars.ts";
import { TASK_STATUS_LABELS, taskStatus } from "@dtplan/domain/tasks/status.ts";
import { compareVi } from "@dtplan/domain/text/collate.ts";
import { endOfVietnamDay } from "@dtplan/domain/time/vietnam.ts";
import { and, eq, inArray, lte } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type PlanRow, type ReportingPeriodRow, taskUpdates, unitReportTasks } from "../../db/schema.ts";
import { todayIso } from "../../db/sql.ts";
import {
  countsOf,
  presentPeriodRef,
  reportsOfPeriods,
  storedStatusRows,
} from "../reporting/period-status.ts";
import {
  listPeriods,
  loadBasis,
  periodNotFound,
  type ReportingBasis,
  reportingUnitsOf,
} from "../reporting/reporting.repository.ts";
import { planAttainment } from "../reporting/roll-up.ts";
import { readUnitStatuses } from "../summary/reporting-status.ts";
import { lowerFirst, officialName, plannedText } from "./vi-format.ts";

/** Everything of the report that comes from the data (the narrative is added on top). */
export type ConsolidatedData = Omit<TConsolidatedReport, "narrative" | "saved" | "version" | "can">;

const COUNTED = new Set(["submitted", "approved"]);

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
async function progressAsOf(
  db: Database,
  basis: ReportingBasis,
  period: ReportingPeriodRow,
  reports: Awaited<ReturnType<typeof reportsOfPeriods>>,
): Promise<Map<string, { progress: number; source: "report" | "task_update" }>> {
  const out = new Map<string, { progress: number; source: "report" | "task_update" }>();
  const keys = basis.tasks.map((t) => t.key);
  if (keys.length === 0) return out;
  const counted = reports.filter((r) => r.periodId === period.id && COUNTED.has(r.status));
  const reportOfUnit = new Map(counted.map((r) => [r.unitId, r.id]));
  // Which report speaks for a task: the one of the unit that leads it in this period.
  const leadReport = new Map<string, string>();
  for (const ru of reportingUnitsOf(basis, period).values()) {
    const reportId = reportOfUnit.get(ru.unit.id);
    if (!reportId) continue;
    for (const t of ru.tasks) if (t.role === "lead") leadReport.set(t.task.key, reportId);
  }
  const reportIds = [...new Set(leadReport.values())];
  const rows = reportIds.length
    ? await db
        .select()
        .from(unitReportTasks)
        .where(
          and(
            eq(unitReportTasks.tenantId, basis.plan.tenantId),
            inArray(unitReportTasks.reportId, reportIds),
          ),
        )
    : [];
  for (const row of rows) {
    if (row.progress !== null && leadReport.get(row.taskKey) === row.reportId) {
      out.set(row.taskKey, { progress: row.progress, source: "report" });
    }
  }
  const updates = await db
    .select({ taskKey: taskUpdates.taskKey, progress: taskUpdates.progress, at: taskUpdates.at })
    .from(taskUpdates)
    .where(
      and(
        eq(taskUpdates.tenantId, basis.plan.tenantId),
        inArray(taskUpdates.taskKey, keys),
        lte(taskUpdates.at, endOfVietnamDay(period.endDate)),
      ),
    );
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

/** "Kế hoạch …" as the subject of the report ("Kết quả thực hiện Kế hoạch …, quý II năm 2025"). */
function subjectOf(plan: PlanRow, period: ReportingPeriodRow): string {
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
export async function gatherConsolidated(
  db: Database,
  {
    plan,
    periodKey,
    nearThreshold,
    now = new Date(),
  }: { plan: PlanRow; periodKey: string; nearThreshold: number; now?: Date },
): Promise<ConsolidatedData> {
  const [periods, basis] = await Promise.all([listPeriods(db, plan), loadBasis(db, plan)]);
  const period = periods.find((p) => p.key === periodKey);
  if (!period) throw periodNotFound();
  const attainment = await planAttainment(db, {
    ctx: { plan },
    periodKey,
    nearThreshold,
    basis,
    periods,
    stored: true,
  });
  const today = todayIso(now);
  const asOf = today < period.endDate ? today : period.endDate;
  const [reports, stored] = await Promise.all([
    reportsOfPeriods(db, [period]),
    readUnitStatuses(db, { tenantId: plan.tenantId, periodIds: [period.id] }),
  ]);
  // Completeness and timeliness as stored (summary tables), judged against today.
  const units = storedStatusRows(period, stored, today);
  const progress = await progressAsOf(db, basis, period, reports);
  const leadOf = new Map<string, string>();
  for (const ru of reportingUnitsOf(basis, period).values()) {
    for (const t of ru.tasks) if (t.role === "lead") leadOf.set(t.task.key, ru.unit.name);
  }

  const targets: TConsolidatedTarget[] = attainment.targets.map((t) => ({
    targetKey: t.targetKey,
    pillar: t.pillar,
    text: t.text,
    planned: plannedText(t.comparator, t.targetValue, t.unit),
    targetValue: t.targetValue,
    value: t.value,
    unit: t.unit,
    attainment: t.attainment,
    attainmentLabel: t.attainmentLabel,
    reportingUnits: t.reportingUnits,
  }));
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
    .filter((r) => r.periodId === period.id && COUNTED.has(r.status))
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
  return {
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
}
