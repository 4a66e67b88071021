// Drizzle's view of migration 0004_reporting (the SQL is the source of truth).
import type { ReportEventAction, ReportingFrequency, ReportStatus } from "@dtplan/domain/reporting/lists.ts";
import {
  boolean,
  date,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { stampedAt, tenantRow, tenantRowKey } from "./columns.ts";

export type { ReportEventAction, ReportingFrequency, ReportStatus };

/** Kỳ báo cáo of a plan (by code, across amendments). */
export const reportingPeriods = pgTable(
  "reporting_periods",
  {
    ...tenantRow(),
    planCode: text("plan_code").notNull(),
    key: text("key").notNull(),
    label: text("label").notNull(),
    frequency: text("frequency").$type<ReportingFrequency>().notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    adhoc: boolean("adhoc").notNull().default(false),
    adjustedBy: uuid("adjusted_by"),
    adjustedAt: timestamp("adjusted_at", { withTimezone: true }),
    adjustReason: text("adjust_reason"),
    createdBy: uuid("created_by"),
    createdAt: stampedAt("created_at"),
  },
  tenantRowKey,
);
export type ReportingPeriodRow = typeof reportingPeriods.$inferSelect;

/** Báo cáo của đơn vị for one period. */
export const unitReports = pgTable(
  "unit_reports",
  {
    ...tenantRow(),
    periodId: uuid("period_id").notNull(),
    planCode: text("plan_code").notNull(),
    unitId: uuid("unit_id").notNull(),
    status: text("status").$type<ReportStatus>().notNull().default("draft"),
    version: integer("version").notNull().default(1),
    difficulties: text("difficulties").notNull().default(""),
    proposals: text("proposals").notNull().default(""),
    firstSubmittedAt: timestamp("first_submitted_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: uuid("submitted_by"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewedBy: uuid("reviewed_by"),
    returnComment: text("return_comment"),
    locked: boolean("locked").notNull().default(false),
    createdAt: stampedAt("created_at"),
    updatedAt: stampedAt("updated_at"),
    updatedBy: uuid("updated_by"),
    /** Nhập thay (migration 0013): the focal officer who entered the report for a unit without an account. */
    onBehalfBy: uuid("on_behalf_by"),
  },
  tenantRowKey,
);
export type UnitReportRow = typeof unitReports.$inferSelect;

export const unitReportTasks = pgTable(
  "unit_report_tasks",
  {
    tenantId: uuid("tenant_id").notNull(),
    reportId: uuid("report_id").notNull(),
    taskKey: uuid("task_key").notNull(),
    progress: integer("progress"),
    note: text("note"),
    updatedAt: stampedAt("updated_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.reportId, t.taskKey] })],
);
export type UnitReportTaskRow = typeof unitReportTasks.$inferSelect;

export const unitReportValues = pgTable(
  "unit_report_values",
  {
    tenantId: uuid("tenant_id").notNull(),
    reportId: uuid("report_id").notNull(),
    targetKey: uuid("target_key").notNull(),
    indicatorCode: text("indicator_code").notNull(),
    numerator: numeric("numerator", { mode: "number" }),
    denominator: numeric("denominator", { mode: "number" }),
    value: numeric("value", { mode: "number" }),
    note: text("note"),
    evidenceFileIds: jsonb("evidence_file_ids").$type<string[]>().notNull().default([]),
    updatedAt: stampedAt("updated_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.reportId, t.targetKey] })],
);
export type UnitReportValueRow = typeof unitReportValues.$inferSelect;

/** Lịch sử báo cáo — one transition. */
export const reportEvents = pgTable(
  "report_events",
  {
    ...tenantRow(),
    reportId: uuid("report_id").notNull(),
    periodId: uuid("period_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    action: text("action").$type<ReportEventAction>().notNull(),
    fromStatus: text("from_status").$type<ReportStatus>(),
    toStatus: text("to_status").$type<ReportStatus>().notNull(),
    actorId: uuid("actor_id"),
    comment: text("comment"),
    at: stampedAt("at"),
  },
  tenantRowKey,
);
export type ReportEventRow = typeof reportEvents.$inferSelect;
