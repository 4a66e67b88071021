/**
 * Tình hình báo cáo — completeness and timeliness per plan × period × unit, kept in
 * `reporting_status` (migration 0019) so the dashboard, the province view and the
 * consolidated report read them instead of working out who reports and judging every
 * report on each request (issue 15).
 *
 * Who must report is the domain's rule (reporting/who-reports.ts `reportingUnits`) and a
 * report's days late the domain's too (reporting/timeliness.ts `timelinessOf`), applied here
 * to the same rows the on-request path reads (reporting/period-status.ts `unitStatusRows`).
 * Two refreshes, each in the transaction that makes the change:
 * - `refreshReportStatus`: one report's row (a transition, a new draft) — one statement;
 * - `refreshReportingStatus`: the rows of some plans' periods (publication, amendment, a
 *   period's due date, an ad-hoc period, a change of who reports) — a few reads and one
 *   delete and insert per thousand rows.
 * Only "missing" against "not due yet" is left to reading: it depends on today.
 */

import type { ReportStatus } from "@dtplan/domain/reporting/lists.ts";
import { timelinessOf } from "@dtplan/domain/reporting/timeliness.ts";
import { type ReportingRole, reportingUnits } from "@dtplan/domain/reporting/who-reports.ts";
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Database } from "../../db/database.ts";
import { readTogether } from "../../db/json-rows.ts";
import {
  indicators,
  orgUnitLineage,
  orgUnits,
  plans,
  planTargets,
  planTargetUnits,
  planTasks,
  type ReportingPeriodRow,
  reportingPeriods,
  reportingStatus,
  type UnitReportRow,
  unitReports,
} from "../../db/schema.ts";
import { uuidSet } from "../../db/sql.ts";

/** A report's days late by its first submission (0: on time), null until submitted. */
const daysLateOf = (period: Pick<ReportingPeriodRow, "dueDate">, report: UnitReportRow | null) =>
  report?.firstSubmittedAt ? timelinessOf(period, report, period.dueDate).daysLate : null;

/**
 * Rewrites the row of `report`'s unit in its period: its status and days late. A unit not
 * expected there keeps a row for its report (as the on-request list keeps it).
 */
export async function refreshReportStatus(
  tx: Database,
  period: Pick<ReportingPeriodRow, "dueDate">,
  report: UnitReportRow,
): Promise<void> {
  await tx.execute(reportStatusUpsert(period, report));
}

/**
 * `refreshReportStatus`'s statement, not yet sent: a transition sends it with its other
 * writes. Written by hand: a query builder cost more to build than the statement to run.
 */
export function reportStatusUpsert(period: Pick<ReportingPeriodRow, "dueDate">, report: UnitReportRow): SQL {
  return sql`INSERT INTO reporting_status (tenant_id, plan_code, period_id, unit_id, expected, role, task_count,
                                       target_count, report_id, status, first_submitted_at, days_late, refreshed_at)
    VALUES (${report.tenantId}, ${report.planCode}, ${report.periodId}, ${report.unitId}, false, 'lead', 0, 0,
            ${report.id}, ${report.status}, ${report.firstSubmittedAt?.toISOString() ?? null},
            ${daysLateOf(period, report)}, ${new Date().toISOString()})
    ON CONFLICT (tenant_id, period_id, unit_id) DO UPDATE
       SET report_id = excluded.report_id, status = excluded.status, first_submitted_at = excluded.first_submitted_at,
           days_late = excluded.days_late, refreshed_at = excluded.refreshed_at`;
}

interface StatusRow {
  plan_code: string;
  period_id: string;
  unit_id: string;
  expected: boolean;
  role: ReportingRole;
  task_count: number;
  target_count: number;
  report_id: string | null;
  status: ReportStatus | null;
  first_submitted_at: string | null;
  days_late: number | null;
}

/**
 * Rewrites the rows of the published plans `planCodes` (every published plan of the
 * province when omitted), in `periodIds` only when given: who reports in each period and
 * each report's status. A code with no published version keeps no rows.
 */
export async function refreshReportingStatus(
  tx: Database,
  {
    tenantId,
    planCodes,
    periodIds,
  }: { tenantId: string; planCodes?: readonly string[]; periodIds?: readonly string[] },
): Promise<void> {
  if (planCodes?.length === 0 || periodIds?.length === 0) return;
  const published = await tx
    .select({ id: plans.id, code: plans.code })
    .from(plans)
    .where(
      and(
        eq(plans.tenantId, tenantId),
        eq(plans.status, "published"),
        planCodes ? inArray(plans.code, [...planCodes]) : undefined,
      ),
    );
  // The periods' rows are locked first (as the stored figures lock them): two changes of one
  // period rewrite its rows one after the other.
  const periods = await tx
    .select()
    .from(reportingPeriods)
    .where(
      and(
        eq(reportingPeriods.tenantId, tenantId),
        planCodes ? inArray(reportingPeriods.planCode, [...planCodes]) : undefined,
        periodIds ? inArray(reportingPeriods.id, [...periodIds]) : undefined,
      ),
    )
    .orderBy(asc(reportingPeriods.id))
    .for("update");
  if (periods.length === 0) return;
  const ids = published.map((p) => p.id);
  // A plan's rows of the versions in force (none matches when no code is published).
  const ofPlans = (t: { tenantId: AnyPgColumn; planId: AnyPgColumn }) =>
    and(eq(t.tenantId, tenantId), inArray(t.planId, ids));
  const [units, lineage, tasks, targets, assignments, reports] = await Promise.all([
    tx
      .select({
        id: orgUnits.id,
        name: orgUnits.name,
        validFrom: orgUnits.validFrom,
        validTo: orgUnits.validTo,
      })
      .from(orgUnits)
      .where(eq(orgUnits.tenantId, tenantId))
      .orderBy(asc(orgUnits.code)),
    tx
      .select({ predecessorId: orgUnitLineage.predecessorId, successorId: orgUnitLineage.successorId })
      .from(orgUnitLineage)
      .where(eq(orgUnitLineage.tenantId, tenantId)),
    tx
      .select({
        planId: planTasks.planId,
        key: planTasks.key,
        pillar: planTasks.pillar,
        leadUnitId: planTasks.leadUnitId,
        coordinators: planTasks.coordinators,
      })
      .from(planTasks)
      .where(ofPlans(planTasks))
      .orderBy(asc(planTasks.position)),
    tx.select().from(planTargets).where(ofPlans(planTargets)).orderBy(asc(planTargets.position)),
    tx.select().from(planTargetUnits).where(ofPlans(planTargetUnits)),
    tx
      .select()
      .from(unitReports)
      .where(
        and(
          eq(unitReports.tenantId, tenantId),
          inArray(
            unitReports.periodId,
            periods.map((p) => p.id),
          ),
        ),
      ),
  ]);
  const codes = [...new Set(targets.map((t) => t.indicatorCode).filter((c): c is string => Boolean(c)))];
  const known = new Set(
    codes.length
      ? (
          await tx
            .select({ code: indicators.code })
            .from(indicators)
            .where(and(eq(indicators.tenantId, tenantId), inArray(indicators.code, codes)))
        ).map((i) => i.code)
      : [],
  );
  const unitMap = new Map(units.map((u) => [u.id, u]));
  const ofPlan = <T extends { planId: string }>(rows: readonly T[], planId: string) =>
    rows.filter((r) => r.planId === planId);
  const bases = new Map(
    published.map((p) => {
      const own = ofPlan(targets, p.id);
      return [
        p.code,
        {
          tasks: ofPlan(tasks, p.id),
          targets: own,
          indicators: new Map(
            own.flatMap((t) =>
              t.indicatorCode && known.has(t.indicatorCode) ? [[t.indicatorCode, true]] : [],
            ) as [string, boolean][],
          ),
          units: unitMap,
          lineage,
          assignments: ofPlan(assignments, p.id),
        },
      ];
    }),
  );
  const reportsOf = new Map<string, Map<string, UnitReportRow>>();
  for (const r of reports) {
    const byUnit = reportsOf.get(r.periodId) ?? new Map<string, UnitReportRow>();
    byUnit.set(r.unitId, r);
    reportsOf.set(r.periodId, byUnit);
  }
  const rows: StatusRow[] = [];
  for (const period of periods) {
    const basis = bases.get(period.planCode);
    if (!basis) continue;
    const byUnit = reportsOf.get(period.id) ?? new Map<string, UnitReportRow>();
    const row = (
      unitId: string,
      expected: boolean,
      role: ReportingRole,
      taskCount: number,
      targetCount: number,
    ) => {
      const report = byUnit.get(unitId) ?? null;
      rows.push({
        plan_code: period.planCode,
        period_id: period.id,
        unit_id: unitId,
        expected,
        role,
        task_count: taskCount,
        target_count: targetCount,
        report_id: report?.id ?? null,
        status: report?.status ?? null,
        first_submitted_at: report?.firstSubmittedAt?.toISOString() ?? null,
        days_late: daysLateOf(period, report),
      });
    };
    const expected = reportingUnits(basis, period);
    for (const ru of expected.values()) row(ru.unit.id, true, ru.role, ru.tasks.length, ru.targetKeys.length);
    // A report written by a unit no longer expected stays in the period's list.
    for (const unitId of byUnit.keys())
      if (!expected.has(unitId) && unitMap.has(unitId)) row(unitId, false, "lead", 0, 0);
  }
  await tx.delete(reportingStatus).where(
    and(
      eq(reportingStatus.tenantId, tenantId),
      inArray(
        reportingStatus.periodId,
        periods.map((p) => p.id),
      ),
    ),
  );
  for (let i = 0; i < rows.length; i += 1000) {
    await tx.execute(
      sql`INSERT INTO reporting_status (tenant_id, plan_code, period_id, unit_id, expected, role, task_count,
                                        target_count, report_id, status, first_submitted_at, days_late)
          SELECT ${tenantId}::uuid, s.plan_code, s.period_id, s.unit_id, s.expected, s.role, s.task_count,
                 s.target_count, s.report_id, s.status, s.first_submitted_at, s.days_late
            FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 1000))}::jsonb)
                 AS s(plan_code text, period_id uuid, unit_id uuid, expected boolean, role text, task_count integer,
                      target_count integer, report_id uuid, status text, first_submitted_at timestamptz,
                      days_late integer)`,
    );
  }
}

/** A unit's row in a period as stored, with the unit's name and what its report says today. */
export interface StoredUnitStatus {
  periodId: string;
  unitId: string;
  unitName: string;
  expected: boolean;
  role: ReportingRole;
  taskCount: number;
  targetCount: number;
  reportId: string | null;
  status: ReportStatus | null;
  firstSubmittedAt: Date | null;
  daysLate: number | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  returnComment: string | null;
  onBehalf: boolean;
}

/** The stored rows of the periods `periodIds` (one statement), with names and the reports' review fields. */
export async function readUnitStatuses(
  db: Database,
  { tenantId, periodIds }: { tenantId: string; periodIds: readonly string[] },
): Promise<StoredUnitStatus[]> {
  if (periodIds.length === 0) return [];
  return unitStatusesFromJson((await readTogether(db, { s: unitStatusesPart({ tenantId, periodIds }) })).s);
}

/** Period ids as one parameter (uuidSet), or the subquery that gives them: for `IN (…)`. */
const periodList = (periodIds: readonly string[] | SQL): SQL =>
  Array.isArray(periodIds) ? uuidSet(periodIds) : (periodIds as SQL);

/**
 * readUnitStatuses as a part of a request's one statement (readTogether): the periods are
 * ids, or a subquery giving them.
 */
export function unitStatusesPart({
  tenantId,
  periodIds,
}: {
  tenantId: string;
  periodIds: readonly string[] | SQL;
}): SQL {
  if (Array.isArray(periodIds) && periodIds.length === 0) return sql`'[]'::json`;
  // An array a row, in UNIT_STATUS_FIELDS' order (a hundred units' field names cost more than their values).
  return sql`(SELECT coalesce(json_agg(json_build_array(s.period_id, s.unit_id, u.name, s.expected, s.role,
                     s.task_count, s.target_count, s.report_id, s.status, s.first_submitted_at, s.days_late,
                     r.submitted_at, r.reviewed_at, r.return_comment, r.on_behalf_by IS NOT NULL)), '[]')
          FROM reporting_status s
          JOIN org_units u ON u.tenant_id = s.tenant_id AND u.id = s.unit_id
          LEFT JOIN unit_reports r ON r.tenant_id = s.tenant_id AND r.id = s.report_id
         WHERE s.tenant_id = ${tenantId} AND u.tenant_id = ${tenantId}
           AND s.period_id IN (${periodList(periodIds)}))`;
}

/** The fields of unitStatusesPart's arrays, in their order (times come as text). */
const UNIT_STATUS_FIELDS = [
  "periodId",
  "unitId",
  "unitName",
  "expected",
  "role",
  "taskCount",
  "targetCount",
  "reportId",
  "status",
  "firstSubmittedAt",
  "daysLate",
  "submittedAt",
  "reviewedAt",
  "returnComment",
  "onBehalf",
] as const satisfies readonly (keyof StoredUnitStatus)[];

export function unitStatusesFromJson(value: unknown): StoredUnitStatus[] {
  const date = (d: unknown) => (d === null ? null : new Date(d as string));
  return (value as unknown[][]).map((values) => {
    const r: Record<string, unknown> = {};
    for (let i = 0; i < UNIT_STATUS_FIELDS.length; i++) r[UNIT_STATUS_FIELDS[i]] = values[i];
    return {
      ...(r as unknown as StoredUnitStatus),
      firstSubmittedAt: date(r.firstSubmittedAt),
      submittedAt: date(r.submittedAt),
      reviewedAt: date(r.reviewedAt),
      returnComment: r.status === "returned" ? (r.returnComment as string | null) : null,
    };
  });
}

/** Kịp thời added up: reports due so far, on time, late and missing (a report not yet due is left out). */
export interface StoredTimeliness {
  expected: number;
  onTime: number;
  late: number;
  missing: number;
}

/** How the stored timeliness is added up: per unit, per plan or per period. */
export type TimelinessGrouping = "unit" | "plan" | "period";

/** Timeliness added up over a group's rows, with how many rows it has and how many reports are in. */
export type GroupTimeliness = StoredTimeliness & { name: string | null; rows: number; received: number };

const GROUP_COLUMN = { unit: "unit_id", plan: "plan_code", period: "period_id" } as const;

/**
 * Timeliness over the periods `periodIds`, added up by each grouping asked (one statement,
 * grouping sets): a submitted report by its stored days late, an unsubmitted one missing once
 * its period's due date is before `today` (the domain's rule, timelinessOf) and left out
 * before; each group also says how many rows it has and how many reports are in (submitted,
 * approved), and a unit its name.
 */
export async function readTimeliness<G extends TimelinessGrouping>(
  db: Database,
  which: { tenantId: string; periodIds: readonly string[]; today: string; by: readonly G[] },
): Promise<Record<G, Map<string, GroupTimeliness>>> {
  if (which.periodIds.length === 0 || which.by.length === 0) return timelinessFromJson([], which.by);
  return timelinessFromJson((await readTogether(db, { t: timelinessPart(which) })).t, which.by);
}

/**
 * readTimeliness as a part of a request's one statement (readTogether): the periods are ids,
 * or a subquery giving them (the request's own choice of periods, made in the same statement).
 */
export function timelinessPart<G extends TimelinessGrouping>({
  tenantId,
  periodIds,
  today,
  by,
}: {
  tenantId: string;
  periodIds: readonly string[] | SQL;
  today: string;
  by: readonly G[];
}): SQL {
  if ((Array.isArray(periodIds) && periodIds.length === 0) || by.length === 0) return sql`'[]'::json`;
  const byUnit = by.includes("unit" as G);
  // Added up first, then named: a unit's name is looked up once per unit, not once per row
  // (a province plan's units over its periods are thousands of rows).
  // The periods with their due dates first (a handful), then their rows: joined the other way
  // round, the planner looked each row's period up again (a misestimate: most periods have one
  // row, a province plan's have a hundred).
  return sql`(WITH rp AS MATERIALIZED (SELECT id, due_date FROM reporting_periods
                                      WHERE tenant_id = ${tenantId} AND id IN (${periodList(periodIds)}))
      SELECT coalesce(json_agg(json_build_array(x.unit_id::text, x.plan_code, x.period_id::text,
                     ${byUnit ? sql`u.name` : sql`NULL`}, x.rows, x.received, x.expected, x.on_time, x.late,
                     x.missing)), '[]') FROM (
        SELECT ${sql.raw(
          (["unit", "plan", "period"] as const)
            .map(
              (g) =>
                `${by.includes(g as G) ? `s.${GROUP_COLUMN[g]}` : `NULL::${g === "plan" ? "text" : "uuid"}`} AS ${GROUP_COLUMN[g]}`,
            )
            .join(", "),
        )},
               count(*)::int AS rows,
               count(*) FILTER (WHERE s.status IN ('submitted', 'approved'))::int AS received,
               count(*) FILTER (WHERE s.days_late IS NOT NULL OR rp.due_date < ${today})::int AS expected,
               count(*) FILTER (WHERE s.days_late = 0)::int AS on_time,
               count(*) FILTER (WHERE s.days_late > 0)::int AS late,
               count(*) FILTER (WHERE s.days_late IS NULL AND rp.due_date < ${today})::int AS missing
          FROM rp JOIN reporting_status s ON s.tenant_id = ${tenantId} AND s.period_id = rp.id
         GROUP BY GROUPING SETS (${sql.raw(by.map((g) => `(s.${GROUP_COLUMN[g]})`).join(", "))})) x
      ${byUnit ? sql`LEFT JOIN org_units u ON u.tenant_id = ${tenantId} AND u.id = x.unit_id` : sql``})`;
}

type TimelinessJson = [
  string | null,
  string | null,
  string | null,
  string | null,
  number,
  number,
  number,
  number,
  number,
  number,
];

export function timelinessFromJson<G extends TimelinessGrouping>(
  value: unknown,
  by: readonly G[],
): Record<G, Map<string, GroupTimeliness>> {
  const out = Object.fromEntries(by.map((g) => [g, new Map()])) as Record<G, Map<string, GroupTimeliness>>;
  for (const [
    unitId,
    planCode,
    periodId,
    name,
    rows,
    received,
    expected,
    onTime,
    late,
    missing,
  ] of value as TimelinessJson[]) {
    const totals = { name, rows, received, expected, onTime, late, missing };
    const ids = { unit: unitId, plan: planCode, period: periodId };
    for (const g of by) {
      const id = ids[g];
      if (id !== null) out[g].set(id, g === "unit" ? totals : { ...totals, name: null });
    }
  }
  return out;
}
