import type { UnitLineageEdge } from "@dtplan/domain/org/tree.ts";
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";
import { type LineageRow, type OrgUnitRow, orgUnitLineage, orgUnits } from "../../db/schema.ts";
import { acrossTenants } from "../../db/sql.ts";
import { refreshReportingStatus } from "../summary/reporting-status.ts";

/** Why a look-up by unit id alone reads every province (on Citus: every shard, by the id index). */
export const UNIT_ID_NAMES_TENANT = "a unit id names its province";

/** A unit looked up by id alone (ids are globally unique; the tenant comes with it). */
export async function findUnitById(db: Database, unitId: string): Promise<OrgUnitRow | undefined> {
  const [row] = await db
    .select()
    .from(orgUnits)
    .where(acrossTenants(UNIT_ID_NAMES_TENANT, eq(orgUnits.id, unitId)))
    .limit(1);
  return row;
}

export async function findUnit(
  db: Database,
  tenantId: string,
  unitId: string,
): Promise<OrgUnitRow | undefined> {
  const [row] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, unitId)))
    .limit(1);
  return row;
}

export async function findUnitsByIds(db: Database, unitIds: readonly string[]): Promise<OrgUnitRow[]> {
  if (unitIds.length === 0) return [];
  return db
    .select()
    .from(orgUnits)
    .where(acrossTenants(UNIT_ID_NAMES_TENANT, inArray(orgUnits.id, [...unitIds])));
}

/**
 * Units among `unitIds` (of `tenants`: the reach's, so the statement stays on their shards), optionally of one tenant and in force on a date (the domain's
 * `isInForce`: valid from on or before it, valid to on or after it), filtered in SQL.
 */
export async function listUnits(
  db: Database,
  filter: { unitIds: readonly string[]; tenants: readonly string[]; tenantId?: string; inForceOn?: string },
): Promise<OrgUnitRow[]> {
  if (filter.unitIds.length === 0 || filter.tenants.length === 0) return [];
  const on = filter.inForceOn;
  return db
    .select()
    .from(orgUnits)
    .where(
      and(
        inArray(orgUnits.tenantId, [...filter.tenants]),
        inArray(orgUnits.id, [...filter.unitIds]),
        filter.tenantId ? eq(orgUnits.tenantId, filter.tenantId) : undefined,
        on ? or(isNull(orgUnits.validFrom), lte(orgUnits.validFrom, on)) : undefined,
        on ? or(isNull(orgUnits.validTo), gte(orgUnits.validTo, on)) : undefined,
      ),
    );
}

export async function listTenantUnits(db: Database, tenantId: string): Promise<OrgUnitRow[]> {
  return db.select().from(orgUnits).where(eq(orgUnits.tenantId, tenantId)).orderBy(asc(orgUnits.code));
}

export async function listUnitsOfTenants(db: Database, tenantIds: readonly string[]): Promise<OrgUnitRow[]> {
  if (tenantIds.length === 0) return [];
  return db
    .select()
    .from(orgUnits)
    .where(inArray(orgUnits.tenantId, [...tenantIds]))
    .orderBy(asc(orgUnits.code));
}

export async function insertUnit(db: Database, values: typeof orgUnits.$inferInsert): Promise<OrgUnitRow> {
  const [row] = await db.insert(orgUnits).values(values).returning();
  return row;
}

export async function updateUnit(
  db: Database,
  tenantId: string,
  unitId: string,
  values: Partial<Pick<OrgUnitRow, "parentId" | "code" | "name" | "shortName" | "kind" | "validTo">>,
): Promise<OrgUnitRow> {
  const [row] = await db
    .update(orgUnits)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, unitId)))
    .returning();
  return row;
}

export async function tenantLineage(db: Database, tenantId: string): Promise<LineageRow[]> {
  return db.select().from(orgUnitLineage).where(eq(orgUnitLineage.tenantId, tenantId));
}

export async function insertLineage(
  db: Database,
  tenantId: string,
  edges: readonly (UnitLineageEdge & { event: "merge" | "split" })[],
): Promise<void> {
  if (edges.length === 0) return;
  await db.insert(orgUnitLineage).values(edges.map((e) => ({ tenantId, ...e })));
  // A merger or split passes the closed units' reporting to their successors: who reports changes.
  await refreshReportingStatus(db, { tenantId });
}

/** Links into and out of one unit, with the other unit's name. */
export async function unitLinks(
  db: Database,
  tenantId: string,
  unitId: string,
): Promise<{
  predecessors: { unitId: string; name: string; effectiveDate: string; event: "merge" | "split" }[];
  successors: { unitId: string; name: string; effectiveDate: string; event: "merge" | "split" }[];
}> {
  const rows = await queryRows<{
    predecessor_id: string;
    successor_id: string;
    event: "merge" | "split";
    effective_date: string;
    other_name: string;
  }>(
    db,
    sql`SELECT l.predecessor_id, l.successor_id, l.event, l.effective_date::text AS effective_date, o.name AS other_name
          FROM org_unit_lineage l
          JOIN org_units o ON o.tenant_id = l.tenant_id
           AND o.id = CASE WHEN l.successor_id = ${unitId} THEN l.predecessor_id ELSE l.successor_id END
         WHERE l.tenant_id = ${tenantId} AND (l.successor_id = ${unitId} OR l.predecessor_id = ${unitId})
         ORDER BY l.effective_date, o.name`,
  );
  const link = (r: (typeof rows)[number], other: string) => ({
    unitId: other,
    name: r.other_name,
    effectiveDate: r.effective_date,
    event: r.event,
  });
  return {
    predecessors: rows.filter((r) => r.successor_id === unitId).map((r) => link(r, r.predecessor_id)),
    successors: rows.filter((r) => r.predecessor_id === unitId).map((r) => link(r, r.successor_id)),
  };
}

/**
 * The unit and every unit whose history it carries on (predecessors through
 * merges and splits, transitively), nearest first. Later capabilities use it to
 * show a merged commune its predecessors' data.
 */
export async function unitLineage(
  db: Database,
  tenantId: string,
  unitId: string,
): Promise<{ id: string; name: string; validFrom: string | null; validTo: string | null; depth: number }[]> {
  const rows = await queryRows<{
    id: string;
    name: string;
    valid_from: string | null;
    valid_to: string | null;
    depth: number;
  }>(
    db,
    sql`WITH RECURSIVE back AS (
          SELECT ${unitId}::uuid AS id, 0 AS depth
          UNION
          SELECT l.predecessor_id, b.depth + 1
            FROM org_unit_lineage l JOIN back b ON l.successor_id = b.id
           WHERE l.tenant_id = ${tenantId} AND b.depth < 64
        )
        SELECT u.id, u.name, u.valid_from::text AS valid_from, u.valid_to::text AS valid_to, min(b.depth)::int AS depth
          FROM back b JOIN org_units u ON u.tenant_id = ${tenantId} AND u.id = b.id
         GROUP BY u.id, u.name, u.valid_from, u.valid_to
         ORDER BY depth, u.name`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    depth: Number(r.depth),
  }));
}
