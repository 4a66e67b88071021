import type { TAuditEntry } from "@dtplan/contracts";
import type { AuditListRow } from "./audit.repository.ts";

/** Long target or task texts name their object by their beginning. */
function shortName(text: string | null): string | null {
  if (!text) return null;
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > 140 ? `${one.slice(0, 139)}…` : one;
}

export function presentAuditEntry(
  row: AuditListRow,
  named: { subject: string | null; names: Record<string, string> },
): TAuditEntry {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    unitId: row.unitId,
    unitName: row.unitName,
    subject: shortName(named.subject),
    before: row.before ?? null,
    after: row.after ?? null,
    names: named.names,
  };
}
