import type { AuditAction, AuditEntity } from "@dtplan/domain/audit/audit-words.ts";
import { periodLabel } from "@dtplan/domain/reporting/period-label.ts";
import type { Lang } from "@dtplan/domain/text/format.ts";
import { endOfVietnamDay } from "@dtplan/domain/time/vietnam.ts";
import { and, count, desc, eq, gte, inArray, isNotNull, lte, or, type SQL, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";
import { type AuditRow, auditLog, orgUnits, users } from "../../db/schema.ts";

export interface AuditEntryInput {
  tenantId: string;
  actorId: string | null;
  /** One of the domain's closed list, so the log can say it in words. */
  action: AuditAction;
  entity: AuditEntity;
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
  await db.execute(auditInsert(entries));
}

/**
 * `recordAudits`'s statement (at least one entry), not yet sent: an act sends it with its
 * other writes. Written by hand: a query builder cost more to build than the statement to run.
 */
export function auditInsert(entries: readonly AuditEntryInput[]): SQL {
  const json = (value: unknown) => (value == null ? null : JSON.stringify(value));
  return sql`INSERT INTO audit_log (tenant_id, actor_id, action, entity, entity_id, unit_id, before, after)
    VALUES ${sql.join(
      entries.map(
        (e) =>
          sql`(${e.tenantId}, ${e.actorId}, ${e.action}, ${e.entity}, ${e.entityId}, ${e.unitId ?? null},
               ${json(e.before)}::jsonb, ${json(e.after)}::jsonb)`,
      ),
      sql`, `,
    )}`;
}

export interface AuditScope {
  wholeTenants: readonly string[];
  unitIds: readonly string[];
  /** The provinces of `unitIds` (the reach's), so the log is read on their shards. */
  tenants: readonly string[];
}

export interface AuditFilterInput {
  actorId?: string;
  unitId?: string;
  entity?: string;
  entityId?: string;
  /** Vietnamese calendar days, both included. */
  from?: string;
  to?: string;
}

function auditWhere(scope: AuditScope, filter: AuditFilterInput): SQL | null {
  const reach: SQL[] = [];
  if (scope.wholeTenants.length) reach.push(inArray(auditLog.tenantId, [...scope.wholeTenants]));
  if (scope.unitIds.length) reach.push(inArray(auditLog.unitId, [...scope.unitIds]));
  if (reach.length === 0 || scope.tenants.length === 0) return null;
  return (
    and(
      inArray(auditLog.tenantId, [...scope.tenants]),
      or(...reach),
      filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
      filter.unitId ? eq(auditLog.unitId, filter.unitId) : undefined,
      filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
      filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
      filter.from ? gte(auditLog.at, new Date(`${filter.from}T00:00:00+07:00`)) : undefined,
      filter.to ? lte(auditLog.at, endOfVietnamDay(filter.to)) : undefined,
    ) ?? null
  );
}

export type AuditListRow = AuditRow & { actorName: string | null; unitName: string | null };

/** One page of the log, newest first, filtered and paged in SQL. */
export async function listAudit(
  db: Database,
  scope: AuditScope,
  filter: AuditFilterInput & { limit: number; offset: number },
): Promise<{ rows: AuditListRow[]; total: number }> {
  const where = auditWhere(scope, filter);
  if (!where) return { rows: [], total: 0 };
  const rows = await db
    .select({ entry: auditLog, actorName: users.fullName, unitName: orgUnits.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, auditLog.tenantId), eq(orgUnits.id, auditLog.unitId)))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [{ total }] = await db.select({ total: count() }).from(auditLog).where(where);
  return {
    rows: rows.map((r) => ({ ...r.entry, actorName: r.actorName, unitName: r.unitName })),
    total,
  };
}

/** The people who acted in the part of the log the reader may see, by name. */
export async function listAuditPeople(
  db: Database,
  scope: AuditScope,
): Promise<{ id: string; fullName: string }[]> {
  const where = auditWhere(scope, {});
  if (!where) return [];
  const actors = db
    .selectDistinct({ actorId: auditLog.actorId })
    .from(auditLog)
    .where(and(where, isNotNull(auditLog.actorId)))
    .as("actors");
  return db
    .select({ id: users.id, fullName: users.fullName })
    .from(actors)
    .innerJoin(users, eq(users.id, actors.actorId))
    .orderBy(users.fullName)
    .limit(1000);
}

/**
 * Names for what a page of entries is about and for the ids inside their values: plans by
 * title, units, people, reports (unit — period), periods, targets and tasks by their text,
 * DTI rounds and frameworks, catalogue indicators. Keyed `entity:id` for the objects and by
 * id alone for the values. One statement, every branch on the readers' provinces.
 */
function arrayOf(values: readonly string[], type: "uuid" | "text"): SQL {
  const items = values.map((v) => sql`${v}`);
  return sql`ARRAY[${sql.join(items, sql`, `)}]::${sql.raw(type)}[]`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Audited things named from one tenant table by their uuid: the table, the column the audit
 * id is, and the column that names it (an org unit or a plan also names a value that holds its id).
 */
const NAMED_BY_ID = [
  { kind: "org_unit", table: "org_units", key: "id", name: "name", withValues: true },
  { kind: "plan", table: "plans", key: "id", name: "title", withValues: true },
  { kind: "plan_target", table: "plan_targets", key: "id", name: "text" },
  { kind: "plan_task", table: "plan_tasks", key: "id", name: "text" },
  { kind: "task", table: "plan_tasks", key: "key", name: "text" },
  { kind: "dti_round", table: "dti_rounds", key: "id", name: "name" },
  { kind: "dti_framework", table: "dti_frameworks", key: "id", name: "name" },
] as const;

export async function nameAuditObjects(
  db: Database,
  tenants: readonly string[],
  objects: readonly { entity: string; id: string }[],
  valueIds: readonly string[],
  /** The language of the names made here (a report's or a period's: its period named from its key). */
  lang: Lang = "vi",
): Promise<{ subjects: Map<string, string>; names: Map<string, string> }> {
  const subjects = new Map<string, string>();
  const names = new Map<string, string>();
  if (tenants.length === 0 || (objects.length === 0 && valueIds.length === 0)) return { subjects, names };
  const ids = (entity: string) => objects.filter((o) => o.entity === entity).map((o) => o.id);
  const t = arrayOf(tenants, "uuid");
  // Ids compared as uuid so the primary keys serve; anything else cannot name a row.
  const uuids = (values: readonly string[]) => [...new Set(values)].filter((v) => UUID.test(v));
  // One branch per kind that has ids on the page (an empty branch is left out, not run); each
  // names its columns, since whichever comes first names the union's.
  const branches: SQL[] = [];
  const add = (values: readonly string[], branch: (list: SQL) => SQL, type: "uuid" | "text" = "uuid") => {
    if (values.length) branches.push(branch(arrayOf(values, type)));
  };
  for (const named of NAMED_BY_ID) {
    const { kind, table, key, name } = named;
    add(
      uuids("withValues" in named ? [...ids(kind), ...valueIds] : ids(kind)),
      (l) =>
        sql`SELECT ${sql.raw(`'${kind}'`)} AS kind, ${sql.raw(key)}::text AS id, ${sql.raw(name)} AS name
              FROM ${sql.raw(table)} WHERE tenant_id = ANY(${t}) AND ${sql.raw(key)} = ANY(${l})`,
    );
  }
  add(
    uuids([...ids("user"), ...valueIds]),
    (l) => sql`SELECT 'user' AS kind, id::text AS id, full_name AS name FROM users WHERE id = ANY(${l})`,
  );
  // A period travels as "key<LF>label" and is named in the reader's language below.
  add(
    uuids(ids("reporting_period")),
    (l) =>
      sql`SELECT 'reporting_period' AS kind, id::text AS id, key || E'\n' || label AS name FROM reporting_periods
          WHERE tenant_id = ANY(${t}) AND id = ANY(${l})`,
  );
  add(
    uuids(ids("unit_report")),
    (l) =>
      sql`SELECT 'unit_report' AS kind, r.id::text AS id, u.name || E'\n' || p.key || E'\n' || p.label AS name
            FROM unit_reports r
          JOIN org_units u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
          JOIN reporting_periods p ON p.tenant_id = r.tenant_id AND p.id = r.period_id
          WHERE r.tenant_id = ANY(${t}) AND u.tenant_id = ANY(${t}) AND p.tenant_id = ANY(${t}) AND r.id = ANY(${l})`,
  );
  add(
    ids("indicator"),
    (l) =>
      sql`SELECT 'indicator' AS kind, code AS id, name FROM indicators WHERE tenant_id = ANY(${t}) AND code = ANY(${l})`,
    "text",
  );
  if (branches.length === 0) return { subjects, names };
  const rows = await queryRows<{ kind: string; id: string; name: string }>(
    db,
    sql.join(branches, sql` UNION ALL `),
  );
  const wanted = new Set(valueIds);
  const periodName = (key: string, label: string) => periodLabel({ key, label }, lang);
  for (const row of rows) {
    const parts = row.name.split("\n");
    const name =
      row.kind === "reporting_period" && parts.length === 2
        ? periodName(parts[0], parts[1])
        : row.kind === "unit_report" && parts.length === 3
          ? `${parts[0]} — ${periodName(parts[1], parts[2])}`
          : row.name;
    subjects.set(`${row.kind}:${row.id}`, name);
    if (wanted.has(row.id) && ["org_unit", "user", "plan"].includes(row.kind)) names.set(row.id, row.name);
  }
  return { subjects, names };
}
