import type { TAuditEntry } from "@dtplan/contracts";
import type { AuditRow } from "../../db/schema.ts";

export function presentAuditEntry(row: AuditRow & { actorName: string | null }): TAuditEntry {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}
