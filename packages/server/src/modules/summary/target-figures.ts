/**
 * Chỉ số tổng hợp — each target's figure per plan × period, kept in `target_figures`
 * so the dashboard, the province view and the public page read them instead of rolling
 * up every unit's report on each request (issue 15).
 *
 * The figure is the domain's (attainment/roll-up.ts `periodFigure`), computed here from
 * the same rows, in the same order, as the on-request roll-up reads; every operation that
 * changes what counts (a report's transition, a plan's published version, a report's
 * unit) rewrites the periods it touched in its own transaction, so a read never lags.
 */

import { type PeriodFigure, periodFigure, type ReportedValue } from "@dtplan/domain/attainment/roll-up.ts";
import type { IndicatorAggregation } from "@dtplan/domain/indicators/catalogue.ts";
import { and, asc, eq, inArray, type Placeholder, type SQL, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";
import { readTogether } from "../../db/json-rows.ts";
import {
  indicators,
  plans,
  planTargets,
  reportingPeriods,
  targetFigures,
  unitReportValues,
} from "../../db/schema.ts";
import { sqlList, uuidSet } from "../../db/sql.ts";

export type CountedStatus = "submitted" | "approved";

/** A unit's figure for a target in a period, from a counted report. */
export interface ReportedFigure extends ReportedValue {
  periodId: string;
  targetKey: string;
  status: CountedStatus;
}

/**
 * The figures of submitted and approved reports in `periodIds` (a draft or returned report
 * does not count), in one order: the roll-up's sums do not depend on how the rows came.
 */
export async function reportedFigures(
  db: Database,
  tenantId: string,
  periodIds: readonly string[],
  statuses: readonly CountedStatus[] = ["submitted", "approved"],
  /** Only these targets' figures (all when omitted). */
  targetKeys?: readonly string[],
): Promise<ReportedFigure[]> {
  if (periodIds.length === 0 || targetKeys?.length === 0) return [];
  // One JSON array rather than a row each: a period's figures are thousands of rows, and
  // parsing them one by one (with a Date each) cost more than the statement.
  const [row] = await queryRows<{
    figures:
      | [string, string, string, CountedStatus, number | null, number | null, number | null, string][]
      | null;
  }>(
    db,
    sql`SELECT json_agg(json_build_array(r.period_id, v.target_key, r.unit_id, r.status, v.numerator, v.denominator,
                 v.value, to_char(coalesce(r.submitted_at, r.updated_at) AT TIME ZONE 'UTC',
                                  'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                 ORDER BY r.period_id, v.target_key, r.unit_id) AS figures
          FROM unit_report_values v
          JOIN unit_reports r ON r.tenant_id = v.tenant_id AND r.id = v.report_id
         WHERE v.tenant_id = ${tenantId} AND r.tenant_id = ${tenantId}
           AND r.period_id IN ${sqlList([...periodIds])} AND r.status IN ${sqlList([...statuses])}
           ${targetKeys ? sql`AND v.target_key IN ${sqlList([...targetKeys])}` : sql``}`,
  );
  return (row.figures ?? []).map(
    ([periodId, targetKey, unitId, status, numerator, denominator, value, at]) => ({
      periodId,
      targetKey,
      unitId,
      status,
      numerator,
      denominator,
      value,
      reportedAt: at,
    }),
  );
}

/** Figures grouped by period, then target (the order of `figures` kept within each group). */
export function groupFigures<F extends ReportedFigure>(figures: readonly F[]): Map<string, Map<string, F[]>> {
  const out = new Map<string, Map<string, F[]>>();
  for (const f of figures) {
    const byTarget = out.get(f.periodId) ?? new Map<string, F[]>();
    out.set(f.periodId, byTarget);
    const list = byTarget.get(f.targetKey);
    if (list) list.push(f);
    else byTarget.set(f.targetKey, [f]);
  }
  return out;
}

/** The indicator rule of each target of the plan's version in force (published), or of every plan's. */
async function aggregationsOf(
  tx: Database,
  tenantId: string,
  planCode?: string,
): Promise<Map<string, IndicatorAggregation>> {
  const rows = await tx
    .select({ key: planTargets.key, aggregation: indicators.aggregation })
    .from(planTargets)
    .innerJoin(plans, and(eq(plans.tenantId, planTargets.tenantId), eq(plans.id, planTargets.planId)))
    .innerJoin(
      indicators,
      and(eq(indicators.tenantId, planTargets.tenantId), eq(indicators.code, planTargets.indicatorCode)),
    )
    .where(
      and(
        eq(planTargets.tenantId, tenantId),
        eq(plans.tenantId, tenantId),
        eq(indicators.tenantId, tenantId),
        planCode === undefined ? undefined : eq(plans.code, planCode),
        eq(plans.status, "published"),
      ),
    );
  return new Map(rows.map((r) => [r.key, r.aggregation as IndicatorAggregation]));
}

/**
 * Rewrites the stored figures of the plan `planCode` in `periodIds` (all its periods when
 * omitted), from its counted reports and the targets of its published version — only the
 * targets `reportId` has figures for when it is given (one report changed: the others'
 * figures did not). Call it in the transaction that changed them.
 */
export async function refreshTargetFigures(
  tx: Database,
  {
    tenantId,
    planCode,
    periodIds,
    periodsLocked,
    reportId,
    targetKeys,
    aggregations: known,
  }: {
    tenantId: string;
    planCode: string;
    periodIds?: readonly string[];
    /** The caller has locked the rows of `periodIds` in this transaction already. */
    periodsLocked?: boolean;
    reportId?: string;
    /** The targets `reportId` has figures for, when the caller has just read them. */
    targetKeys?: readonly string[];
    /** The indicator rule of each target of the published version, when the caller has it. */
    aggregations?: ReadonlyMap<string, IndicatorAggregation>;
  },
): Promise<void> {
  const keys = targetKeys
    ? [...targetKeys]
    : reportId
      ? (
          await tx
            .select({ key: unitReportValues.targetKey })
            .from(unitReportValues)
            .where(and(eq(unitReportValues.tenantId, tenantId), eq(unitReportValues.reportId, reportId)))
        ).map((v) => v.key)
      : undefined;
  // A report without figures changes no stored figure.
  if (keys?.length === 0) return;
  // The periods' rows are locked before the figures are read: two reports of one period
  // submitted at once rewrite its figures one after the other, the second reading what the
  // first committed.
  const ids =
    periodsLocked && periodIds
      ? [...periodIds]
      : await lockPeriods(tx, tenantId, periodIds ? { periodIds } : { planCode });
  if (ids.length === 0) return;
  const [aggregations, figures] = await Promise.all([
    known ?? aggregationsOf(tx, tenantId, planCode),
    reportedFigures(tx, tenantId, ids, undefined, keys),
  ]);
  const rows = figureRows(tenantId, () => planCode, aggregations, figures);
  const replaced = and(
    eq(targetFigures.tenantId, tenantId),
    inArray(targetFigures.periodId, [...ids]),
    keys ? inArray(targetFigures.targetKey, keys) : undefined,
  );
  if (rows.length > FIGURE_ROWS_A_STATEMENT) {
    await tx.delete(targetFigures).where(replaced);
    await insertFigureRows(tx, rows);
    return;
  }
  // One statement: the rows that no longer hold a figure go, the others are written over
  // (disjoint rows, so the two parts cannot meet); the rows travel as JSON (see insertFigureRows).
  await tx.execute(sql`
    WITH x AS (SELECT * FROM ${figureRecordset(JSON.stringify(rows))}),
    gone AS (DELETE FROM target_figures WHERE ${replaced}
               AND NOT EXISTS (SELECT 1 FROM x WHERE x."periodId" = target_figures.period_id
                                AND x."targetKey" = target_figures.target_key
                                AND x."approvedOnly" = target_figures.approved_only))
    INSERT INTO target_figures (tenant_id, plan_code, period_id, target_key, approved_only, value,
                                numerator, denominator, reporting_units, refreshed_at)
    SELECT x."tenantId", x."planCode", x."periodId", x."targetKey", x."approvedOnly", x.value,
           x.numerator, x.denominator, x."reportingUnits", x."refreshedAt" FROM x
    ON CONFLICT (tenant_id, period_id, target_key, approved_only) DO UPDATE
       SET plan_code = excluded.plan_code, value = excluded.value, numerator = excluded.numerator,
           denominator = excluded.denominator, reporting_units = excluded.reporting_units,
           refreshed_at = excluded.refreshed_at`);
}

/** The periods' rows locked in id order (two transactions lock them in the same order); their ids. */
async function lockPeriods(
  tx: Database,
  tenantId: string,
  which: { periodIds: readonly string[] } | { planCode: string },
): Promise<string[]> {
  return (
    await tx
      .select({ id: reportingPeriods.id })
      .from(reportingPeriods)
      .where(
        and(
          eq(reportingPeriods.tenantId, tenantId),
          "periodIds" in which
            ? inArray(reportingPeriods.id, [...which.periodIds])
            : eq(reportingPeriods.planCode, which.planCode),
        ),
      )
      .orderBy(asc(reportingPeriods.id))
      .for("update")
  ).map((p) => p.id);
}

/** The stored rows of counted figures: per period and target, all reports in and approved only. */
function figureRows(
  tenantId: string,
  planCodeOf: (periodId: string) => string,
  aggregations: ReadonlyMap<string, IndicatorAggregation>,
  figures: readonly ReportedFigure[],
): (typeof targetFigures.$inferInsert)[] {
  const now = new Date();
  const rows: (typeof targetFigures.$inferInsert)[] = [];
  const add = (
    periodId: string,
    targetKey: string,
    approvedOnly: boolean,
    list: readonly ReportedFigure[],
  ) => {
    if (list.length === 0) return;
    rows.push({
      tenantId,
      planCode: planCodeOf(periodId),
      periodId,
      targetKey,
      approvedOnly,
      ...periodFigure(list, aggregations.get(targetKey) ?? null),
      refreshedAt: now,
    });
  };
  for (const [periodId, byTarget] of groupFigures(figures)) {
    for (const [targetKey, list] of byTarget) {
      add(periodId, targetKey, false, list);
      add(
        periodId,
        targetKey,
        true,
        list.filter((f) => f.status === "approved"),
      );
    }
  }
  return rows;
}

/**
 * Stored figure rows as JSON, 20,000 rows a statement: a multi-row insert cost ~0.14 ms a row
 * to build and send (a submission's ~60 rows: most of its time), the JSON a fraction of that.
 */
async function insertFigureRows(tx: Database, rows: readonly (typeof targetFigures.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += FIGURE_ROWS_A_STATEMENT) {
    const chunk = JSON.stringify(rows.slice(i, i + FIGURE_ROWS_A_STATEMENT));
    await tx.execute(sql`
      INSERT INTO target_figures (tenant_id, plan_code, period_id, target_key, approved_only, value,
                                  numerator, denominator, reporting_units, refreshed_at)
      SELECT x."tenantId", x."planCode", x."periodId", x."targetKey", x."approvedOnly", x.value,
             x.numerator, x.denominator, x."reportingUnits", x."refreshedAt"
        FROM ${figureRecordset(chunk)}`);
  }
}

const FIGURE_ROWS_A_STATEMENT = 20_000;

/** Stored figure rows sent as one JSON text, as a table `x` of the statement. */
const figureRecordset = (json: string) =>
  sql`json_to_recordset(${json}::json) AS x ("tenantId" uuid, "planCode" text, "periodId" uuid,
      "targetKey" uuid, "approvedOnly" boolean, value double precision, numerator double precision,
      denominator double precision, "reportingUnits" integer, "refreshedAt" timestamptz)`;

/**
 * Rewrites the stored figures of every published plan of the province at once, for rows
 * written straight into the tables (the scale benchmark's generator): one read of the
 * counted figures for all its periods instead of one per plan; the same rows as
 * `refreshTargetFigures` plan by plan.
 */
export async function refreshTenantTargetFigures(tx: Database, tenantId: string): Promise<void> {
  const periods = await tx
    .select({ id: reportingPeriods.id, planCode: reportingPeriods.planCode })
    .from(reportingPeriods)
    .where(
      and(
        eq(reportingPeriods.tenantId, tenantId),
        inArray(
          reportingPeriods.planCode,
          tx
            .select({ code: plans.code })
            .from(plans)
            .where(and(eq(plans.tenantId, tenantId), eq(plans.status, "published"))),
        ),
      ),
    )
    .orderBy(asc(reportingPeriods.id))
    .for("update");
  if (periods.length === 0) return;
  const planOf = new Map(periods.map((p) => [p.id, p.planCode]));
  const [aggregations, figures] = await Promise.all([
    aggregationsOf(tx, tenantId),
    reportedFigures(tx, tenantId, [...planOf.keys()]),
  ]);
  const rows = figureRows(tenantId, (periodId) => planOf.get(periodId) as string, aggregations, figures);
  await tx
    .delete(targetFigures)
    .where(and(eq(targetFigures.tenantId, tenantId), inArray(targetFigures.periodId, [...planOf.keys()])));
  await insertFigureRows(tx, rows);
}

interface FiguresOf {
  /** A value, or a placeholder of a statement compiled once (preparedRead). */
  tenantId: string | Placeholder;
  planCode?: string | Placeholder;
  periodIds?: readonly string[];
  /** One period: a subquery giving its id. */
  period?: SQL;
  approvedOnly: boolean;
}

/** Stored figures of the plan `planCode`, or of the periods `periodIds`: period → target → figure (absent: no unit sent one). */
export async function readTargetFigures(
  db: Database,
  which: FiguresOf,
): Promise<Map<string, Map<string, PeriodFigure>>> {
  if (which.periodIds?.length === 0) return new Map();
  return figuresFromJson((await readTogether(db, { figures: targetFiguresPart(which) })).figures);
}

/** readTargetFigures as a part of a request's one statement (readTogether); figuresFromJson reads its answer. */
export function targetFiguresPart({ tenantId, planCode, periodIds, period, approvedOnly }: FiguresOf): SQL {
  if (periodIds?.length === 0) return sql`'[]'::json`;
  return sql`(SELECT coalesce(json_agg(json_build_array(${targetFigures.periodId}, ${targetFigures.targetKey},
                 ${targetFigures.value}, ${targetFigures.numerator}, ${targetFigures.denominator},
                 ${targetFigures.reportingUnits})), '[]')
     FROM ${targetFigures}
    WHERE ${and(
      eq(targetFigures.tenantId, tenantId),
      planCode !== undefined ? eq(targetFigures.planCode, planCode) : undefined,
      periodIds ? sql`${targetFigures.periodId} IN (${uuidSet(periodIds)})` : undefined,
      period ? sql`${targetFigures.periodId} = ${period}` : undefined,
      eq(targetFigures.approvedOnly, approvedOnly),
    )})`;
}

type FigureJson = [string, string, number | null, number | null, number | null, number];

export function figuresFromJson(value: unknown): Map<string, Map<string, PeriodFigure>> {
  const out = new Map<string, Map<string, PeriodFigure>>();
  for (const [periodId, targetKey, v, numerator, denominator, reportingUnits] of value as FigureJson[]) {
    let byTarget = out.get(periodId);
    if (!byTarget) {
      byTarget = new Map<string, PeriodFigure>();
      out.set(periodId, byTarget);
    }
    byTarget.set(targetKey, { value: v, numerator, denominator, reportingUnits });
  }
  return out;
}
