import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";
import { orgUnits, roleGrants } from "../../db/schema.ts";
import { sqlList } from "../../db/sql.ts";
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

/** The paths of many units in one statement; a unit that does not exist has no entry. */
export async function unitPaths(db: Database, unitIds: readonly string[]): Promise<Map<string, UnitPath>> {
  const out = new Map<string, UnitPath>();
  if (unitIds.length === 0) return out;
  const rows = await queryRows<{ start_id: string; tenant_id: string; id: string }>(
    db,
    sql`WITH RECURSIVE up AS (
          SELECT id AS start_id, tenant_id, id, parent_id, 0 AS depth FROM org_units WHERE id IN ${sqlList([...new Set(unitIds)])}
          UNION ALL
          SELECT up.start_id, u.tenant_id, u.id, u.parent_id, up.depth + 1
            FROM org_units u JOIN up ON u.tenant_id = up.tenant_id AND u.id = up.parent_id
           WHERE up.depth < 64
        )
        SELECT start_id, tenant_id, id FROM up ORDER BY start_id, depth`,
  );
  for (const r of rows) {
    const path = out.get(r.start_id) ?? { tenantId: r.tenant_id, ids: [] };
    path.ids.push(r.id);
    out.set(r.start_id, path);
  }
  return out;
}

/** Every unit at or below the given roots (any tenants). */
export async function subtreeIds(db: Database, rootIds: readonly string[]): Promise<string[]> {
  if (rootIds.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`WITH RECURSIVE down AS (
          SELECT tenant_id, id FROM org_units WHERE id IN ${sqlList(rootIds)}
          UNION
          SELECT u.tenant_id, u.id FROM org_units u JOIN down d ON u.tenant_id = d.tenant_id AND u.parent_id = d.id
        )
        SELECT id FROM down`,
  );
  return rows.map((r) => r.id);
}

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
    .where(inArray(roleGrants.userId, [...userIds]))
    .orderBy(asc(orgUnits.name), asc(roleGrants.role));
  for (const { userId, ...grant } of rows) out.get(userId)?.push(grant);
  return out;
}
