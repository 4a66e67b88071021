// Drizzle's view of migration 0016_target_figures (the SQL is the source of truth).
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
