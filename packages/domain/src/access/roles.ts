/** Vai trò — a role a user holds on an org unit and its whole subtree. */
export const ROLES = [
  "administrator",
  "focal_officer",
  "unit_reporter",
  "leader",
  "province_viewer",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  administrator: { vi: "Quản trị hệ thống", en: "Administrator" },
  focal_officer: { vi: "Chuyên viên đầu mối", en: "Focal officer" },
  unit_reporter: { vi: "Cán bộ báo cáo của đơn vị", en: "Unit reporter" },
  leader: { vi: "Lãnh đạo", en: "Leader" },
  province_viewer: { vi: "Cán bộ theo dõi cấp tỉnh", en: "Province viewer" },
};

/** What a route may require. Grown by each capability as it lands. */
export const PERMISSIONS = [
  "org.read",
  "org.manage",
  "users.read",
  "users.manage",
  "audit.read",
  "plans.read",
  "plans.manage",
  "reports.submit",
  "reports.review",
  "dashboard.read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  administrator: PERMISSIONS,
  focal_officer: [
    "org.read",
    "users.read",
    "audit.read",
    "plans.read",
    "plans.manage",
    "reports.review",
    "dashboard.read",
  ],
  unit_reporter: ["org.read", "plans.read", "reports.submit"],
  leader: ["org.read", "audit.read", "plans.read", "reports.review", "dashboard.read"],
  province_viewer: ["org.read", "plans.read", "dashboard.read"],
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

/** Roles that may fill and submit a unit's report. */
export const REPORTER_ROLES: readonly Role[] = ROLES.filter((r) => roleGrants(r, "reports.submit"));

/**
 * A unit's own reporting staff: a unit where nobody holds one (on it or above it) has no
 * account of its own, and the focal officer enters its reports (nhập thay). An
 * administrator may submit anywhere but is no unit's staff.
 */
export const UNIT_STAFF_ROLES: readonly Role[] = REPORTER_ROLES.filter((r) => !roleGrants(r, "users.manage"));

/**
 * Roles whose work is reviewing units' reports (approve or return): an administrator may
 * review anywhere but is nobody's reviewer, so submissions wait on a focal officer's or a
 * leader's list, never an administrator's.
 */
export const REVIEWER_ROLES: readonly Role[] = ROLES.filter(
  (r) => roleGrants(r, "reports.review") && !roleGrants(r, "users.manage"),
);
