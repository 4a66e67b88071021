// Drizzle's view of migration 0005_reminders (the SQL is the source of truth).
import type { OutboxStatus } from "@dtplan/domain/reminders/outbox.ts";
import { sql } from "drizzle-orm";
import { integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

export type { OutboxStatus };

/** Thông báo trong ứng dụng, in the recipient's home tenant. */
export const notifications = pgTable(
  "notifications",
  {
    tenantId: uuid("tenant_id").notNull(),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    userId: uuid("user_id").notNull(),
    kind: text("kind").notNull(),
    idempotencyKey: text("idempotency_key"),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    link: text("link"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
export type NotificationRow = typeof notifications.$inferSelect;

/** Hộp thư đi — one e-mail to send, at most once per idempotency key. */
export const outbox = pgTable(
  "outbox",
  {
    tenantId: uuid("tenant_id").notNull(),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    idempotencyKey: text("idempotency_key").notNull(),
    kind: text("kind").notNull(),
    userId: uuid("user_id"),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: text("status").$type<OutboxStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
export type OutboxRow = typeof outbox.$inferSelect;
