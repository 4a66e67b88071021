import type { TConsolidatedReport } from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type PlanRow, plans } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { pathIn } from "../access/tree-access.ts";
import { type ReportingPlan, reportingPlan } from "../reporting/reporting.guards.ts";
import { loadUnits, userNames } from "../reporting/reporting.repository.ts";
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
 * The command line generates without a login: the published plan of that code as the
 * system of its own tenant. Several tenants using one code must be told apart.
 */
export async function systemReportingPlan(db: Database, code: string): Promise<ReportingPlan> {
  const rows = await db
    .select()
    .from(plans)
    .where(and(eq(plans.code, code), eq(plans.status, "published")));
  if (rows.length === 0) {
    throw new AppError("not_found", `Không có kế hoạch đã ban hành mã "${code}".`);
  }
  if (new Set(rows.map((r) => r.tenantId)).size > 1) {
    throw new AppError("conflict", `Mã kế hoạch "${code}" có ở nhiều tỉnh; không xác định được kế hoạch.`);
  }
  const plan = rows[0];
  const actor: Actor = {
    id: "00000000-0000-0000-0000-000000000000",
    tenantId: plan.tenantId,
    username: "dtplan-cli",
    fullName: "dtplan (dòng lệnh)",
    email: null,
    isSuperadmin: false,
    grants: [{ tenantId: plan.tenantId, unitId: plan.unitId, role: "leader", unitName: "" }],
    session: { id: "cli", tenantId: plan.tenantId, csrfToken: "" },
  };
  return { plan, actor, canReview: false };
}

async function provinceNameOf(db: Database, plan: PlanRow): Promise<string | null> {
  const units = await loadUnits(db, plan.tenantId);
  const root = pathIn(units, plan.unitId).at(-1);
  return root ? (units.get(root)?.name ?? null) : null;
}

/**
 * Báo cáo tổng hợp of a period: the tables from the current data, the narrative as last
 * saved (or its defaults until then), and whether the caller may edit it.
 */
export async function consolidatedReport(
  db: Database,
  {
    ctx,
    periodKey,
    nearThreshold,
    now = new Date(),
  }: { ctx: ReportingPlan; periodKey: string; nearThreshold: number; now?: Date },
): Promise<TConsolidatedReport> {
  const data = await gatherConsolidated(db, { plan: ctx.plan, periodKey, nearThreshold, now });
  const saved = await findNarrative(db, ctx.plan, periodKey);
  const narrative = saved
    ? presentNarrative(saved)
    : defaultNarrative(data, { plan: ctx.plan, provinceName: await provinceNameOf(db, ctx.plan) }, now);
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
    can: { edit: ctx.canReview },
  };
}
