import type { ZIndicatorListQuery } from "@dtplan/contracts";
import type { z } from "zod";
import type { Database } from "../../db/database.ts";
import { forbidden } from "../../errors.ts";
import { reachOf } from "../access/access.ts";
import type { Actor } from "../access/actor.ts";
import { presentIndicator } from "./indicators.presenter.ts";
import { searchIndicators } from "./indicators.repository.ts";

/** Danh mục chỉ số of a province the actor reads plans in (their own by default). */
export async function listIndicators(
  db: Database,
  { actor, query }: { actor: Actor; query: z.infer<typeof ZIndicatorListQuery> },
) {
  const reach = await reachOf(db, actor, "plans.read");
  const tenantId =
    query.tenantId ?? (reach.tenants.has(actor.tenantId) ? actor.tenantId : [...reach.tenants][0]);
  if (!tenantId || !reach.tenants.has(tenantId)) throw forbidden();
  const { rows, total } = await searchIndicators(db, { ...query, tenantId });
  return { items: rows.map(presentIndicator), total };
}
