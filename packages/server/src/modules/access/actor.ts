import type { Role } from "@dtplan/domain/access/roles.ts";

export interface ActorGrant {
  unitId: string;
  role: Role;
  tenantId: string;
  unitName: string;
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
}
