import { z } from "zod";
import { ZIsoDate, ZPeriodKey, ZUnitRef, ZUuid } from "./common.ts";
import { ZAttainmentStatusCounts, ZTaskProgressCounts, ZTimelinessCounts } from "./reporting.ts";

export const ZProvinceQuery = z.object({
  /** The province (tenant); default the caller's own. A superadmin picks one. */
  tenantId: ZUuid.optional(),
  /** The one period every locality is compared on (`2026-Q3`); default the latest one due. */
  period: ZPeriodKey.optional(),
  /** Also show closed units (dissolved districts) and plans not yet started. */
  showAll: z.preprocess(
    // A query string carries "false" as text; plain coercion would read it as true.
    (v) => (v === "false" || v === "0" ? false : v),
    z.coerce.boolean().optional(),
  ),
});

export const ZProvinceExportQuery = ZProvinceQuery.extend({
  format: z
    .enum(["csv", "xlsx", "json"], { message: "Định dạng phải là csv, xlsx hoặc json" })
    .default("csv"),
});

/** A published plan of a locality, with the period its figures come from. */
export const ZLocalityPlan = z.object({
  code: z.string(),
  title: z.string(),
  /** "2025" or "2021–2025". */
  years: z.string().nullable(),
  /** The compared period when this plan has it; null when its calendar has no such period. */
  period: z.object({ key: z.string(), label: z.string() }).nullable(),
  /** Its first year is after this year: nothing to compare yet. */
  notStarted: z.boolean(),
});

/**
 * Địa phương — a unit that issued a published plan, or a current commune / ward /
 * special zone that has none yet (`plans` empty: "chưa có kế hoạch"). Figures add up
 * over its plans.
 */
export const ZLocality = z.object({
  unit: z.object({
    id: z.uuid(),
    name: z.string(),
    kind: z.string(),
    kindLabel: z.string(),
    /** No longer in force (a district before 1/7/2025): its plans stay on record. */
    closed: z.boolean(),
  }),
  plans: z.array(ZLocalityPlan),
  targets: ZAttainmentStatusCounts.extend({
    total: z.number().int(),
    /** Achieved among the targets with a figure to judge (0–100); null when none has. */
    achievedPercent: z.number().nullable(),
  }),
  tasks: ZTaskProgressCounts,
  reporting: ZTimelinessCounts,
});
export type TLocality = z.infer<typeof ZLocality>;

/** `GET /api/province?tenantId=` — every locality of a province side by side. */
export const ZProvinceView = z.object({
  province: ZUnitRef,
  /** The provinces the caller may pick (more than one for a superadmin). */
  provinces: z.array(ZUnitRef),
  today: ZIsoDate,
  /** The period compared (attainment and reporting of that period only); null when no plan has one. */
  period: z.object({ key: z.string(), label: z.string() }).nullable(),
  /** The periods the plans of the province have, newest first: what can be compared. */
  periods: z.array(z.object({ key: z.string(), label: z.string(), plans: z.number().int() })),
  showAll: z.boolean(),
  /** What the default view leaves out (shown with `showAll`). */
  hidden: z.object({ closedUnits: z.number().int(), notStartedPlans: z.number().int() }),
  localities: z.array(ZLocality),
});
export type TProvinceView = z.infer<typeof ZProvinceView>;
