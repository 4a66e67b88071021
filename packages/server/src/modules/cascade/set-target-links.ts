import type { TSetTargetLinks } from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { plans, planTargets } from "../../db/schema.ts";
import { AppError, conflict } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { actorTenants, planNotFound } from "../plans/plan-access.ts";
import { findPlanVersions } from "../plans/plans.repository.ts";
import { saveLinks } from "./cascade.repository.ts";
import { plansInForce } from "./plan-cascade.ts";

/**
 * Xác nhận chỉ tiêu tương ứng — for targets of a plan that implements a higher plan, the
 * higher plan's target each serves (or none), as the focal officer confirms or changes the
 * suggestions. Stored by plan code and target key, so it holds for the draft under review, the
 * version in force and later amendments alike.
 */
export async function setTargetLinks(
  db: Database,
  { actor, code, input }: { actor: Actor; code: string; input: TSetTargetLinks },
): Promise<{ saved: number }> {
  return db.transaction(async (tx) => {
    const [plan] = await findPlanVersions(tx, actorTenants(actor), code, actor.tenantId);
    if (!plan) throw planNotFound();
    if (!plan.implementsPlanCode) {
      throw conflict("Kế hoạch chưa liên kết với kế hoạch cấp trên; hãy xác nhận kế hoạch cấp trên trước.");
    }
    const [higher] = await plansInForce(tx, plan.tenantId, eq(plans.code, plan.implementsPlanCode));
    if (!higher) throw conflict("Kế hoạch cấp trên chưa ban hành nên chưa có chỉ tiêu để liên kết.");
    const keysOf = async (planId: string) =>
      new Set(
        (
          await tx
            .select({ key: planTargets.key })
            .from(planTargets)
            .where(and(eq(planTargets.tenantId, plan.tenantId), eq(planTargets.planId, planId)))
        ).map((r) => r.key),
      );
    const own = await keysOf(plan.id);
    const theirs = await keysOf(higher.id);
    input.links.forEach((link, i) => {
      if (!own.has(link.targetKey)) {
        throw new AppError("bad_request", `Dòng ${i + 1}: chỉ tiêu không thuộc kế hoạch này.`, [
          { path: `links.${i}.targetKey`, message: "unknown" },
        ]);
      }
      if (link.higherTargetKey && !theirs.has(link.higherTargetKey)) {
        throw new AppError(
          "bad_request",
          `Dòng ${i + 1}: chỉ tiêu cấp trên không thuộc kế hoạch ${higher.code}.`,
          [{ path: `links.${i}.higherTargetKey`, message: "unknown" }],
        );
      }
    });
    await saveLinks(
      tx,
      input.links.map((l) => ({
        tenantId: plan.tenantId,
        planCode: plan.code,
        targetKey: l.targetKey,
        higherPlanCode: higher.code,
        higherTargetKey: l.higherTargetKey,
        confirmedBy: actor.id,
      })),
    );
    await recordAudit(tx, {
      tenantId: plan.tenantId,
      actorId: actor.id,
      action: "plan.target-links.confirm",
      entity: "plan",
      entityId: plan.id,
      unitId: plan.unitId,
      after: { higherPlanCode: higher.code, links: input.links },
    });
    return { saved: input.links.length };
  });
}
