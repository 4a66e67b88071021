import type { AuditAction } from "@dtplan/domain/audit/audit-words.ts";
import type { Database } from "../../db/database.ts";
import type { OrgUnitRow } from "../../db/schema.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { auditUnit } from "./org.presenter.ts";

/**
 * How a merger or split writes the audit entry of each unit it creates, closes or moves:
 * the unit before and after, with the event (`{ merge: … }` or `{ split: … }`) beside it.
 */
export const reorganisationAudit =
  (tx: Database, tenantId: string, actorId: string, event: Record<string, unknown>) =>
  (action: AuditAction, before: OrgUnitRow | null, after: OrgUnitRow) =>
    recordAudit(tx, {
      tenantId,
      actorId,
      action,
      entity: "org_unit",
      entityId: after.id,
      unitId: after.id,
      before: before ? auditUnit(before) : null,
      after: { ...auditUnit(after), ...event },
    });
