import type { TUser } from "@dtplan/contracts";
import type { UserRow } from "../../db/schema.ts";
import { todayIso } from "../../db/sql.ts";
import { type ActorGrant, grantClosedOn } from "../access/actor.ts";

/** Never carries the password hash: this is also what the audit log keeps of a user. */
export function presentUser(row: UserRow, grants: readonly ActorGrant[], today = todayIso()): TUser {
  return {
    id: row.id,
    tenantId: row.tenantId,
    username: row.username,
    fullName: row.fullName,
    email: row.email,
    active: row.active,
    isSuperadmin: row.isSuperadmin,
    grants: grants.map((g) => ({
      unitId: g.unitId,
      role: g.role,
      unitName: g.unitName,
      unitClosedOn: grantClosedOn(g, today),
      tenantId: g.tenantId,
    })),
    lastLoginAt: row.lastLoginAt ? row.lastLoginAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function auditUser(user: TUser) {
  const { lastLoginAt: _lastLogin, createdAt: _created, ...rest } = user;
  return rest;
}
