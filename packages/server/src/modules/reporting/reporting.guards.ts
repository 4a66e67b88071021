import { isAllowed } from "@dtplan/domain/access/access.ts";
import { reportingUnits } from "@dtplan/domain/reporting/who-reports.ts";
import { type SQL, sql } from "drizzle-orm";
import { atSnapshot } from "../../db/data-snapshot.ts";
import type { Database } from "../../db/database.ts";
import type { OrgUnitRow, PlanHead, ReportingPeriodRow } from "../../db/schema.ts";
import { conflict, forbidden, notFound } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { can } from "../access/tree-access.ts";
import { readablePlanVersionsWithUnits, readableVersions } from "../plans/plan-access.ts";
import { loadUnits, type ReportingBasis, type ReportingUnit } from "./reporting.repository.ts";

/** The published plan behind `/plans/:code/…` and what the caller may do on its reporting. */
export interface ReportingPlan {
  plan: PlanHead;
  actor: Actor;
  /** Return, approve, reopen, adjust periods (reports.review on the plan's unit). */
  canReview: boolean;
  /** Manage the plan (plans.manage on its unit): the focal officer, who enters the reports of units without an account. */
  canManage: boolean;
  /** The province's units, as read to decide the two above (the report's scope reuses them). */
  units?: Map<string, OrgUnitRow>;
}

/** Periods belong to the published plan; a draft has none yet. 404 when the plan is not readable. */
export async function reportingPlan(db: Database, actor: Actor, code: string): Promise<ReportingPlan> {
  // Read once per database snapshot for this caller (their grants decide what they read).
  const found = await atSnapshot(db, actor.readAt, `reportingPlan|${callerKey(actor)}|${code}`, async () => {
    const { rows, units } = await readablePlanVersionsWithUnits(db, actor, code);
    const { actor: _, ...rest } = await planContext(db, actor, rows, units);
    return rest;
  });
  return { ...found, actor };
}

/** `reportingPlan` from the plan's versions in a province read with the caller's own statement. */
export async function reportingPlanOf(
  db: Database,
  actor: Actor,
  versions: PlanHead[],
): Promise<ReportingPlan> {
  return planContext(db, actor, await readableVersions(db, actor, versions), null);
}

/**
 * What the caller may do on the published version of `rows`: judged on the province's units
 * when they were read with the plan, else on the grants' reach read with the session.
 */
async function planContext(
  db: Database,
  actor: Actor,
  rows: readonly PlanHead[],
  read: Map<string, OrgUnitRow> | null,
): Promise<ReportingPlan> {
  const plan = rows.find((r) => r.status === "published");
  if (!plan) throw conflict("Kế hoạch chưa ban hành nên chưa có kỳ báo cáo.");
  if (!read && actor.reach) {
    // The grants' reach read with the session: a grant on the plan's unit or above it
    // makes it reach the unit (none does when the unit lies outside every grant's subtree).
    const path = [plan.unitId, ...(actor.reach.under.get(plan.unitId) ?? [])];
    return {
      plan,
      actor,
      canReview: isAllowed(actor.grants, "reports.review", path),
      canManage: isAllowed(actor.grants, "plans.manage", path),
    };
  }
  const units = read ?? (await loadUnits(db, plan.tenantId));
  return {
    plan,
    actor,
    canReview: can(actor, "reports.review", units, plan.unitId),
    canManage: can(actor, "plans.manage", units, plan.unitId),
    units,
  };
}

/** The published plan's place in a statement that reads it: its province, code and id (a subquery). */
export interface PlanRef {
  tenantId: string;
  code: string;
  planId: SQL;
}

/** A plan in hand as a PlanRef. */
export const planRef = (plan: Pick<PlanHead, "tenantId" | "code" | "id">): PlanRef => ({
  tenantId: plan.tenantId,
  code: plan.code,
  planId: sql`${plan.id}`,
});

/** The id of the published version of plan `code` in province `tenantId`, as reportingPlan picks it. */
export const publishedPlanId = (tenantId: string, code: string): SQL =>
  sql`(SELECT pv.id FROM plans pv WHERE pv.tenant_id = ${tenantId} AND pv.code = ${code}
        AND pv.status = 'published' ORDER BY pv.version DESC LIMIT 1)`;

/**
 * reportingPlan with the request's own data read in the same statement (`more`: parts of
 * readTogether over the published version) when the caller works in one province; the
 * data is null otherwise, and the caller reads it after, with the plan in hand.
 */
export async function reportingPlanWith<K extends string>(
  db: Database,
  actor: Actor,
  code: string,
  more: (plan: PlanRef) => Record<K, SQL>,
  /**
   * Names every value `more` puts in its parts besides the province and the plan's code (the
   * period asked for, today …): the statement is then built once per key (readTogetherBuiltOnce).
   */
  moreKey?: string,
): Promise<{ ctx: ReportingPlan; more: Record<K, unknown> | null }> {
  const {
    rows,
    units,
    more: read,
  } = await readablePlanVersionsWithUnits(
    db,
    actor,
    code,
    (tenantId) => ({
      ...more({ tenantId, code, planId: publishedPlanId(tenantId, code) }),
      read_plan_id: publishedPlanId(tenantId, code),
    }),
    moreKey,
  );
  const ctx = await planContext(db, actor, rows, units);
  // The data was read for the version the statement picked: the one reportingPlan picks.
  return { ctx, more: read && read.read_plan_id === ctx.plan.id ? (read as Record<K, unknown>) : null };
}

/** Who reads, for a read kept per snapshot: the user and the province they chose. */
export const callerKey = (actor: Actor): string => `${actor.id}|${actor.chosenTenantId ?? ""}`;

/**
 * Whether the caller reads a unit's report and figures in this plan: the unit's own reporter,
 * a reviewer of the plan, or someone who reads that unit. One rule for the report page, the
 * exports and a target's units.
 */
export function readsUnitReport(
  ctx: Pick<ReportingPlan, "actor" | "canReview">,
  units: ReadonlyMap<string, OrgUnitRow>,
  unitId: string,
): boolean {
  return (
    ctx.canReview ||
    can(ctx.actor, "reports.submit", units, unitId) ||
    can(ctx.actor, "plans.read", units, unitId)
  );
}

/** A unit that reports in the period, and whether the caller may read or write its report. */
export function reportingUnitOf(
  ctx: ReportingPlan,
  basis: ReportingBasis,
  period: ReportingPeriodRow,
  unitId: string,
): { ru: ReportingUnit; canEdit: boolean } {
  const ru = reportingUnits(basis, period).get(unitId);
  if (!ru) throw notFound("Đơn vị không phải báo cáo trong kỳ này.");
  const canEdit = can(ctx.actor, "reports.submit", basis.units, unitId);
  if (!canEdit && !readsUnitReport(ctx, basis.units, unitId))
    throw forbidden("Bạn chỉ xem được báo cáo của đơn vị mình.");
  return { ru, canEdit };
}
