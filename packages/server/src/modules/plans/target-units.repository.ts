import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type PlanRow, type PlanTargetUnitRow, planTargetUnits } from "../../db/schema.ts";

/** Đơn vị báo cáo of every target of one plan version: the one source who reports what is read from. */
export async function loadTargetUnits(
  db: Database,
  plan: Pick<PlanRow, "tenantId" | "id">,
): Promise<PlanTargetUnitRow[]> {
  return db
    .select()
    .from(planTargetUnits)
    .where(and(eq(planTargetUnits.tenantId, plan.tenantId), eq(planTargetUnits.planId, plan.id)));
}
