import type {
  TPeriodCounts,
  TPeriodUnitStatus,
  TReportingPeriod,
  TReportingPeriodRef,
} from "@dtplan/contracts";
import { timelinessOf } from "@dtplan/domain/reporting/timeliness.ts";
import { reportingUnits, unownedUnits } from "@dtplan/domain/reporting/who-reports.ts";
import { compareVi } from "@dtplan/domain/text/collate.ts";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import {
  type OrgUnitRow,
  type ReportingPeriodRow,
  type UnitReportRow,
  unitReports,
} from "../../db/schema.ts";
import { todayIso } from "../../db/sql.ts";
import { can } from "../access/tree-access.ts";
import type { StoredUnitStatus } from "../summary/reporting-status.ts";
import type { ReportingPlan } from "./reporting.guards.ts";
import {
  type ReportingBasis,
  reportingUnitsOf,
  unitsWithReporters,
  userNames,
} from "./reporting.repository.ts";

export function presentPeriodRef(p: ReportingPeriodRow): TReportingPeriodRef {
  return {
    key: p.key,
    label: p.label,
    frequency: p.frequency,
    start: p.startDate,
    end: p.endDate,
    dueDate: p.dueDate,
    adhoc: p.adhoc,
  };
}

export { timelinessOf };

export async function reportsOfPeriods(db: Database, periods: readonly ReportingPeriodRow[]) {
  if (periods.length === 0) return [];
  return db
    .select()
    .from(unitReports)
    .where(
      and(
        eq(unitReports.tenantId, periods[0].tenantId),
        inArray(
          unitReports.periodId,
          periods.map((p) => p.id),
        ),
      ),
    );
}

/** Completeness and timeliness per unit: the chase screen's rows. */
export function unitStatusRows(
  basis: ReportingBasis,
  period: ReportingPeriodRow,
  reports: readonly UnitReportRow[],
  today: string,
  /** The units with reporting staff (`unitsWithReporters`); null when not looked up (no unit is then flagged). */
  staffed: ReadonlySet<string> | null = null,
): TPeriodUnitStatus[] {
  const byUnit = new Map(reports.filter((r) => r.periodId === period.id).map((r) => [r.unitId, r]));
  const expected = [...reportingUnitsOf(basis, period).values()];
  // A report written by a unit no longer expected (its work passed to a successor) stays
  // in the period's list under the name it was written under.
  const known = new Set(expected.map((ru) => ru.unit.id));
  const kept = [...byUnit.keys()]
    .filter((id) => !known.has(id) && basis.units.has(id))
    .map((id) => ({
      unit: basis.units.get(id) as OrgUnitRow,
      role: "lead" as const,
      tasks: [],
      targetKeys: [] as string[],
    }));
  return [...expected, ...kept].map((ru) => {
    const report = byUnit.get(ru.unit.id) ?? null;
    const { timeliness, daysLate } = timelinessOf(period, report, today);
    return {
      unit: { id: ru.unit.id, name: ru.unit.name },
      reportId: report?.id ?? null,
      status: report?.status ?? null,
      timeliness,
      firstSubmittedAt: report?.firstSubmittedAt?.toISOString() ?? null,
      submittedAt: report?.submittedAt?.toISOString() ?? null,
      daysLate,
      reviewedAt: report?.reviewedAt?.toISOString() ?? null,
      returnComment: report?.status === "returned" ? report.returnComment : null,
      role: ru.role,
      taskCount: ru.tasks.length,
      targetCount: ru.targetKeys.length,
      noAccount: staffed !== null && !staffed.has(ru.unit.id),
      onBehalf: report?.onBehalfBy != null,
    };
  });
}

/**
 * The same rows from the stored completeness and timeliness (summary/reporting-status.ts):
 * the units expected in the period by name, then those whose report is kept there.
 */
export function storedStatusRows(
  period: ReportingPeriodRow,
  stored: readonly StoredUnitStatus[],
  today: string,
): TPeriodUnitStatus[] {
  return stored
    .filter((s) => s.periodId === period.id)
    .sort((a, b) => Number(b.expected) - Number(a.expected) || compareVi(a.unitName, b.unitName))
    .map((s) => {
      const { timeliness, daysLate } = timelinessOf(period, s, today);
      return {
        unit: { id: s.unitId, name: s.unitName },
        reportId: s.reportId,
        status: s.status,
        timeliness,
        firstSubmittedAt: s.firstSubmittedAt?.toISOString() ?? null,
        submittedAt: s.submittedAt?.toISOString() ?? null,
        daysLate,
        reviewedAt: s.reviewedAt?.toISOString() ?? null,
        returnComment: s.returnComment,
        role: s.role,
        taskCount: s.taskCount,
        targetCount: s.targetCount,
        noAccount: false,
        onBehalf: s.onBehalf,
      };
    });
}

export function countsOf(rows: readonly TPeriodUnitStatus[]): TPeriodCounts {
  const n = (f: (r: TPeriodUnitStatus) => boolean) => rows.filter(f).length;
  return {
    expected: rows.length,
    onTime: n((r) => r.timeliness === "on_time"),
    late: n((r) => r.timeliness === "late"),
    missing: n((r) => r.timeliness === "missing"),
    notDue: n((r) => r.timeliness === "not_due"),
    notStarted: n((r) => r.status === null),
    draft: n((r) => r.status === "draft"),
    submitted: n((r) => r.status === "submitted"),
    returned: n((r) => r.status === "returned"),
    approved: n((r) => r.status === "approved"),
  };
}

/** A period with its counts and the caller's own reporting units. */
export async function presentPeriods(
  db: Database,
  ctx: ReportingPlan,
  basis: ReportingBasis,
  periods: readonly ReportingPeriodRow[],
  now = new Date(),
): Promise<{ period: TReportingPeriod; rows: TPeriodUnitStatus[] }[]> {
  const today = todayIso(now);
  const reports = await reportsOfPeriods(db, periods);
  const names = await userNames(
    db,
    periods.map((p) => p.adjustedBy),
  );
  const expected = new Set(periods.flatMap((p) => [...reportingUnits(basis, p).keys()]));
  const staffed = await unitsWithReporters(db, basis.units, ctx.plan.tenantId, [...expected]);
  return periods.map((p) => {
    const rows = unitStatusRows(basis, p, reports, today, staffed);
    const mine = rows
      .filter((r) => can(ctx.actor, "reports.submit", basis.units, r.unit.id))
      .map((r) => ({
        unit: r.unit,
        status: r.status,
        timeliness: r.timeliness,
        canEdit: r.status !== "submitted" && r.status !== "approved",
      }));
    return {
      rows,
      period: {
        ...presentPeriodRef(p),
        id: p.id,
        adjusted: p.adjustedAt
          ? {
              by: p.adjustedBy ? { id: p.adjustedBy, name: names.get(p.adjustedBy) ?? "—" } : null,
              at: p.adjustedAt.toISOString(),
              reason: p.adjustReason,
            }
          : null,
        overdue: today > p.dueDate,
        counts: countsOf(rows),
        mine,
        unowned: unownedUnits(basis, p).map((u) => ({ id: u.id, name: u.name })),
      },
    };
  });
}
