// The columns and keys most tenant tables share, so each table lists only its own.
import { sql } from "drizzle-orm";
import { type AnyPgColumn, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";

/** Every tenant row: the tenant first (the distribution column), then its own id. */
export const tenantRow = () => ({
  tenantId: uuid("tenant_id").notNull(),
  id: uuid("id").notNull().default(sql`gen_random_uuid()`),
});

/** `PRIMARY KEY (tenant_id, id)`. */
export const tenantRowKey = (t: { tenantId: AnyPgColumn; id: AnyPgColumn }) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
];

/** A moment the database stamps when the row is written (`timestamptz NOT NULL DEFAULT now()`). */
export const stampedAt = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();
