import type { TCreateIndicator } from "@dtplan/contracts";
import type { Database } from "../../db/database.ts";
import { type IndicatorRow, indicators } from "../../db/schema.ts";
import { conflict, notFound, pgErrorCode } from "../../errors.ts";
import { unitPath } from "../access/access.repository.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { presentIndicator } from "./indicators.presenter.ts";
import { ensureCatalogue, indicatorSearchText } from "./indicators.repository.ts";

/** Tạo chỉ số riêng — a local indicator in the catalogue of the province holding `unitId`; audited. */
export async function createIndicator(
  db: Database,
  { actor, input }: { actor: Actor; input: TCreateIndicator },
): Promise<IndicatorRow> {
  const { unitId, ...fields } = input;
  const path = await unitPath(db, unitId);
  if (!path) throw notFound("Không tìm thấy đơn vị.");
  try {
    return await db.transaction(async (tx) => {
      await ensureCatalogue(tx, path.tenantId);
      const [created] = await tx
        .insert(indicators)
        .values({
          ...fields,
          numeratorLabel: fields.numeratorLabel ?? null,
          denominatorLabel: fields.denominatorLabel ?? null,
          tenantId: path.tenantId,
          origin: "local",
          searchText: indicatorSearchText(fields),
          createdBy: actor.id,
        })
        .returning();
      await recordAudit(tx, {
        tenantId: path.tenantId,
        actorId: actor.id,
        action: "indicator.create",
        entity: "indicator",
        entityId: created.code,
        unitId,
        after: presentIndicator(created),
      });
      return created;
    });
  } catch (error) {
    if (pgErrorCode(error) === "23505") throw conflict(`Mã chỉ số "${fields.code}" đã có trong danh mục.`);
    throw error;
  }
}
