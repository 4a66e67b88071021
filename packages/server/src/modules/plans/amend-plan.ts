import type { Database } from "../../db/database.ts";
import { type PlanRow, plans } from "../../db/schema.ts";
import { conflict } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { actorTenants, planNotFound } from "./plan-access.ts";
import { findPlanVersions, insertPlanItems, loadPlanItems } from "./plans.repository.ts";

/**
 * Điều chỉnh, bổ sung — opens version n+1 as a draft copied from the published
 * version n (items keep their `key`, so publishing it can show what changed).
 * Version n stays in force until the amendment is published.
 */
export async function amendPlan(
  db: Database,
  { actor, code, reason }: { actor: Actor; code: string; reason: string },
): Promise<PlanRow> {
  return db.transaction(async (tx) => {
    const rows = await findPlanVersions(tx, actorTenants(actor), code, actor.tenantId);
    if (rows.length === 0) throw planNotFound();
    const current = rows[0];
    if (current.status === "draft") {
      throw conflict(
        current.version === 1
          ? "Kế hoạch chưa ban hành: sửa trực tiếp bản nháp rồi ban hành."
          : `Đã có bản điều chỉnh (phiên bản ${current.version}) đang soạn.`,
      );
    }
    const { id: _id, createdAt: _c, updatedAt: _u, publishedAt: _p, publishedBy: _b, ...fields } = current;
    const [draft] = await tx
      .insert(plans)
      .values({
        ...fields,
        version: current.version + 1,
        status: "draft",
        amendmentReason: reason,
        createdBy: actor.id,
      })
      .returning();
    const items = await loadPlanItems(tx, current);
    const copy = <T extends { id: string; planId: string }>(rows: T[]) =>
      rows.map(({ id: _, ...rest }) => ({ ...rest, planId: draft.id }));
    await insertPlanItems(tx, {
      targets: copy(items.targets),
      targetUnits: items.targetUnits.map((a) => ({ ...a, planId: draft.id })),
      tasks: copy(items.tasks),
      legalBases: copy(items.legalBases),
      reportingRules: copy(items.reportingRules),
      budget: items.budget && { ...items.budget, planId: draft.id },
    });
    await recordAudit(tx, {
      tenantId: draft.tenantId,
      actorId: actor.id,
      action: "plan.amend",
      entity: "plan",
      entityId: draft.id,
      unitId: draft.unitId,
      after: { code: draft.code, version: draft.version, reason },
    });
    return draft;
  });
}
