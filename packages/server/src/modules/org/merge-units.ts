import type { TMergeOrgUnits, TMergePreview } from "@dtplan/contracts";
import { type MergePlan, planMerge, ReorganisationError } from "@dtplan/domain/org/reorganise.ts";
import { descendants, isInForce, type OrgUnitNode } from "@dtplan/domain/org/tree.ts";
import type { Database } from "../../db/database.ts";
import type { OrgUnitRow } from "../../db/schema.ts";
import { AppError, conflict, notFound } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { withCodeCheck } from "./create-unit.ts";
import { findUnitsByIds, insertLineage, insertUnit, listTenantUnits, updateUnit } from "./org.repository.ts";
import { reorganisationAudit } from "./reorganisation-audit.ts";

const NEW_UNIT = "00000000-0000-4000-8000-000000000000";

interface PreparedMerge {
  tenantId: string;
  units: Map<string, OrgUnitRow>;
  plan: MergePlan;
  target: { id: string | null; name: string; isNew: boolean };
}

/** Reorganisation refusals from the domain become 409s with their Vietnamese message. */
export function asConflict<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ReorganisationError) throw conflict(error.message);
    throw error;
  }
}

async function prepareMerge(db: Database, input: TMergeOrgUnits): Promise<PreparedMerge> {
  if (Boolean(input.targetId) === Boolean(input.newUnit)) {
    throw new AppError(
      "validation_failed",
      "Chọn một đơn vị nhận sáp nhập hoặc khai báo một đơn vị mới (chỉ một).",
      [{ path: "body.targetId", message: "Cần đúng một trong targetId, newUnit" }],
    );
  }
  const anchorId = input.targetId ?? (input.newUnit?.parentId as string);
  const involved = [...new Set([...input.sourceIds, anchorId])];
  const rows = await findUnitsByIds(db, involved);
  if (rows.length !== involved.length) throw notFound("Không tìm thấy một số đơn vị cần sáp nhập.");
  const tenantId = rows[0].tenantId;
  if (rows.some((r) => r.tenantId !== tenantId)) {
    throw new AppError("bad_request", "Chỉ sáp nhập các đơn vị trong cùng một tỉnh.");
  }
  const units = new Map((await listTenantUnits(db, tenantId)).map((u) => [u.id, u]));
  for (const id of input.sourceIds) {
    const source = units.get(id) as OrgUnitRow;
    if (source.parentId === null) throw conflict("Không thể sáp nhập đơn vị cấp cao nhất (tỉnh).");
    if (id !== input.targetId && descendants(units.values(), id).includes(anchorId)) {
      throw conflict(`Đơn vị nhận sáp nhập không được nằm bên dưới đơn vị bị sáp nhập "${source.name}".`);
    }
  }
  const nodes = new Map<string, OrgUnitNode>(units);
  let target: PreparedMerge["target"];
  if (input.targetId) {
    const existing = units.get(input.targetId) as OrgUnitRow;
    if (!isInForce(existing, input.effectiveDate)) {
      throw conflict(`Đơn vị nhận sáp nhập "${existing.name}" không còn hiệu lực vào ngày sáp nhập.`);
    }
    target = { id: existing.id, name: existing.name, isNew: false };
  } else {
    const part = input.newUnit as NonNullable<TMergeOrgUnits["newUnit"]>;
    if ([...units.values()].some((u) => u.code === part.code)) {
      throw conflict(`Mã đơn vị "${part.code}" đã được dùng trong tỉnh này.`);
    }
    nodes.set(NEW_UNIT, {
      id: NEW_UNIT,
      parentId: part.parentId,
      name: part.name,
      validFrom: input.effectiveDate,
      validTo: null,
    });
    target = { id: null, name: part.name, isNew: true };
  }
  const plan = asConflict(() =>
    planMerge(nodes, input.sourceIds, input.targetId ?? NEW_UNIT, input.effectiveDate),
  );
  return { tenantId, units, plan, target };
}

/** Xem trước sáp nhập: what would close, move and be created; changes nothing. */
export async function previewMerge(db: Database, input: TMergeOrgUnits): Promise<TMergePreview> {
  const { plan, target } = await prepareMerge(db, input);
  return {
    closed: plan.closed,
    movedChildren: plan.movedChildren.map(({ id, name }) => ({ id, name })),
    target,
    effectiveDate: input.effectiveDate,
  };
}

/**
 * Sáp nhập — in one transaction: create the new unit if asked, close the sources
 * the day before, move their children under the target, record the lineage (so the
 * target sees the sources' history) and audit every row changed.
 */
export async function mergeUnits(
  db: Database,
  { actor, input }: { actor: Actor; input: TMergeOrgUnits },
): Promise<{ created: OrgUnitRow[]; closed: OrgUnitRow[]; moved: OrgUnitRow[] }> {
  return withCodeCheck(input.newUnit?.code ?? "", () =>
    db.transaction(async (tx) => {
      const prepared = await prepareMerge(tx, input);
      const audit = reorganisationAudit(tx, prepared.tenantId, actor.id, {
        merge: { sourceIds: input.sourceIds, effectiveDate: input.effectiveDate },
      });
      const created: OrgUnitRow[] = [];
      let targetId = input.targetId;
      let plan = prepared.plan;
      if (input.newUnit) {
        const row = await insertUnit(tx, {
          tenantId: prepared.tenantId,
          parentId: input.newUnit.parentId,
          code: input.newUnit.code,
          name: input.newUnit.name,
          kind: input.newUnit.kind,
          validFrom: input.effectiveDate,
        });
        created.push(row);
        targetId = row.id;
        await audit("org.merge.create", null, row);
        prepared.units.set(row.id, row);
        plan = asConflict(() => planMerge(prepared.units, input.sourceIds, row.id, input.effectiveDate));
      }
      const closed: OrgUnitRow[] = [];
      for (const c of plan.closed) {
        const before = prepared.units.get(c.id) as OrgUnitRow;
        const row = await updateUnit(tx, prepared.tenantId, c.id, { validTo: c.validTo });
        closed.push(row);
        await audit("org.merge.close", before, row);
      }
      const moved: OrgUnitRow[] = [];
      for (const child of plan.movedChildren) {
        const before = prepared.units.get(child.id) as OrgUnitRow;
        const row = await updateUnit(tx, prepared.tenantId, child.id, { parentId: targetId as string });
        moved.push(row);
        await audit("org.merge.move", before, row);
      }
      await insertLineage(
        tx,
        prepared.tenantId,
        plan.lineage.map((l) => ({ ...l, event: "merge" as const })),
      );
      return { created, closed, moved };
    }),
  );
}
