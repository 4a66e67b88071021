import type { Role } from "@dtplan/domain/access/roles.ts";
import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { roleGrants, type UserRow, users } from "../../db/schema.ts";
import { acrossTenants, sqlList } from "../../db/sql.ts";
import { GRANTS_SPAN_PROVINCES } from "../access/access.repository.ts";

export async function findUserById(db: Database, userId: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  return row;
}

/** Users holding a grant on a unit in `unitIds`, or at home in one of `wholeTenants`. */
export async function listUsers(
  db: Database,
  filter: {
    unitIds: readonly string[];
    wholeTenants: readonly string[];
    /** The tenants of `unitIds` (the reach's), so the grants are read on their shards. */
    tenants: readonly string[];
    q?: string;
    unitId?: string;
    limit: number;
    offset: number;
  },
): Promise<{ rows: UserRow[]; total: number }> {
  const scope: SQL[] = [];
  const inTenants = filter.tenants.length ? sql`g.tenant_id IN ${sqlList(filter.tenants)}` : sql`false`;
  if (filter.unitIds.length) {
    scope.push(
      sql`EXISTS (SELECT 1 FROM role_grants g WHERE ${inTenants} AND g.user_id = ${users.id} AND g.unit_id IN ${sqlList(filter.unitIds)})`,
    );
  }
  if (filter.wholeTenants.length) scope.push(inArray(users.tenantId, [...filter.wholeTenants]));
  if (scope.length === 0) return { rows: [], total: 0 };
  const q = filter.q?.replace(/[\\%_]/g, (c) => `\\${c}`);
  const where = and(
    or(...scope),
    q ? or(ilike(users.username, `%${q}%`), ilike(users.fullName, `%${q}%`)) : undefined,
    filter.unitId
      ? sql`EXISTS (SELECT 1 FROM role_grants g WHERE ${inTenants} AND g.user_id = ${users.id} AND g.unit_id = ${filter.unitId})`
      : undefined,
  );
  const rows = await db
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.username))
    .limit(filter.limit)
    .offset(filter.offset);
  const [{ total }] = await db.select({ total: count() }).from(users).where(where);
  return { rows, total };
}

export async function replaceGrants(
  db: Database,
  userId: string,
  grants: readonly { tenantId: string; unitId: string; role: Role }[],
): Promise<void> {
  await db.delete(roleGrants).where(acrossTenants(GRANTS_SPAN_PROVINCES, eq(roleGrants.userId, userId)));
  const unique = [...new Map(grants.map((g) => [`${g.unitId}|${g.role}`, g])).values()];
  if (unique.length) await db.insert(roleGrants).values(unique.map((g) => ({ ...g, userId })));
}

/** Whether anyone can sign in at all: a fresh non-demo install has no account yet. */
export async function hasAnyAccount(db: Database): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length > 0;
}
