// Drizzle's view of migration 0006_consolidated_reports (the SQL is the source of truth).
import { date, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { stampedAt } from "./columns.ts";

export interface StoredSignature {
  authority: string;
  signatory: "chairman" | "vice_chairman";
  signerName: string;
}

/** Báo cáo tổng hợp — the written parts of one period's consolidated report. */
export const consolidatedReports = pgTable(
  "consolidated_reports",
  {
    tenantId: uuid("tenant_id").notNull(),
    planCode: text("plan_code").notNull(),
    periodKey: text("period_key").notNull(),
    documentNumber: text("document_number").notNull().default(""),
    placeName: text("place_name").notNull(),
    reportDate: date("report_date", { mode: "string" }).notNull(),
    opening: text("opening").notNull().default(""),
    assessment: text("assessment").notNull().default(""),
    difficulties: text("difficulties").notNull().default(""),
    proposals: text("proposals").notNull().default(""),
    nextTasks: text("next_tasks").notNull().default(""),
    signature: jsonb("signature").$type<StoredSignature>().notNull(),
    recipients: jsonb("recipients").$type<string[]>().notNull().default([]),
    version: integer("version").notNull().default(1),
    createdAt: stampedAt("created_at"),
    createdBy: uuid("created_by"),
    updatedAt: stampedAt("updated_at"),
    updatedBy: uuid("updated_by"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.planCode, t.periodKey] })],
);
export type ConsolidatedReportRow = typeof consolidatedReports.$inferSelect;
