import type { TConsolidatedReport } from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type PlanRow, plans } from "../../db/schema.ts";
import { acrossTenants } from "../../db/sql.ts";
import { AppError } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { findUnit } from "../org/org.repository.ts";
import { type ReportingPlan, reportingPlan } from "../reporting/reporting.guards.ts";
import { userNames } from "../reporting/reporting.repository.ts";
import { gatherConsolidated } from "./gather-consolidated.ts";
import { defaultNarrative, findNarrative, presentNarrative } from "./narrative.ts";

/**
 * The plan behind `/plans/:code/periods/:key/consolidated`: read with plans.read on the
 * plan (404 otherwise, as for any plan); the narrative is edited by whoever reviews the
 * plan's reports (reports.review on its unit: the focal officer and the leader).
 */
export async function consolidatedPlan(db: Database, actor: Actor, code: string): Promise<ReportingPlan> {
  return reportingPlan(db, actor, code);
}

/**
 * The published plan of a code, looked up without a caller — for the command line,
 * which runs as the system on the server's own database, not as a signed-in user.
 * Several tenants using one code must be told apart.
 */
export async function publishedPlanByCode(db: Database, code: string): Promise<PlanRow> {
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

/** The province's own name: its root unit's, whose id is the tenant's. */
async function provinceNameOf(db: Database, plan: PlanRow): Promise<string | null> {
  return (await findUnit(db, plan.tenantId, plan.tenantId))?.name ?? null;
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
  }: {
    plan: PlanRow;
    periodKey: string;
    nearThreshold: number;
    /** Whether the caller may edit the narrative (the command line only reads). */
    canEdit: boolean;
    now?: Date;
  },
): Promise<TConsolidatedReport> {
  const [data, saved, provinceName] = await Promise.all([
    gatherConsolidated(db, { plan, periodKey, nearThreshold, now }),
    findNarrative(db, plan, periodKey),
    provinceNameOf(db, plan),
  ]);
  const narrative = saved ? presentNarrative(saved) : defaultNarrative(data, { plan, provinceName }, now);
  const names = saved ? await userNames(db, [saved.updatedBy]) : new Map<string, string>();
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
