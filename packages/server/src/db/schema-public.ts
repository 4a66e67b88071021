// Drizzle's view of migration 0008_public_summaries (the SQL is the source of truth).
import type { DueDate } from "@dtplan/domain/tasks/summary.ts";
import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A plan's calendar-free task figures (domain tasks/summary.ts), kept with every task change. */
export const planSummaries = pgTable(
  "plan_summaries",
  {
    tenantId: uuid("tenant_id").notNull(),
    planId: uuid("plan_id").notNull(),
    targetCount: integer("target_count").notNull().default(0),
    taskTotal: integer("task_total").notNull().default(0),
    taskDone: integer("task_done").notNull().default(0),
    taskDoneLate: integer("task_done_late").notNull().default(0),
    taskStarted: integer("task_started").notNull().default(0),
    progressSum: integer("progress_sum").notNull().default(0),
    dueDates: jsonb("due_dates").$type<DueDate[]>().notNull().default([]),
    searchText: text("search_text").notNull().default(""),
    titleKey: text("title_key").notNull().default(""),
    refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.planId] })],
);
export type PlanSummaryRow = typeof planSummaries.$inferSelect;

/** Bumped whenever what the public may see of a province changes; cached public answers name it. */
export const publicDataVersions = pgTable("public_data_versions", {
  tenantId: uuid("tenant_id").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull().default(1),
  changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
});
