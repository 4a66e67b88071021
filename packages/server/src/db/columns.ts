// The columns and keys most tenant tables share, so each table lists only its own.

import type { TableCellRef } from "@dtplan/domain/extract/types.ts";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  integer,
  jsonb,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

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

/**
 * An item of a plan (target, task): its plan version, the key that follows it from one
 * version to the next, its place in the document and its pillar.
 */
export const planItem = () => ({
  planId: uuid("plan_id").notNull(),
  key: uuid("key").notNull().default(sql`gen_random_uuid()`),
  position: integer("position").notNull(),
  pillar: text("pillar").notNull(),
  section: text("section"),
});

/** Where an item was read from in the document (characters, table cell) and how sure the reading is. */
export const readFromDocument = () => ({
  sourceStart: integer("source_start"),
  sourceEnd: integer("source_end"),
  /** The table row (and cell) the item was read from, when it came from a table. */
  sourceCell: jsonb("source_cell").$type<TableCellRef>(),
  confidence: real("confidence").notNull().default(1),
});

/** Optimistic lock (migration 0012): a save names the version it read; who saved last, when. */
export const savedVersion = () => ({
  version: integer("version").notNull().default(1),
  updatedBy: uuid("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true }),
});
