import type { TOrgUnit, TOrgUnitDetail, TUnitLineage, ZOrgUnitListQuery } from "@dtplan/contracts";
import type { z } from "zod";
import type { Database } from "../../db/database.ts";
import { todayIso } from "../../db/sql.ts";
import { notFound } from "../../errors.ts";
import { unitPath } from "../access/access.repository.ts";
import { reachOf } from "../access/access.ts";
import type { Actor } from "../access/actor.ts";
import { presentUnit } from "./org.presenter.ts";
import { findUnitById, findUnitsByIds, listUnits, unitLineage, unitLinks } from "./org.repository.ts";

const unitNotFound = () => notFound("Không tìm thấy đơn vị.");

/** Danh sách đơn vị: the units within the actor's `org.read` reach, as they stood on `asOf`. */
export async function listReachableUnits(
  db: Database,
  { actor, query }: { actor: Actor; query: z.infer<typeof ZOrgUnitListQuery> },
): Promise<{ items: TOrgUnit[] }> {
  const reach = await reachOf(db, actor, "org.read");
  const asOf = query.asOf ?? todayIso();
  const rows = (
    await listUnits(db, {
      unitIds: [...reach.unitIds],
      tenants: [...reach.tenants],
      tenantId: query.tenantId,
      inForceOn: query.includeClosed ? undefined : asOf,
    })
  ).sort((a, b) => a.code.localeCompare(b.code));
  return { items: rows.map((u) => presentUnit(u)) };
}

/** Chi tiết đơn vị: its path from the province, its predecessors and successors. */
export async function unitDetail(db: Database, { unitId }: { unitId: string }): Promise<TOrgUnitDetail> {
  const unit = await findUnitById(db, unitId);
  const path = await unitPath(db, unitId);
  if (!unit || !path) throw unitNotFound();
  const names = new Map((await findUnitsByIds(db, path.ids)).map((u) => [u.id, u.name]));
  const links = await unitLinks(db, unit.tenantId, unit.id);
  return {
    ...presentUnit(unit),
    path: [...path.ids].reverse().map((id) => ({ id, name: names.get(id) ?? "" })),
    ...links,
  };
}

/** Lịch sử kế thừa: every predecessor whose data the unit inherits, nearest first. */
export async function unitLineageOf(db: Database, { unitId }: { unitId: string }): Promise<TUnitLineage> {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw unitNotFound();
  return { items: await unitLineage(db, unit.tenantId, unit.id) };
}

/** A split creates its parts beside the source: the right is needed on the parent too. */
export async function splitAccessUnits(db: Database, unitId: string): Promise<string[]> {
  const unit = await findUnitById(db, unitId);
  return unit ? [unit.id, unit.parentId ?? unit.id] : [unitId];
}
