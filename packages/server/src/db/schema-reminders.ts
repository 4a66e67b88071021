// Drizzle's view of migration 0005_reminders (the SQL is the source of truth).
import type { OutboxStatus } from "@dtplan/domain/reminders/outbox.ts";
import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { stampedAt, tenantRow, tenantRowKey } from "./columns.ts";

export type { OutboxStatus };

/** Thông báo trong ứng dụng, in the recipient's home tenant. */
export const notifications = pgTable(
  "notifications",
  {
    ...tenantRow(),
    userId: uuid("user_id").notNull(),
    kind: text("kind").notNull(),
    idempotencyKey: text("idempotency_key"),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    link: text("link"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: stampedAt("created_at"),
  },
  tenantRowKey,
);
export type NotificationRow = typeof notifications.$inferSelect;

/** Hộp thư đi — one e-mail to send, at most once per idempotency key. */
export const outbox = pgTable(
  "outbox",
  {
    ...tenantRow(),
    idempotencyKey: text("idempotency_key").notNull(),
    kind: text("kind").notNull(),
    userId: uuid("user_id"),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: text("status").$type<OutboxStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: stampedAt("next_attempt_at"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: stampedAt("created_at"),
  },
  tenantRowKey,
);
export type OutboxRow = typeof outbox.$inferSelect;
