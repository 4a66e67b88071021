// Drizzle's view of migrations 0016_target_figures and 0019_reporting_status (the SQL is the source of truth).
import type { ReportStatus } from "@dtplan/domain/reporting/lists.ts";
import type { ReportingRole } from "@dtplan/domain/reporting/who-reports.ts";
import {
  boolean,
  doublePrecision,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/** A target's rolled-up figure in one period (domain periodFigure), kept with every report transition. */
export const targetFigures = pgTable(
  "target_figures",
  {
    tenantId: uuid("tenant_id").notNull(),
    planCode: text("plan_code").notNull(),
    periodId: uuid("period_id").notNull(),
    targetKey: uuid("target_key").notNull(),
    approvedOnly: boolean("approved_only").notNull(),
    value: doublePrecision("value"),
    numerator: doublePrecision("numerator"),
    denominator: doublePrecision("denominator"),
    reportingUnits: integer("reporting_units").notNull(),
    refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.periodId, t.targetKey, t.approvedOnly] })],
);
export type TargetFigureRow = typeof targetFigures.$inferSelect;

/**
 * Đơn vị phải báo cáo and its report in one period (migration 0019_reporting_status):
 * completeness and timeliness kept with every report transition and every change of who reports.
 */
export const reportingStatus = pgTable(
  "reporting_status",
  {
    tenantId: uuid("tenant_id").notNull(),
    planCode: text("plan_code").notNull(),
    periodId: uuid("period_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    /** In the period's who-reports answer; false: a report kept from a unit no longer expected. */
    expected: boolean("expected").notNull(),
    role: text("role").$type<ReportingRole>().notNull(),
    taskCount: integer("task_count").notNull(),
    targetCount: integer("target_count").notNull(),
    reportId: uuid("report_id"),
    status: text("status").$type<ReportStatus>(),
    firstSubmittedAt: timestamp("first_submitted_at", { withTimezone: true }),
    /** Days after the due date of the first submission (0: on time); null until submitted. */
    daysLate: integer("days_late"),
    refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.periodId, t.unitId] })],
);
export type ReportingStatusRow = typeof reportingStatus.$inferSelect;
