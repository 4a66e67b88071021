import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";
import { orgUnits, roleGrants } from "../../db/schema.ts";
import { acrossTenants, sqlList } from "../../db/sql.ts";
import type { ActorGrant } from "./actor.ts";

/** A unit's path: itself, then its ancestors up to the tenant root. */
export interface UnitPath {
  tenantId: string;
  ids: string[];
}

/** The unit itself, then its ancestors up to the tenant root. */
export async function unitPath(db: Database, unitId: string): Promise<UnitPath | null> {
  return (await unitPaths(db, [unitId])).get(unitId) ?? null;
}

/**
 * The tenant of each unit id that exists. Unit ids are unique across tenants, so an id
 * names its province; on Citus this look-up by id alone reads every shard (through the
 * index on org_units (id)) — the one step before a statement can be routed.
 */
export async function tenantsOfUnits(
  db: Database,
  unitIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byTenant = new Map<string, string[]>();
  if (unitIds.length === 0) return byTenant;
  const rows = await queryRows<{ tenant_id: string; id: string }>(
    db,
    sql`SELECT tenant_id, id FROM org_units
         WHERE ${acrossTenants("a unit id names its province", sql`id IN ${sqlList([...new Set(unitIds)])}`)}`,
  );
  for (const r of rows) byTenant.set(r.tenant_id, [...(byTenant.get(r.tenant_id) ?? []), r.id]);
  return byTenant;
}

/**
 * The paths of many units, one statement per tenant (usually one); a unit that does not
 * exist has no entry. Both terms of the recursive CTE filter by tenant_id (Citus runs a
 * recursive CTE only on one shard).
 */
export async function unitPaths(db: Database, unitIds: readonly string[]): Promise<Map<string, UnitPath>> {
  const out = new Map<string, UnitPath>();
  for (const [tenantId, ids] of await tenantsOfUnits(db, unitIds)) {
    for (const [id, path] of await unitPathsIn(db, tenantId, ids)) out.set(id, path);
  }
  return out;
}

/** The paths of units of one known province (a grant's units): no look-up across provinces first. */
export async function unitPathsIn(
  db: Database,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, UnitPath>> {
  const out = new Map<string, UnitPath>();
  if (ids.length === 0) return out;
  const rows = await queryRows<{ start_id: string; id: string }>(
    db,
    sql`WITH RECURSIVE up AS (
          SELECT id AS start_id, id, parent_id, 0 AS depth FROM org_units
           WHERE tenant_id = ${tenantId} AND id IN ${sqlList([...ids])}
          UNION ALL
          SELECT up.start_id, u.id, u.parent_id, up.depth + 1
            FROM org_units u JOIN up ON u.id = up.parent_id
           WHERE u.tenant_id = ${tenantId} AND up.depth < 64
        )
        SELECT start_id, id FROM up ORDER BY start_id, depth`,
  );
  for (const r of rows) {
    const path = out.get(r.start_id) ?? { tenantId, ids: [] };
    path.ids.push(r.id);
    out.set(r.start_id, path);
  }
  return out;
}

/** Every unit at or below the given roots (any tenants), one statement per tenant. */
export async function subtreeIds(db: Database, rootIds: readonly string[]): Promise<string[]> {
  return subtreeIdsByTenant(db, await tenantsOfUnits(db, rootIds));
}

/** Every unit at or below the given roots, grouped by their tenant (grants know it). */
export async function subtreeIdsByTenant(
  db: Database,
  rootsByTenant: ReadonlyMap<string, readonly string[]>,
): Promise<string[]> {
  const out: string[] = [];
  for (const [tenantId, roots] of rootsByTenant) {
    if (roots.length === 0) continue;
    const rows = await queryRows<{ id: string }>(
      db,
      sql`WITH RECURSIVE down AS (
            SELECT id FROM org_units WHERE tenant_id = ${tenantId} AND id IN ${sqlList([...roots])}
            UNION
            SELECT u.id FROM org_units u JOIN down d ON u.parent_id = d.id WHERE u.tenant_id = ${tenantId}
          )
          SELECT id FROM down`,
    );
    for (const r of rows) out.push(r.id);
  }
  return out;
}

/** Why an account's grants are read and replaced across provinces (on Citus: every shard). */
export const GRANTS_SPAN_PROVINCES = "an account's grants span the provinces it works in";

/** Each user's grants, with the name of the unit each is on. */
export async function grantsOfUsers(
  db: Database,
  userIds: readonly string[],
): Promise<Map<string, ActorGrant[]>> {
  const out = new Map<string, ActorGrant[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const rows = await db
    .select({
      userId: roleGrants.userId,
      unitId: roleGrants.unitId,
      role: roleGrants.role,
      tenantId: roleGrants.tenantId,
      unitName: orgUnits.name,
      unitValidTo: orgUnits.validTo,
    })
    .from(roleGrants)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, roleGrants.tenantId), eq(orgUnits.id, roleGrants.unitId)))
    .where(acrossTenants(GRANTS_SPAN_PROVINCES, inArray(roleGrants.userId, [...userIds])))
    .orderBy(asc(orgUnits.name), asc(roleGrants.role));
  for (const { userId, ...grant } of rows) out.get(userId)?.push(grant);
  return out;
}
