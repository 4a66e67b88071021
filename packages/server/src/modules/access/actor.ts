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
  session: { id: string; tenantId: string; csrfToken: string };
}
