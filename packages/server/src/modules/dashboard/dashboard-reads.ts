import type { TDashboardTargetDetail, TPlanDashboard } from "@dtplan/contracts";
import type { Database } from "../../db/database.ts";
import { todayIso } from "../../db/sql.ts";
import { overseesUnit } from "../access/access.ts";
import type { Actor } from "../access/actor.ts";
import { reportingPlan, reportingPlanWith } from "../reporting/reporting.guards.ts";
import { dashboardParts, planDashboard } from "./plan-dashboard.ts";
import { dashboardTarget } from "./target-drill-down.ts";

interface DashboardRead {
  actor: Actor;
  code: string;
  periodKey?: string;
  nearThreshold: number;
  now?: Date;
}

/** Bảng điều hành of a plan: whoever reads the plan sees it (404 otherwise). */
export async function readPlanDashboard(
  db: Database,
  { actor, code, ...opts }: DashboardRead,
): Promise<TPlanDashboard> {
  // The plan, the caller's rights on it and the dashboard's data in one statement.
  const now = opts.now ?? new Date();
  const today = todayIso(now);
  const { ctx, more } = await reportingPlanWith(
    db,
    actor,
    code,
    (plan) => dashboardParts(plan, { periodKey: opts.periodKey, today, units: true }),
    JSON.stringify(["dashboard", opts.periodKey ?? null, today]),
  );
  return planDashboard(db, { ctx, ...opts, now, read: more });
}

/**
 * One target: its goal and the plan's result over the periods, as the dashboard shows them to
 * whoever reads the plan, and its figure in each unit, approved or not — every unit for the
 * period's reviewers and the province viewer, only the caller's own units for anyone else.
 */
export async function readDashboardTarget(
  db: Database,
  { actor, code, targetKey, ...opts }: DashboardRead & { targetKey: string },
): Promise<TDashboardTargetDetail> {
  const ctx = await reportingPlan(db, actor, code);
  const ownUnitsOnly = !(await overseesUnit(db, ctx.actor, ctx.plan.unitId));
  return dashboardTarget(db, { ctx, targetKey, ownUnitsOnly, ...opts });
}
