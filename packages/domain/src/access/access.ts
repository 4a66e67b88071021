import { type Permission, type Role, roleGrants } from "./roles.ts";

/** A role held on a unit; it reaches the unit and everything below it. */
export interface Grant {
  unitId: string;
  role: Role;
}

/**
 * Whether someone holding `grants` may do `permission` on the unit whose chain of
 * ancestors (itself first, root last) is `unitPath`.
 */
export function isAllowed(
  grants: readonly Grant[],
  permission: Permission,
  unitPath: readonly string[],
): boolean {
  const onPath = new Set(unitPath);
  return grants.some((g) => onPath.has(g.unitId) && roleGrants(g.role, permission));
}

/** The units from which `permission` reaches down: the roots of what the user may touch. */
export function grantRoots(grants: readonly Grant[], permission: Permission): string[] {
  return [...new Set(grants.filter((g) => roleGrants(g.role, permission)).map((g) => g.unitId))];
}

/** A grant that names its province too (the province's top-level unit has the tenant's id). */
export interface ProvinceGrant extends Grant {
  tenantId: string;
}

/**
 * The provinces where `permission` reaches the top-level unit, i.e. the whole province
 * ("Toàn tỉnh"). The server decides who sees a province's figures with it, and the web
 * offers the province view only to whom the server would show it.
 */
export function wholeProvinces(grants: readonly ProvinceGrant[], permission: Permission): Set<string> {
  return new Set(
    grants.filter((g) => g.unitId === g.tenantId && roleGrants(g.role, permission)).map((g) => g.tenantId),
  );
}
