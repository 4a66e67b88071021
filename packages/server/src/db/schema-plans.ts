// Drizzle's view of migrations 0002_plans and 0009_plan_item_cells (the SQL is the source of truth).

import type {
  IndicatorAggregation,
  IndicatorDirection,
  IndicatorOrigin,
} from "@dtplan/domain/indicators/lists.ts";
import type { Comparator, PlanKind, PlanStatus, TaskKind } from "@dtplan/domain/plans/lists.ts";
import type { ReportingFrequency } from "@dtplan/domain/reporting/lists.ts";
import {
  bigint,
  boolean,
  date,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { planItem, readFromDocument, savedVersion, stampedAt, tenantRow, tenantRowKey } from "./columns.ts";

export type { PlanKind, PlanStatus };

/** A unit suggestion kept beside an extracted name, for the review screen. */
export interface StoredUnitSuggestion {
  unitId: string;
  score: number;
  reason: string;
}

/** Đơn vị phối hợp — as extracted, with the unit it was matched to (if any). */
export interface StoredCoordinator {
  text: string | null;
  unitId: string | null;
  score: number | null;
  suggestions: StoredUnitSuggestion[];
}

export interface StoredIndicatorSuggestion {
  code: string;
  score: number;
}

/** Chỉ số — the national catalogue copied per tenant, plus local ones. */
export const indicators = pgTable(
  "indicators",
  {
    tenantId: uuid("tenant_id").notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    unit: text("unit").notNull(),
    pillar: text("pillar").notNull(),
    aggregation: text("aggregation").$type<IndicatorAggregation>().notNull(),
    direction: text("direction").$type<IndicatorDirection>().notNull(),
    numeratorLabel: text("numerator_label"),
    denominatorLabel: text("denominator_label"),
    keywords: jsonb("keywords").$type<string[]>().notNull().default([]),
    scopeKeywords: jsonb("scope_keywords").$type<string[]>().notNull().default([]),
    origin: text("origin").$type<IndicatorOrigin>().notNull(),
    /** Code and name folded (no diacritics, lower case): what the catalogue search matches. */
    searchText: text("search_text").notNull().default(""),
    createdBy: uuid("created_by"),
    createdAt: stampedAt("created_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.code] })],
);
export type IndicatorRow = typeof indicators.$inferSelect;

/** Kế hoạch — one row per version. */
export const plans = pgTable(
  "plans",
  {
    ...tenantRow(),
    code: text("code").notNull(),
    version: integer("version").notNull().default(1),
    status: text("status").$type<PlanStatus>().notNull().default("draft"),
    title: text("title").notNull(),
    kind: text("kind").$type<PlanKind>().notNull(),
    unitId: uuid("unit_id").notNull(),
    periodStart: integer("period_start"),
    periodEnd: integer("period_end"),
    visionYear: integer("vision_year"),
    parentPlanCode: text("parent_plan_code"),
    implementsPlanCode: text("implements_plan_code"),
    documentNumber: text("document_number"),
    issuedDate: date("issued_date", { mode: "string" }),
    signerName: text("signer_name"),
    signerTitle: text("signer_title"),
    issuer: text("issuer"),
    locality: text("locality"),
    objectives: jsonb("objectives").$type<string[]>().notNull().default([]),
    sourceText: text("source_text").notNull().default(""),
    sourceFileName: text("source_file_name"),
    sourceFormat: text("source_format"),
    extraction: jsonb("extraction"),
    amendmentReason: text("amendment_reason"),
    createdBy: uuid("created_by"),
    createdAt: stampedAt("created_at"),
    updatedAt: stampedAt("updated_at"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: uuid("published_by"),
    /** Who confirmed `implementsPlanCode` in review (null: as the import read it from the legal basis). */
    implementsConfirmedBy: uuid("implements_confirmed_by"),
    implementsConfirmedAt: timestamp("implements_confirmed_at", { withTimezone: true }),
  },
  tenantRowKey,
);
export type PlanRow = typeof plans.$inferSelect;
/**
 * A plan's whole document: its text and what the import read from it. Reads that report on
 * a plan leave them out (tens to hundreds of KB a version), hence `PlanHead`.
 */
export const PLAN_DOCUMENT = ["sourceText", "extraction"] as const;
export type PlanHead = Omit<PlanRow, (typeof PLAN_DOCUMENT)[number]>;

export const planVersions = pgTable(
  "plan_versions",
  {
    tenantId: uuid("tenant_id").notNull(),
    code: text("code").notNull(),
    version: integer("version").notNull(),
    planId: uuid("plan_id").notNull(),
    snapshot: jsonb("snapshot").notNull(),
    diff: jsonb("diff"),
    reason: text("reason"),
    publishedAt: stampedAt("published_at"),
    publishedBy: uuid("published_by"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.code, t.version] })],
);
export type PlanVersionRow = typeof planVersions.$inferSelect;

/** Chỉ tiêu. */
export const planTargets = pgTable(
  "plan_targets",
  {
    ...tenantRow(),
    ...planItem(),
    text: text("text").notNull(),
    value: numeric("value", { mode: "number" }),
    unit: text("unit"),
    comparator: text("comparator").$type<Comparator>(),
    year: integer("year"),
    scope: text("scope"),
    indicatorCode: text("indicator_code"),
    indicatorScore: real("indicator_score"),
    indicatorConfirmed: boolean("indicator_confirmed").notNull().default(false),
    indicatorSuggestions: jsonb("indicator_suggestions")
      .$type<StoredIndicatorSuggestion[]>()
      .notNull()
      .default([]),
    ...readFromDocument(),
    ...savedVersion(),
  },
  tenantRowKey,
);
export type PlanTargetRow = typeof planTargets.$inferSelect;

/**
 * Đơn vị báo cáo chỉ tiêu (migration 0013) — a unit that reports a target's figures, per
 * plan version (an amendment copies them). The issuing unit itself when it reports alone.
 */
export const planTargetUnits = pgTable(
  "plan_target_units",
  {
    tenantId: uuid("tenant_id").notNull(),
    planId: uuid("plan_id").notNull(),
    targetKey: uuid("target_key").notNull(),
    unitId: uuid("unit_id").notNull(),
    assignedBy: uuid("assigned_by"),
    assignedAt: stampedAt("assigned_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.planId, t.targetKey, t.unitId] })],
);
export type PlanTargetUnitRow = typeof planTargetUnits.$inferSelect;

/**
 * Chỉ tiêu tương ứng: the higher plan's target a target of an implementing plan serves, as the
 * focal officer confirmed it (`higherTargetKey` null: serves none). By plan code and target key.
 */
export const planTargetLinks = pgTable(
  "plan_target_links",
  {
    tenantId: uuid("tenant_id").notNull(),
    planCode: text("plan_code").notNull(),
    targetKey: uuid("target_key").notNull(),
    higherPlanCode: text("higher_plan_code").notNull(),
    higherTargetKey: uuid("higher_target_key"),
    confirmedBy: uuid("confirmed_by"),
    confirmedAt: stampedAt("confirmed_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.planCode, t.targetKey] })],
);
export type PlanTargetLinkRow = typeof planTargetLinks.$inferSelect;

/** Nhiệm vụ, giải pháp. */
export const planTasks = pgTable(
  "plan_tasks",
  {
    ...tenantRow(),
    ...planItem(),
    kind: text("kind").$type<TaskKind>().notNull().default("task"),
    text: text("text").notNull(),
    leadUnitId: uuid("lead_unit_id"),
    leadText: text("lead_text"),
    leadScore: real("lead_score"),
    leadNone: boolean("lead_none").notNull().default(false),
    leadSuggestions: jsonb("lead_suggestions").$type<StoredUnitSuggestion[]>().notNull().default([]),
    coordinators: jsonb("coordinators").$type<StoredCoordinator[]>().notNull().default([]),
    deadlineText: text("deadline_text"),
    deadlineDate: date("deadline_date", { mode: "string" }),
    recurring: boolean("recurring").notNull().default(false),
    cadence: text("cadence"),
    ...readFromDocument(),
    progress: integer("progress"),
    completedAt: date("completed_at", { mode: "string" }),
    ...savedVersion(),
  },
  tenantRowKey,
);
export type PlanTaskRow = typeof planTasks.$inferSelect;

/** Căn cứ. */
export const planLegalBases = pgTable(
  "plan_legal_bases",
  {
    ...tenantRow(),
    planId: uuid("plan_id").notNull(),
    position: integer("position").notNull(),
    type: text("type").notNull(),
    number: text("number"),
    date: date("date", { mode: "string" }),
    issuer: text("issuer"),
    text: text("text").notNull(),
    linkedPlanCode: text("linked_plan_code"),
  },
  tenantRowKey,
);
export type PlanLegalBasisRow = typeof planLegalBases.$inferSelect;

/** Chế độ báo cáo. */
export const planReportingRules = pgTable(
  "plan_reporting_rules",
  {
    ...tenantRow(),
    planId: uuid("plan_id").notNull(),
    position: integer("position").notNull(),
    frequency: text("frequency").$type<ReportingFrequency>().notNull(),
    dueDay: integer("due_day"),
    dueMonth: integer("due_month"),
    dueLastOfPeriod: boolean("due_last_of_period").notNull().default(false),
    text: text("text").notNull(),
  },
  tenantRowKey,
);
export type PlanReportingRuleRow = typeof planReportingRules.$inferSelect;

/** Kinh phí. */
export const planBudget = pgTable(
  "plan_budget",
  {
    tenantId: uuid("tenant_id").notNull(),
    planId: uuid("plan_id").notNull(),
    total: bigint("total", { mode: "number" }),
    currency: text("currency").notNull().default("VND"),
    sources: jsonb("sources").$type<string[]>().notNull().default([]),
    text: text("text"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.planId] })],
);
export type PlanBudgetRow = typeof planBudget.$inferSelect;
