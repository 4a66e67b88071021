import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type PlanTargetLinkRow, planLegalBases, planTargetLinks } from "../../db/schema.ts";

/** The confirmed links of the given implementing plans (codes). */
export async function linksOfPlans(
  db: Database,
  tenantId: string,
  planCodes: readonly string[],
): Promise<PlanTargetLinkRow[]> {
  if (planCodes.length === 0) return [];
  return db
    .select()
    .from(planTargetLinks)
    .where(and(eq(planTargetLinks.tenantId, tenantId), inArray(planTargetLinks.planCode, [...planCodes])));
}

/** Stores the focal officer's choice for each target (replacing an earlier one). */
export async function saveLinks(
  db: Database,
  rows: readonly Omit<PlanTargetLinkRow, "confirmedAt">[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(planTargetLinks)
    .values(rows.map((r) => ({ ...r, confirmedAt: new Date() })))
    .onConflictDoUpdate({
      target: [planTargetLinks.tenantId, planTargetLinks.planCode, planTargetLinks.targetKey],
      set: {
        higherPlanCode: sql`excluded.higher_plan_code`,
        higherTargetKey: sql`excluded.higher_target_key`,
        confirmedBy: sql`excluded.confirmed_by`,
        confirmedAt: sql`excluded.confirmed_at`,
      },
    });
}

/** The text of the plan version's legal basis that cites `linkedPlanCode` ("Căn cứ Kế hoạch số …"). */
export async function legalBasisCiting(
  db: Database,
  plan: { tenantId: string; id: string },
  linkedPlanCode: string,
): Promise<string | null> {
  const [row] = await db
    .select({ text: planLegalBases.text })
    .from(planLegalBases)
    .where(
      and(
        eq(planLegalBases.tenantId, plan.tenantId),
        eq(planLegalBases.planId, plan.id),
        eq(planLegalBases.linkedPlanCode, linkedPlanCode),
      ),
    )
    .orderBy(planLegalBases.position)
    .limit(1);
  return row?.text ?? null;
}
