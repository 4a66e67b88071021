import type { TAttainmentCounts, TDashboardTarget, TTargetAttainment } from "@dtplan/contracts";
import { ratioPercent } from "@dtplan/domain/reporting/figures.ts";
import type { TaskStatus } from "@dtplan/domain/tasks/status.ts";
import type { ReportingPeriodRow, UnitReportRow } from "../../db/schema.ts";
import { unitStatusRows } from "../reporting/period-status.ts";
import type { BasisTask, ReportingBasis } from "../reporting/reporting.repository.ts";
import { attainmentCounts } from "../reporting/roll-up.ts";
import { statusOfTask } from "../tasks/task-status.ts";

/**
 * Figures the leader dashboard and the province view share, computed from what the
 * reporting module already loaded (its basis, planAttainment's targets, the periods'
 * reports) — pure, so a plan costs the same few queries however many tasks it has.
 */

export const percent = (part: number, whole: number): number | null => ratioPercent(part, whole);

export function countAttainment(
  targets: readonly Pick<TTargetAttainment, "attainment">[],
): TAttainmentCounts {
  return { ...attainmentCounts(targets), total: targets.length };
}

/** Đạt among the targets with a figure to judge (đạt, gần đạt, chưa đạt). */
export const achievedPercent = (c: TAttainmentCounts) =>
  percent(c.achieved, c.achieved + c.near + c.notAchieved);

export function presentDashboardTarget(t: TTargetAttainment): TDashboardTarget {
  return {
    targetKey: t.targetKey,
    text: t.text,
    pillar: t.pillar,
    comparator: t.comparator,
    targetValue: t.targetValue,
    unit: t.unit,
    year: t.year,
    indicatorName: t.indicator?.name ?? null,
    percent: t.indicator?.aggregation === "ratio" || t.unit === "%",
    value: t.value,
    reportingUnits: t.reportingUnits,
    expectedUnits: t.expectedUnits,
    attainment: t.attainment,
    attainmentLabel: t.attainmentLabel,
    trend: t.trend,
    trendLabel: t.trendLabel,
  };
}

export interface TaskFigure {
  task: BasisTask;
  status: TaskStatus;
  /** 100 once done, else the last reported progress. */
  progress: number;
}

export function taskFigures(tasks: readonly BasisTask[], today: string): TaskFigure[] {
  return tasks.map((task) => {
    const status = statusOfTask(task, today);
    const done = status === "done" || status === "done_late";
    return { task, status, progress: done ? 100 : Math.min(100, Math.max(0, task.progress ?? 0)) };
  });
}

export interface TaskTotals {
  total: number;
  done: number;
  overdue: number;
  /** Sum of progress, to average over several plans. */
  progressSum: number;
}

export function taskTotals(figures: readonly TaskFigure[]): TaskTotals {
  return {
    total: figures.length,
    done: figures.filter((f) => f.status === "done" || f.status === "done_late").length,
    overdue: figures.filter((f) => f.status === "overdue").length,
    progressSum: figures.reduce((s, f) => s + f.progress, 0),
  };
}

export const averageProgress = (t: TaskTotals) =>
  t.total > 0 ? Math.round((t.progressSum / t.total) * 10) / 10 : null;

export interface TimelinessTotals {
  expected: number;
  onTime: number;
  late: number;
  missing: number;
}

export const emptyTimeliness = (): TimelinessTotals => ({ expected: 0, onTime: 0, late: 0, missing: 0 });

/**
 * Kịp thời per unit over the given periods: each unit that had to report, counted by
 * its first submission against the due date (period-status's rule); reports not yet
 * due are left out, so a period still open does not read as missing.
 */
export function timelinessByUnit(
  basis: ReportingBasis,
  periods: readonly ReportingPeriodRow[],
  reports: readonly UnitReportRow[],
  today: string,
): Map<string, { name: string; totals: TimelinessTotals }> {
  const out = new Map<string, { name: string; totals: TimelinessTotals }>();
  for (const period of periods) {
    for (const row of unitStatusRows(basis, period, reports, today)) {
      if (row.timeliness === "not_due") continue;
      const entry = out.get(row.unit.id) ?? { name: row.unit.name, totals: emptyTimeliness() };
      entry.totals.expected++;
      if (row.timeliness === "on_time") entry.totals.onTime++;
      else if (row.timeliness === "late") entry.totals.late++;
      else entry.totals.missing++;
      out.set(row.unit.id, entry);
    }
  }
  return out;
}

export function addTimeliness(into: TimelinessTotals, t: TimelinessTotals): TimelinessTotals {
  into.expected += t.expected;
  into.onTime += t.onTime;
  into.late += t.late;
  into.missing += t.missing;
  return into;
}

export const presentTimeliness = (t: TimelinessTotals) => ({
  ...t,
  onTimePercent: percent(t.onTime, t.expected),
});
