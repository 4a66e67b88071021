import type { TConfirmImplements } from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type PlanRow, plans } from "../../db/schema.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { checkPlanLinks, editableDraft } from "../plans/review-items.ts";

/**
 * Xác nhận kế hoạch cấp trên — in review, the focal officer confirms the plan this draft
 * implements (the import read it from the legal basis) or changes it, or says it implements
 * none. The plan must be another plan of the province.
 */
export async function confirmImplements(
  db: Database,
  { actor, code, input }: { actor: Actor; code: string; input: TConfirmImplements },
): Promise<PlanRow> {
  return db.transaction(async (tx) => {
    const plan = await editableDraft(tx, actor, code);
    const target = input.implementsPlanCode;
    await checkPlanLinks(tx, plan, [target]);
    const [after] = await tx
      .update(plans)
      .set({
        implementsPlanCode: target,
        implementsConfirmedBy: actor.id,
        implementsConfirmedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(and(eq(plans.tenantId, plan.tenantId), eq(plans.id, plan.id)))
      .returning();
    await recordAudit(tx, {
      tenantId: plan.tenantId,
      actorId: actor.id,
      action: "plan.implements.confirm",
      entity: "plan",
      entityId: plan.id,
      unitId: plan.unitId,
      before: { implementsPlanCode: plan.implementsPlanCode },
      after: { implementsPlanCode: target },
    });
    return after;
  });
}
