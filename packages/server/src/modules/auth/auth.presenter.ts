import type { TSessionResponse, TSessionUser } from "@dtplan/contracts";
import { todayIso } from "../../db/sql.ts";
import { type Actor, grantClosedOn } from "../access/actor.ts";

export function presentSessionUser(actor: Omit<Actor, "session">, today = todayIso()): TSessionUser {
  return {
    id: actor.id,
    username: actor.username,
    fullName: actor.fullName,
    email: actor.email,
    isSuperadmin: actor.isSuperadmin,
    grants: actor.grants.map((g) => ({
      unitId: g.unitId,
      role: g.role,
      unitName: g.unitName,
      unitClosedOn: grantClosedOn(g, today),
      tenantId: g.tenantId,
    })),
  };
}

export function presentSession(actor: Actor, limits: TSessionResponse["limits"]): TSessionResponse {
  return { user: presentSessionUser(actor), csrfToken: actor.session.csrfToken, limits };
}
