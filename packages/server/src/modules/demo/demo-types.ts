// The shapes of the demo organisation: units by key, lineage, accounts.
import type { Role } from "@dtplan/domain/access/roles.ts";

export interface DemoUnit {
  key: string;
  code: string;
  name: string;
  kind: string;
  parent: string | null;
  shortName?: string;
  validFrom?: string;
  validTo?: string;
}

export interface DemoLineage {
  from: string[];
  to: string;
  event: "merge" | "split";
  effectiveDate: string;
}

export interface DemoUser {
  username: string;
  fullName: string;
  /** Where the person works, when the grant is wider ("Sở Khoa học và Công nghệ"). */
  workplace?: string;
  grants: { unit: string; role: Role }[];
}

export interface DemoTenant {
  units: DemoUnit[];
  lineage: DemoLineage[];
  users: DemoUser[];
}
