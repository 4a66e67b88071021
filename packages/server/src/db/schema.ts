// Drizzle's view of the tables. The SQL files in ./migrations are the source of truth;

// this mirrors them for typed queries.
import type { Role } from "@dtplan/domain/access/roles.ts";
import type { LineageEvent } from "@dtplan/domain/org/lists.ts";
import type { Lang } from "@dtplan/domain/text/format.ts";
import {
  bigint,
  boolean,
  date,
  foreignKey,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { stampedAt, tenantRow, tenantRowKey } from "./columns.ts";

const timestamps = {
  createdAt: stampedAt("created_at"),
  updatedAt: stampedAt("updated_at"),
};

/** Đơn vị — a node of the organisation tree. */
export const orgUnits = pgTable(
  "org_units",
  {
    ...tenantRow(),
    parentId: uuid("parent_id"),
    code: text("code").notNull(),
    name: text("name").notNull(),
    shortName: text("short_name"),
    kind: text("kind").notNull(),
    validFrom: date("valid_from", { mode: "string" }),
    validTo: date("valid_to", { mode: "string" }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique("org_units_code_unique").on(t.tenantId, t.code),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
  ],
);
export type OrgUnitRow = typeof orgUnits.$inferSelect;

export const orgUnitLineage = pgTable(
  "org_unit_lineage",
  {
    tenantId: uuid("tenant_id").notNull(),
    predecessorId: uuid("predecessor_id").notNull(),
    successorId: uuid("successor_id").notNull(),
    event: text("event").$type<LineageEvent>().notNull(),
    effectiveDate: date("effective_date", { mode: "string" }).notNull(),
    createdAt: stampedAt("created_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.predecessorId, t.successorId] })],
);
export type LineageRow = typeof orgUnitLineage.$inferSelect;

export const users = pgTable(
  "users",
  {
    ...tenantRow(),
    username: text("username").notNull(),
    fullName: text("full_name").notNull(),
    email: text("email"),
    passwordHash: text("password_hash"),
    active: boolean("active").notNull().default(true),
    isSuperadmin: boolean("is_superadmin").notNull().default(false),
    /** Notifications and e-mails are written in it (migration 0018). */
    language: text("language").$type<Lang>().notNull().default("vi"),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique("users_id_unique").on(t.id)],
);
export type UserRow = typeof users.$inferSelect;

export const roleGrants = pgTable(
  "role_grants",
  {
    tenantId: uuid("tenant_id").notNull(),
    userId: uuid("user_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    role: text("role").$type<Role>().notNull(),
    createdAt: stampedAt("created_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId, t.unitId, t.role] })],
);

export const sessions = pgTable(
  "sessions",
  {
    ...tenantRow(),
    userId: uuid("user_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    csrfToken: text("csrf_token").notNull(),
    createdAt: stampedAt("created_at"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastSeenAt: stampedAt("last_seen_at"),
  },
  tenantRowKey,
);
export type SessionRow = typeof sessions.$inferSelect;

export const auditLog = pgTable(
  "audit_log",
  {
    tenantId: uuid("tenant_id").notNull(),
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    at: stampedAt("at"),
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    unitId: uuid("unit_id"),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  tenantRowKey,
);
export type AuditRow = typeof auditLog.$inferSelect;
export * from "./schema-activity.ts";
export * from "./schema-consolidated.ts";
export * from "./schema-plans.ts";
export * from "./schema-public.ts";
export * from "./schema-reminders.ts";
export * from "./schema-reporting.ts";
export * from "./schema-summary.ts";
