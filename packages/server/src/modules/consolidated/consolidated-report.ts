import type { TConsolidatedReport } from "@dtplan/contracts";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { jsonRows, readTogether, rowsFromJson } from "../../db/json-rows.ts";
import { consolidatedReports, type OrgUnitRow, type PlanHead, plans } from "../../db/schema.ts";
import { acrossTenants } from "../../db/sql.ts";
import { AppError } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import {
  type PlanRef,
  planRef,
  type ReportingPlan,
  reportingPlan,
  reportingPlanWith,
} from "../reporting/reporting.guards.ts";
import { consolidatedParts, gatherConsolidated } from "./gather-consolidated.ts";
import { defaultNarrative, presentNarrative } from "./narrative.ts";

/**
 * The plan behind `/plans/:code/periods/:key/consolidated`: read with plans.read on the
 * plan (404 otherwise, as for any plan); the narrative is edited by whoever reviews the
 * plan's reports (reports.review on its unit: the focal officer and the leader).
 */
export async function consolidatedPlan(db: Database, actor: Actor, code: string): Promise<ReportingPlan> {
  return reportingPlan(db, actor, code);
}

/**
 * consolidatedPlan with the report of period `periodKey` read in the same statement (null when
 * the caller works in several provinces: consolidatedReport then reads it).
 */
export async function consolidatedPlanWith(
  db: Database,
  actor: Actor,
  code: string,
  periodKey: string,
): Promise<{ ctx: ReportingPlan; read: Record<string, unknown> | null }> {
  const { ctx, more } = await reportingPlanWith(
    db,
    actor,
    code,
    (plan) => consolidatedReportParts(plan, periodKey, true),
    // The parts hold the period's key besides the province and code: built once per key.
    JSON.stringify(["consolidated", periodKey]),
  );
  return { ctx, read: more };
}

/**
 * What the report reads, in one statement: its data (consolidatedParts), the narrative as
 * saved, who saved it and the province's name.
 */
function consolidatedReportParts(plan: PlanRef, periodKey: string, units?: unknown): Record<string, SQL> {
  const t = plan.tenantId;
  return {
    ...consolidatedParts(plan, periodKey, units),
    narrative: jsonRows(
      consolidatedReports,
      and(
        eq(consolidatedReports.tenantId, t),
        eq(consolidatedReports.planCode, plan.code),
        eq(consolidatedReports.periodKey, periodKey),
      ),
    ),
    // users is a reference table (no tenant_id filter needed): the name of who saved it.
    savedBy: sql`(SELECT u.full_name FROM users u WHERE u.id = (SELECT n.updated_by FROM consolidated_reports n
                   WHERE n.tenant_id = ${t} AND n.plan_code = ${plan.code} AND n.period_key = ${periodKey}))`,
    province: sql`(SELECT p.name FROM org_units p WHERE p.tenant_id = ${t} AND p.id = ${t})`,
  };
}

/**
 * The published plan of a code, looked up without a caller — for the command line,
 * which runs as the system on the server's own database, not as a signed-in user.
 * Several tenants using one code must be told apart.
 */
export async function publishedPlanByCode(db: Database, code: string): Promise<PlanHead> {
  const rows = await db
    .select()
    .from(plans)
    .where(
      acrossTenants(
        "the command line names a plan by code alone",
        and(eq(plans.code, code), eq(plans.status, "published")),
      ),
    );
  if (rows.length === 0) {
    throw new AppError("not_found", `Không có kế hoạch đã ban hành mã "${code}".`);
  }
  if (new Set(rows.map((r) => r.tenantId)).size > 1) {
    throw new AppError("conflict", `Mã kế hoạch "${code}" có ở nhiều tỉnh; không xác định được kế hoạch.`);
  }
  return rows[0];
}

/**
 * Báo cáo tổng hợp of a period: the tables from the current data, the narrative as last
 * saved (or its defaults until then), and whether the caller may edit it.
 */
export async function consolidatedReport(
  db: Database,
  {
    plan,
    periodKey,
    nearThreshold,
    canEdit,
    now = new Date(),
    units,
    read,
  }: {
    plan: PlanHead;
    periodKey: string;
    nearThreshold: number;
    /** Whether the caller may edit the narrative (the command line only reads). */
    canEdit: boolean;
    now?: Date;
    /** The province's units when the caller has them already (reportingPlan read them). */
    units?: Map<string, OrgUnitRow>;
    /** consolidatedReportParts' answer when the caller read it with the plan (consolidatedPlanWith). */
    read?: Record<string, unknown> | null;
  },
): Promise<TConsolidatedReport> {
  const more = read ?? (await readTogether(db, consolidatedReportParts(planRef(plan), periodKey, units)));
  const data = gatherConsolidated({ plan, periodKey, nearThreshold, now, units, read: more });
  const [saved = null] = rowsFromJson(consolidatedReports, more.narrative);
  const provinceName = (more.province as string | null) ?? null;
  const narrative = saved ? presentNarrative(saved) : defaultNarrative(data, { plan, provinceName }, now);
  const names = new Map<string, string>(
    saved?.updatedBy && typeof more.savedBy === "string" ? [[saved.updatedBy, more.savedBy]] : [],
  );
  return {
    ...data,
    narrative,
    saved: saved
      ? {
          version: saved.version,
          updatedAt: saved.updatedAt.toISOString(),
          updatedBy: saved.updatedBy
            ? { id: saved.updatedBy, name: names.get(saved.updatedBy) ?? "—" }
            : null,
        }
      : null,
    version: saved?.version ?? 0,
    can: { edit: canEdit },
  };
}
