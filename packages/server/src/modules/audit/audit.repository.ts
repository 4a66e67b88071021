import { and, count, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type AuditRow, auditLog, users } from "../../db/schema.ts";

export interface AuditEntryInput {
  tenantId: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Records one change. Call it with the transaction that makes the change. */
export async function recordAudit(db: Database, entry: AuditEntryInput): Promise<void> {
  await recordAudits(db, [entry]);
}

/** Several entries in one statement (an act that changes many rows at once). */
export async function recordAudits(db: Database, entries: readonly AuditEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(auditLog).values(
    entries.map((entry) => ({
      tenantId: entry.tenantId,
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      unitId: entry.unitId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })),
  );
}

export async function listAudit(
  db: Database,
  filter: {
    wholeTenants: readonly string[];
    unitIds: readonly string[];
    /** The provinces of `unitIds` (the reach's), so the log is read on their shards. */
    tenants: readonly string[];
    entity?: string;
    entityId?: string;
    limit: number;
    offset: number;
  },
): Promise<{ rows: (AuditRow & { actorName: string | null })[]; total: number }> {
  const scope: SQL[] = [];
  if (filter.wholeTenants.length) scope.push(inArray(auditLog.tenantId, [...filter.wholeTenants]));
  if (filter.unitIds.length) scope.push(inArray(auditLog.unitId, [...filter.unitIds]));
  if (scope.length === 0 || filter.tenants.length === 0) return { rows: [], total: 0 };
  const where = and(
    inArray(auditLog.tenantId, [...filter.tenants]),
    or(...scope),
    filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
  );
  const rows = await db
    .select({ entry: auditLog, actorName: users.fullName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [{ total }] = await db.select({ total: count() }).from(auditLog).where(where);
  return { rows: rows.map((r) => ({ ...r.entry, actorName: r.actorName })), total };
}
