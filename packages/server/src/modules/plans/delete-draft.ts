import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { plans, planVersions } from "../../db/schema.ts";
import { conflict } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { actorTenants, planNotFound } from "./plan-access.ts";
import { findPlanVersions } from "./plans.repository.ts";

/**
 * Xóa bản nháp: a draft imported by mistake goes, with its items (they cascade). A first
 * draft takes the plan with it; a draft amendment goes and the published version stays
 * in force. A published version is never deleted: it is amended. The log keeps what was
 * deleted (title, number, counts).
 */
export async function deleteDraftPlan(
  db: Database,
  { actor, code }: { actor: Actor; code: string },
): Promise<{ planRemains: boolean }> {
  return db.transaction(async (tx) => {
    const rows = await findPlanVersions(tx, actorTenants(actor), code, actor.tenantId);
    if (rows.length === 0) throw planNotFound();
    const draft = rows[0];
    if (draft.status !== "draft") {
      throw conflict(
        "Kế hoạch đã ban hành nên không xóa được; muốn thay đổi, hãy lập bản điều chỉnh, bổ sung.",
      );
    }
    await tx
      .delete(planVersions)
      .where(and(eq(planVersions.tenantId, draft.tenantId), eq(planVersions.planId, draft.id)));
    await tx.delete(plans).where(and(eq(plans.tenantId, draft.tenantId), eq(plans.id, draft.id)));
    await recordAudit(tx, {
      tenantId: draft.tenantId,
      actorId: actor.id,
      action: "plan.delete",
      entity: "plan",
      entityId: draft.id,
      unitId: draft.unitId,
      before: {
        title: draft.title,
        version: draft.version,
        documentNumber: draft.documentNumber,
        issuedDate: draft.issuedDate,
        unitId: draft.unitId,
        sourceFileName: draft.sourceFileName,
      },
    });
    return { planRemains: rows.length > 1 };
  });
}
