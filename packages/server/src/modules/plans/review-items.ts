import type { TCreateTarget, TCreateTask, TUpdatePlan, TUpdateTarget, TUpdateTask } from "@dtplan/contracts";
import { and, eq, gt, inArray, max, sql } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import {
  orgUnits,
  type PlanRow,
  type PlanTargetRow,
  type PlanTaskRow,
  plans,
  planTargets,
  planTasks,
} from "../../db/schema.ts";
import { AppError, conflict, notFound } from "../../errors.ts";
import { staleVersion } from "../../stale-version.ts";
import { assertAllowed } from "../access/access.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { findIndicator } from "../indicators/indicators.repository.ts";
import { findUnitById } from "../org/org.repository.ts";
import { actorTenants, planNotFound } from "./plan-access.ts";
import { findPlanVersions } from "./plans.repository.ts";

export type ItemType = "target" | "task";
export const itemTable = (type: ItemType) => (type === "target" ? planTargets : planTasks);

/** The draft being reviewed; a published plan is frozen and changes only through an amendment. */
export async function editableDraft(db: Database, actor: Actor, code: string): Promise<PlanRow> {
  const rows = await findPlanVersions(db, actorTenants(actor), code, actor.tenantId);
  if (rows.length === 0) throw planNotFound();
  const latest = rows[0];
  if (latest.status !== "draft") {
    throw conflict(
      `Kế hoạch đã ban hành (phiên bản ${latest.version}) nên không sửa trực tiếp được; hãy tạo bản điều chỉnh, bổ sung.`,
    );
  }
  return latest;
}

export async function findItem(
  db: Database,
  plan: PlanRow,
  type: ItemType,
  id: string,
): Promise<PlanTargetRow | PlanTaskRow> {
  const table = itemTable(type);
  const [row] = await db
    .select()
    .from(table)
    .where(and(eq(table.tenantId, plan.tenantId), eq(table.planId, plan.id), eq(table.id, id)))
    .limit(1);
  if (!row) throw notFound(type === "target" ? "Không tìm thấy chỉ tiêu." : "Không tìm thấy nhiệm vụ.");
  return row;
}

/** Makes room after `position` (the new item goes at position + 1). */
export async function shiftAfter(
  db: Database,
  plan: PlanRow,
  type: ItemType,
  position: number,
): Promise<void> {
  const table = itemTable(type);
  await db
    .update(table)
    .set({ position: sql`${table.position} + 1` })
    .where(and(eq(table.tenantId, plan.tenantId), eq(table.planId, plan.id), gt(table.position, position)));
}

async function endPosition(db: Database, plan: PlanRow, type: ItemType): Promise<number> {
  const table = itemTable(type);
  const [row] = await db
    .select({ last: max(table.position) })
    .from(table)
    .where(and(eq(table.tenantId, plan.tenantId), eq(table.planId, plan.id)));
  return row.last ?? -1;
}

async function assertUnitsInTenant(
  db: Database,
  tenantId: string,
  unitIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return;
  const rows = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.id, ids)));
  if (rows.length !== ids.length)
    throw new AppError("bad_request", "Đơn vị được chọn không thuộc tỉnh của kế hoạch.");
}

async function targetValues(db: Database, plan: PlanRow, input: Partial<TUpdateTarget>) {
  const { source, indicatorCode, indicatorConfirmed, ...rest } = input;
  const values: Partial<typeof planTargets.$inferInsert> = { ...rest };
  if (source !== undefined) {
    values.sourceStart = source?.start ?? null;
    values.sourceEnd = source?.end ?? null;
  }
  if (indicatorCode !== undefined) {
    if (indicatorCode !== null && !(await findIndicator(db, plan.tenantId, indicatorCode))) {
      throw new AppError("bad_request", `Không có chỉ số mã "${indicatorCode}" trong danh mục.`);
    }
    values.indicatorCode = indicatorCode;
    values.indicatorScore = null;
    // Choosing an indicator by hand is confirming it.
    values.indicatorConfirmed = indicatorCode !== null && (indicatorConfirmed ?? true);
  } else if (indicatorConfirmed !== undefined) {
    values.indicatorConfirmed = indicatorConfirmed;
  }
  // A hand edit is certain.
  if (Object.keys(values).length) values.confidence = 1;
  return values;
}

/** Confirming an indicator needs one: chosen in this edit or already on the target. */
function assertIndicatorToConfirm(values: Partial<PlanTargetRow>, before: PlanTargetRow): void {
  const code = values.indicatorCode === undefined ? before.indicatorCode : values.indicatorCode;
  if (values.indicatorConfirmed === true && !code) {
    throw new AppError("bad_request", "Chỉ tiêu chưa gắn chỉ số nên chưa xác nhận được.");
  }
}

async function taskValues(db: Database, plan: PlanRow, input: Partial<TUpdateTask>) {
  const { source, coordinatorUnitIds, leadUnitId, leadNone, ...rest } = input;
  const values: Partial<typeof planTasks.$inferInsert> = { ...rest };
  await assertUnitsInTenant(db, plan.tenantId, [
    ...(leadUnitId ? [leadUnitId] : []),
    ...(coordinatorUnitIds ?? []),
  ]);
  if (source !== undefined) {
    values.sourceStart = source?.start ?? null;
    values.sourceEnd = source?.end ?? null;
  }
  if (leadUnitId !== undefined) {
    values.leadUnitId = leadUnitId;
    values.leadScore = null;
    if (leadUnitId) values.leadNone = false;
  }
  if (leadNone !== undefined) {
    values.leadNone = leadNone;
    if (leadNone) values.leadUnitId = null;
  }
  if (coordinatorUnitIds !== undefined) {
    values.coordinators = coordinatorUnitIds.map((unitId) => ({
      text: null,
      unitId,
      score: null,
      suggestions: [],
    }));
  }
  if (Object.keys(values).length) values.confidence = 1;
  return values;
}

const ENTITY = { target: "plan_target", task: "plan_task" } as const;

async function audit(
  db: Database,
  actor: Actor,
  plan: PlanRow,
  type: ItemType,
  verb: "add" | "update" | "delete",
  id: string,
  before: unknown,
  after: unknown,
) {
  await recordAudit(db, {
    tenantId: plan.tenantId,
    actorId: actor.id,
    action: `plan.${type}.${verb}`,
    entity: ENTITY[type],
    entityId: id,
    unitId: plan.unitId,
    before: before ?? null,
    after: after ?? null,
  });
}

/** Thêm — adds a target or task the extractor missed. */
export async function addItem(
  db: Database,
  {
    actor,
    code,
    type,
    input,
  }: { actor: Actor; code: string; type: ItemType; input: TCreateTarget | TCreateTask },
): Promise<{ plan: PlanRow; id: string }> {
  return db.transaction(async (tx) => {
    const plan = await editableDraft(tx, actor, code);
    const { afterId, ...fields } = input;
    let position: number;
    if (afterId) {
      const after = await findItem(tx, plan, type, afterId);
      await shiftAfter(tx, plan, type, after.position);
      position = after.position + 1;
    } else {
      position = (await endPosition(tx, plan, type)) + 1;
    }
    const values =
      type === "target"
        ? await targetValues(tx, plan, fields as TUpdateTarget)
        : await taskValues(tx, plan, fields as TUpdateTask);
    const table = itemTable(type);
    const [row] = await tx
      .insert(table)
      .values({ ...values, tenantId: plan.tenantId, planId: plan.id, position, confidence: 1 } as never)
      .returning();
    await audit(tx, actor, plan, type, "add", row.id, null, row);
    return { plan, id: row.id };
  });
}

/** Sửa — changes fields of one item (pillar, lead, coordinators, deadline, indicator …). */
export async function updateItem(
  db: Database,
  {
    actor,
    code,
    type,
    id,
    input,
  }: { actor: Actor; code: string; type: ItemType; id: string; input: TUpdateTarget | TUpdateTask },
): Promise<{ plan: PlanRow; id: string }> {
  const { version, ...fields } = input;
  const what = type === "target" ? "Chỉ tiêu này" : "Nhiệm vụ này";
  return db.transaction(async (tx) => {
    const plan = await editableDraft(tx, actor, code);
    const before = await findItem(tx, plan, type, id);
    if (version !== undefined && version !== before.version) throw await staleVersion(tx, what, before);
    const values =
      type === "target"
        ? await targetValues(tx, plan, fields as TUpdateTarget)
        : await taskValues(tx, plan, fields as TUpdateTask);
    if (type === "target") assertIndicatorToConfirm(values, before as PlanTargetRow);
    const table = itemTable(type);
    const [after] = await tx
      .update(table)
      .set({ ...values, version: before.version + 1, updatedBy: actor.id, updatedAt: new Date() } as never)
      // The version in the condition: of two saves racing from one version, one wins.
      .where(and(eq(table.tenantId, plan.tenantId), eq(table.id, id), eq(table.version, before.version)))
      .returning();
    if (!after) throw await staleVersion(tx, what, await findItem(tx, plan, type, id));
    await audit(tx, actor, plan, type, "update", id, before, after);
    return { plan, id };
  });
}

/** Xóa — removes an item that is not one (a heading, a duplicate). */
export async function deleteItem(
  db: Database,
  { actor, code, type, id }: { actor: Actor; code: string; type: ItemType; id: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const plan = await editableDraft(tx, actor, code);
    const before = await findItem(tx, plan, type, id);
    const table = itemTable(type);
    await tx.delete(table).where(and(eq(table.tenantId, plan.tenantId), eq(table.id, id)));
    await audit(tx, actor, plan, type, "delete", id, before, null);
  });
}

/** A plan may link (as its multi-year or higher-level plan) only to another plan of its province. */
export async function checkPlanLinks(
  db: Database,
  plan: PlanRow,
  links: readonly (string | null | undefined)[],
): Promise<void> {
  for (const link of links) {
    if (!link) continue;
    if (link === plan.code) throw new AppError("bad_request", "Kế hoạch không thể liên kết tới chính nó.");
    const [other] = await db
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.tenantId, plan.tenantId), eq(plans.code, link)))
      .limit(1);
    if (!other) throw new AppError("bad_request", `Không có kế hoạch mã "${link}" trong tỉnh này.`);
  }
}

/** The plan's own fields: title, kind, period, links to the multi-year and higher-level plans. */
export async function updatePlan(
  db: Database,
  { actor, code, input }: { actor: Actor; code: string; input: TUpdatePlan },
): Promise<PlanRow> {
  return db.transaction(async (tx) => {
    const plan = await editableDraft(tx, actor, code);
    const { issuerUnitId, ...fields } = input;
    if (issuerUnitId && issuerUnitId !== plan.unitId) await moveDraftToUnit(tx, actor, plan, issuerUnitId);
    if (Object.keys(fields).length === 0) return editableDraft(tx, actor, code);
    await checkPlanLinks(tx, plan, [input.parentPlanCode, input.implementsPlanCode]);
    const [after] = await tx
      .update(plans)
      .set({
        ...fields,
        // Choosing the higher-level plan here is the focal officer's confirmation of it too.
        ...(input.implementsPlanCode !== undefined && input.implementsPlanCode !== plan.implementsPlanCode
          ? { implementsConfirmedBy: actor.id, implementsConfirmedAt: new Date() }
          : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(plans.tenantId, plan.tenantId), eq(plans.id, plan.id)))
      .returning();
    const before = Object.fromEntries(Object.keys(fields).map((k) => [k, plan[k as keyof PlanRow]]));
    await recordAudit(tx, {
      tenantId: plan.tenantId,
      actorId: actor.id,
      action: "plan.update",
      entity: "plan",
      entityId: plan.id,
      unitId: after.unitId,
      before,
      after: fields,
    });
    return after;
  });
}

/**
 * Đổi đơn vị ban hành of a draft imported under the wrong unit: only a first draft (an
 * amendment keeps its plan's issuer), to a unit of the same province on which the actor
 * manages plans too. Audited with both units, the log names them.
 */
async function moveDraftToUnit(tx: Database, actor: Actor, plan: PlanRow, unitId: string): Promise<void> {
  if (plan.version > 1) {
    throw conflict(
      "Bản điều chỉnh giữ đơn vị ban hành của kế hoạch; chỉ đổi được đơn vị của bản nháp đầu tiên.",
    );
  }
  const unit = await findUnitById(tx, unitId);
  if (!unit || unit.tenantId !== plan.tenantId) {
    throw new AppError("validation_failed", "Đơn vị ban hành phải là một đơn vị trong cùng tỉnh.", [
      { path: "body.issuerUnitId", message: "Chọn một đơn vị trong cùng tỉnh" },
    ]);
  }
  await assertAllowed(tx, actor, "plans.manage", [unit.id]);
  await tx
    .update(plans)
    .set({ unitId: unit.id, updatedAt: new Date() })
    .where(and(eq(plans.tenantId, plan.tenantId), eq(plans.id, plan.id)));
  await recordAudit(tx, {
    tenantId: plan.tenantId,
    actorId: actor.id,
    action: "plan.issuer",
    entity: "plan",
    entityId: plan.id,
    unitId: unit.id,
    before: { unitId: plan.unitId },
    after: { unitId: unit.id },
  });
}
