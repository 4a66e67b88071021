import { isAllowed } from "@dtplan/domain/access/access.ts";
import type { Permission } from "@dtplan/domain/access/roles.ts";
import type { OrgUnitRow } from "../../db/schema.ts";
import type { Actor } from "./actor.ts";

/** The unit's path (itself up to the root) from a loaded tree. */
export function pathIn(units: ReadonlyMap<string, OrgUnitRow>, unitId: string): string[] {
  const out: string[] = [];
  for (
    let u = units.get(unitId);
    u && !out.includes(u.id);
    u = u.parentId ? units.get(u.parentId) : undefined
  ) {
    out.push(u.id);
  }
  return out;
}

/** Whether the actor holds `permission` on the unit, checked against a tree already loaded. */
export function can(
  actor: Actor,
  permission: Permission,
  units: ReadonlyMap<string, OrgUnitRow>,
  unitId: string,
): boolean {
  return isAllowed(actor.grants, permission, pathIn(units, unitId));
}
