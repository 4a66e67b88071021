import type { ZAuditQuery } from "@dtplan/contracts";
import type { z } from "zod";
import type { Database } from "../../db/database.ts";
import { reachOf } from "../access/access.ts";
import type { Actor } from "../access/actor.ts";
import { presentAuditEntry } from "./audit.presenter.ts";
import { listAudit } from "./audit.repository.ts";

/** Nhật ký thay đổi within the actor's `audit.read` reach: the whole province or their units. */
export async function listVisibleAudit(
  db: Database,
  { actor, query }: { actor: Actor; query: z.infer<typeof ZAuditQuery> },
) {
  const reach = await reachOf(db, actor, "audit.read");
  const { rows, total } = await listAudit(db, {
    wholeTenants: [...reach.wholeTenants],
    unitIds: [...reach.unitIds],
    tenants: [...reach.tenants],
    ...query,
  });
  return { items: rows.map(presentAuditEntry), total };
}
