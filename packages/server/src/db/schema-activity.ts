// Drizzle's view of migration 0003_task_activity (the SQL is the source of truth).
import type { EvidenceOwnerType, TaskCommentKind } from "@dtplan/domain/tasks/lists.ts";
import { bigint, date, integer, numeric, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { stampedAt, tenantRow, tenantRowKey } from "./columns.ts";

/** Cập nhật tiến độ — one change of a task's progress, by the task's stable key. */
export const taskUpdates = pgTable(
  "task_updates",
  {
    ...tenantRow(),
    taskKey: uuid("task_key").notNull(),
    taskId: uuid("task_id").notNull(),
    planId: uuid("plan_id").notNull(),
    actorId: uuid("actor_id"),
    progressBefore: integer("progress_before"),
    progress: integer("progress").notNull(),
    note: text("note"),
    completedAt: date("completed_at", { mode: "string" }),
    at: stampedAt("at"),
  },
  tenantRowKey,
);
export type TaskUpdateRow = typeof taskUpdates.$inferSelect;

export type { TaskCommentKind };

/** Ý kiến and chỉ đạo on a task. */
export const taskComments = pgTable(
  "task_comments",
  {
    ...tenantRow(),
    taskKey: uuid("task_key").notNull(),
    taskId: uuid("task_id").notNull(),
    planId: uuid("plan_id").notNull(),
    kind: text("kind").$type<TaskCommentKind>().notNull(),
    authorId: uuid("author_id"),
    body: text("body").notNull(),
    at: stampedAt("at"),
  },
  tenantRowKey,
);
export type TaskCommentRow = typeof taskComments.$inferSelect;

/** Tệp minh chứng. */
export const evidenceFiles = pgTable(
  "evidence_files",
  {
    ...tenantRow(),
    ownerType: text("owner_type").$type<EvidenceOwnerType>().notNull(),
    ownerKey: uuid("owner_key").notNull(),
    planId: uuid("plan_id"),
    originalName: text("original_name").notNull(),
    storageKey: text("storage_key").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: uuid("uploaded_by"),
    at: stampedAt("at"),
  },
  tenantRowKey,
);
export type EvidenceFileRow = typeof evidenceFiles.$inferSelect;

/** Hạng mục kinh phí. */
export const budgetItems = pgTable(
  "budget_items",
  {
    ...tenantRow(),
    planCode: text("plan_code").notNull(),
    taskKey: uuid("task_key"),
    title: text("title").notNull(),
    amountPlanned: numeric("amount_planned", { mode: "number" }).notNull(),
    amountDisbursed: numeric("amount_disbursed", { mode: "number" }).notNull().default(0),
    source: text("source"),
    year: integer("year"),
    createdBy: uuid("created_by"),
    createdAt: stampedAt("created_at"),
    updatedAt: stampedAt("updated_at"),
    // Optimistic lock (migration 0012): a save names the version it read.
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by"),
  },
  tenantRowKey,
);
export type BudgetItemRow = typeof budgetItems.$inferSelect;
