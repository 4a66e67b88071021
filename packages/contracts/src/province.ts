import { z } from "zod";
import { ZIsoDate, ZUnitRef, ZUuid } from "./common.ts";
import { ZAttainmentStatusCounts, ZTaskProgressCounts, ZTimelinessCounts } from "./reporting.ts";

export const ZProvinceQuery = z.object({
  /** The province (tenant); default the caller's own. A superadmin picks one. */
  tenantId: ZUuid.optional(),
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
  period: z.object({ key: z.string(), label: z.string() }).nullable(),
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
  localities: z.array(ZLocality),
});
export type TProvinceView = z.infer<typeof ZProvinceView>;
