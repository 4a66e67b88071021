import type { TUpdateOrgUnit } from "@dtplan/contracts";
import { wouldCreateCycle } from "@dtplan/domain/org/tree.ts";
import type { Database } from "../../db/database.ts";
import type { OrgUnitRow } from "../../db/schema.ts";
import { AppError, conflict, notFound } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { refreshReportingStatus } from "../summary/reporting-status.ts";
import { withCodeCheck } from "./create-unit.ts";
import { auditUnit } from "./org.presenter.ts";
import { findUnitById, listTenantUnits, updateUnit as updateUnitRow } from "./org.repository.ts";

/** Rename, recode, move within the tenant, or close (`validTo`). */
export async function updateUnit(
  db: Database,
  { actor, unitId, input }: { actor: Actor; unitId: string; input: TUpdateOrgUnit },
): Promise<OrgUnitRow> {
  return withCodeCheck(input.code ?? "", () =>
    db.transaction(async (tx) => {
      const unit = await findUnitById(tx, unitId);
      if (!unit) throw notFound("Không tìm thấy đơn vị.");
      const changes: Parameters<typeof updateUnitRow>[3] = {};
      if (input.parentId !== undefined && input.parentId !== unit.parentId) {
        if (unit.parentId === null) {
          throw conflict("Không thể chuyển đơn vị cấp cao nhất (tỉnh) vào dưới một đơn vị khác.");
        }
        const parent = await findUnitById(tx, input.parentId);
        if (!parent) throw notFound("Không tìm thấy đơn vị cấp trên mới.");
        if (parent.tenantId !== unit.tenantId) {
          throw new AppError("bad_request", "Không thể chuyển đơn vị sang một tỉnh khác.", [
            { path: "body.parentId", message: "Đơn vị cấp trên thuộc tỉnh khác" },
          ]);
        }
        const units = new Map((await listTenantUnits(tx, unit.tenantId)).map((u) => [u.id, u]));
        if (wouldCreateCycle(units, unit.id, parent.id)) {
          throw conflict("Không thể chuyển một đơn vị vào dưới chính nó hoặc đơn vị cấp dưới của nó.");
        }
        changes.parentId = parent.id;
      }
      if (input.code !== undefined) changes.code = input.code;
      if (input.name !== undefined) changes.name = input.name;
      if (input.shortName !== undefined) changes.shortName = input.shortName;
      if (input.kind !== undefined) changes.kind = input.kind;
      if (input.validTo !== undefined) {
        if (input.validTo !== null && unit.validFrom !== null && input.validTo < unit.validFrom) {
          throw new AppError("validation_failed", "Ngày kết thúc không được trước ngày bắt đầu hiệu lực.", [
            { path: "body.validTo", message: "Trước ngày bắt đầu hiệu lực" },
          ]);
        }
        changes.validTo = input.validTo;
      }
      const row = await updateUnitRow(tx, unit.tenantId, unit.id, changes);
      // A unit closed (or reopened) stops (or starts) answering for its tasks from that day.
      if (changes.validTo !== undefined && changes.validTo !== unit.validTo)
        await refreshReportingStatus(tx, { tenantId: unit.tenantId });
      await recordAudit(tx, {
        tenantId: unit.tenantId,
        actorId: actor.id,
        action: "org.unit.update",
        entity: "org_unit",
        entityId: unit.id,
        unitId: unit.id,
        before: auditUnit(unit),
        after: auditUnit(row),
      });
      return row;
    }),
  );
}
