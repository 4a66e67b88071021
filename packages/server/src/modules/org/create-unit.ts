import { randomUUID } from "node:crypto";
import type { TCreateOrgUnit } from "@dtplan/contracts";
import type { Database } from "../../db/database.ts";
import { type OrgUnitRow, roleGrants } from "../../db/schema.ts";
import { type AppError, conflict, forbidden, notFound, pgErrorCode } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { ensureDtiFrameworks } from "../dti-seed/framework-rows.ts";
import { ensureCatalogue } from "../indicators/indicators.repository.ts";
import { auditUnit } from "./org.presenter.ts";
import { findUnitById, insertUnit } from "./org.repository.ts";

export function codeTaken(code: string): AppError {
  return conflict(`Mã đơn vị "${code}" đã được dùng trong tỉnh này.`);
}

/** Rethrows a unique-code violation as a 409 the user can act on. */
export async function withCodeCheck<T>(code: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (pgErrorCode(error) === "23505") throw codeTaken(code);
    throw error;
  }
}

/**
 * Creates a unit under `parentId`, or — for superadministrators — a new top-level
 * unit, which is a new tenant; its creator becomes its administrator.
 */
export async function createUnit(
  db: Database,
  { actor, input }: { actor: Actor; input: TCreateOrgUnit },
): Promise<OrgUnitRow> {
  return withCodeCheck(input.code, () =>
    db.transaction(async (tx) => {
      const fields = {
        code: input.code,
        name: input.name,
        shortName: input.shortName ?? null,
        kind: input.kind,
        validFrom: input.validFrom ?? null,
      };
      let row: OrgUnitRow;
      if (input.parentId === null) {
        if (!actor.isSuperadmin) {
          throw forbidden(
            "Chỉ quản trị viên cấp cao nhất mới tạo được đơn vị cấp cao nhất (tỉnh, thành phố).",
          );
        }
        const id = randomUUID();
        row = await insertUnit(tx, { tenantId: id, id, parentId: null, ...fields });
        await tx
          .insert(roleGrants)
          .values({ tenantId: id, userId: actor.id, unitId: id, role: "administrator" });
        // A new province starts with the national indicator catalogue.
        await ensureCatalogue(tx, id);
        await ensureDtiFrameworks(tx, id);
      } else {
        const parent = await findUnitById(tx, input.parentId);
        if (!parent) throw notFound("Không tìm thấy đơn vị cấp trên.");
        row = await insertUnit(tx, { tenantId: parent.tenantId, parentId: parent.id, ...fields });
      }
      await recordAudit(tx, {
        tenantId: row.tenantId,
        actorId: actor.id,
        action: "org.unit.create",
        entity: "org_unit",
        entityId: row.id,
        unitId: row.id,
        after: auditUnit(row),
      });
      return row;
    }),
  );
}
