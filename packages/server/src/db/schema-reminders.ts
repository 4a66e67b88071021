// Drizzle's view of migrations 0005_reminders, 0017_notification_channels and 0018_notification_language
// (the SQL is the source of truth).
import type {
  NotificationChannel,
  NotificationKind,
  OutboxKind,
} from "@dtplan/domain/reminders/notifications.ts";
import type { OutboxStatus } from "@dtplan/domain/reminders/outbox.ts";
import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { stampedAt, tenantRow, tenantRowKey } from "./columns.ts";

export type { OutboxStatus };

/** Thông báo trong ứng dụng, in the recipient's home tenant. */
export const notifications = pgTable(
  "notifications",
  {
    ...tenantRow(),
    userId: uuid("user_id").notNull(),
    kind: text("kind").$type<NotificationKind>().notNull(),
    idempotencyKey: text("idempotency_key"),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    /** The same in English, shown when the interface is in English (null before migration 0018). */
    titleEn: text("title_en"),
    bodyEn: text("body_en"),
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
    kind: text("kind").$type<OutboxKind>().notNull(),
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

/** Kênh nhận thông báo a person turned on or off (a channel without a row keeps its default). */
export const notificationChannels = pgTable(
  "notification_channels",
  {
    tenantId: uuid("tenant_id").notNull(),
    userId: uuid("user_id").notNull(),
    channel: text("channel").$type<NotificationChannel>().notNull(),
    enabled: boolean("enabled").notNull(),
    updatedAt: stampedAt("updated_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId, t.channel] })],
);

/** Lịch hạn: the hash of a person's private calendar feed token. */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    tenantId: uuid("tenant_id").notNull(),
    userId: uuid("user_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: stampedAt("created_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] })],
);
