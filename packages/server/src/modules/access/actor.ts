import type { Role } from "@dtplan/domain/access/roles.ts";
import type { RequestSnapshot } from "../../db/data-snapshot.ts";

export interface ActorGrant {
  unitId: string;
  role: Role;
  tenantId: string;
  unitName: string;
  /** The unit's last day in force, or null while it has none (a grant on a closed unit is flagged). */
  unitValidTo: string | null;
}

/**
 * Where a signed-in user's grants reach in the org tree, read with their session (one
 * statement, session.repository.ts): each grant's unit with every unit below it, and its
 * path up to the province's top. Access checks and reaches are then worked out here
 * instead of read again; a unit outside every grant's subtree (or one created since) is
 * still looked up.
 */
export interface GrantReach {
  /** Every unit at or below a grant's unit → the grant units it lies under (itself included). */
  under: Map<string, string[]>;
  /** Each grant's unit → its path: itself, then its ancestors up to the province's top unit. */
  above: Map<string, string[]>;
}

/** Who is making a request: the signed-in user with their grants. */
export interface Actor {
  id: string;
  /** Home tenant. */
  tenantId: string;
  username: string;
  fullName: string;
  email: string | null;
  isSuperadmin: boolean;
  grants: ActorGrant[];
  /** The province the request chose to work in (x-dtplan-province / ?province=), if any. */
  chosenTenantId?: string | null;
  session: { id: string; tenantId: string; csrfToken: string };
  /** Where the grants reach, when it was read with the session (absent: looked up when needed). */
  reach?: GrantReach | null;
  /** The database snapshot the session was read at, when the server reuses reads (read-cache.ts). */
  readAt?: RequestSnapshot | null;
}

/** A grant's unit's last day when it has passed: the grant is on a unit that no longer exists. */
export const grantClosedOn = (grant: Pick<ActorGrant, "unitValidTo">, today: string): string | null =>
  grant.unitValidTo !== null && grant.unitValidTo < today ? grant.unitValidTo : null;
