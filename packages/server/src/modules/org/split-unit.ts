import type { TSplitOrgUnit, TSplitPreview } from "@dtplan/contracts";
import { planSplit } from "@dtplan/domain/org/reorganise.ts";
import type { Database } from "../../db/database.ts";
import type { OrgUnitRow } from "../../db/schema.ts";
import { conflict, notFound } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { withCodeCheck } from "./create-unit.ts";
import { asConflict } from "./merge-units.ts";
import { findUnitById, insertLineage, insertUnit, listTenantUnits, updateUnit } from "./org.repository.ts";
import { reorganisationAudit } from "./reorganisation-audit.ts";

async function prepareSplit(db: Database, unitId: string, input: TSplitOrgUnit) {
  const source = await findUnitById(db, unitId);
  if (!source) throw notFound("Không tìm thấy đơn vị.");
  if (source.parentId === null) throw conflict("Không thể chia tách đơn vị cấp cao nhất (tỉnh).");
  const units = new Map((await listTenantUnits(db, source.tenantId)).map((u) => [u.id, u]));
  const codes = input.parts.map((p) => p.code);
  const clash = codes.find((c, i) => codes.indexOf(c) !== i || [...units.values()].some((u) => u.code === c));
  if (clash) throw conflict(`Mã đơn vị "${clash}" bị trùng.`);
  const placeholderIds = input.parts.map((_, i) => `part-${i}`);
  const plan = asConflict(() => planSplit(units, source.id, placeholderIds, input.effectiveDate));
  return { source, units, plan };
}

export async function previewSplit(
  db: Database,
  unitId: string,
  input: TSplitOrgUnit,
): Promise<TSplitPreview> {
  const { source, plan } = await prepareSplit(db, unitId, input);
  return {
    closed: plan.closed,
    parentId: source.parentId as string,
    parts: input.parts,
    effectiveDate: input.effectiveDate,
  };
}

/**
 * Chia tách — the source stops the day before; each part is a new unit under the
 * source's parent that carries on its history. The source's own children stay
 * with it until moved (PATCH), since only a person knows which part takes which.
 */
export async function splitUnit(
  db: Database,
  { actor, unitId, input }: { actor: Actor; unitId: string; input: TSplitOrgUnit },
): Promise<{ created: OrgUnitRow[]; closed: OrgUnitRow[]; moved: OrgUnitRow[] }> {
  return withCodeCheck(input.parts.map((p) => p.code).join(", "), () =>
    db.transaction(async (tx) => {
      const { source } = await prepareSplit(tx, unitId, input);
      const audit = reorganisationAudit(tx, source.tenantId, actor.id, {
        split: { sourceId: source.id, effectiveDate: input.effectiveDate },
      });
      const created: OrgUnitRow[] = [];
      for (const part of input.parts) {
        const row = await insertUnit(tx, {
          tenantId: source.tenantId,
          parentId: source.parentId,
          code: part.code,
          name: part.name,
          kind: part.kind,
          validFrom: input.effectiveDate,
        });
        created.push(row);
        await audit("org.split.create", null, row);
      }
      const units = new Map((await listTenantUnits(tx, source.tenantId)).map((u) => [u.id, u]));
      const plan = asConflict(() =>
        planSplit(
          units,
          source.id,
          created.map((c) => c.id),
          input.effectiveDate,
        ),
      );
      const closedRow = await updateUnit(tx, source.tenantId, source.id, { validTo: plan.closed.validTo });
      await audit("org.split.close", source, closedRow);
      await insertLineage(
        tx,
        source.tenantId,
        plan.lineage.map((l) => ({ ...l, event: "split" as const })),
      );
      return { created, closed: [closedRow], moved: [] };
    }),
  );
}
