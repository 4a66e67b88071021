/**
 * Xuất dữ liệu — CSV, JSON and XLSX downloads of the lists people work from. Each export
 * takes the query of the list it mirrors plus `format`, and returns every matching row.
 */
import { z } from "zod";
import { ZUuid } from "./common.ts";
import { ZPillar } from "./indicators.ts";
import { ZPlanDetailQuery, ZPlanTaskListQuery } from "./plans.ts";
import { ZAttainmentQuery } from "./reporting.ts";
import { ZMyWorkTask, ZTaskStatus } from "./tasks.ts";

export const EXPORT_FORMATS = ["csv", "json", "xlsx"] as const;
export const ZExportFormat = z
  .enum(EXPORT_FORMATS, { message: "Định dạng xuất phải là csv, json hoặc xlsx" })
  .default("csv");
export type TExportFormat = (typeof EXPORT_FORMATS)[number];

/** `GET /api/exports/tasks`: the filters of `GET /api/plan-tasks`, without paging. */
export const ZTaskExportQuery = ZPlanTaskListQuery.omit({ limit: true, offset: true }).extend({
  format: ZExportFormat,
});
export type TTaskExportQuery = z.infer<typeof ZTaskExportQuery>;

/** `GET /api/exports/my-tasks`: "Việc của tôi" (`GET /api/my-work`) with the screen's filters. */
export const ZMyTaskExportQuery = z.object({
  status: ZTaskStatus.optional(),
  role: ZMyWorkTask.shape.role.optional(),
  format: ZExportFormat,
});
export type TMyTaskExportQuery = z.infer<typeof ZMyTaskExportQuery>;

/**
 * `GET /api/plans/:code/exports/targets`: the version of `GET /api/plans/:code` and the
 * period of `GET /api/plans/:code/attainment`, optionally one pillar.
 */
export const ZTargetExportQuery = ZPlanDetailQuery.extend({
  period: ZAttainmentQuery.shape.period,
  pillar: ZPillar.optional(),
  format: ZExportFormat,
});
export type TTargetExportQuery = z.infer<typeof ZTargetExportQuery>;

/** `GET /api/plans/:code/exports/indicator-values`: the units' reported figures. */
export const ZIndicatorValueExportQuery = z.object({
  period: ZAttainmentQuery.shape.period,
  /** A unit and the units under it. */
  unitId: ZUuid.optional(),
  /** Indicator code. */
  indicator: z.string().trim().min(1).max(100).optional(),
  pillar: ZPillar.optional(),
  format: ZExportFormat,
});
export type TIndicatorValueExportQuery = z.infer<typeof ZIndicatorValueExportQuery>;

/** The body of a JSON export: what was exported, with which filters, and the rows. */
export const ZExportJson = z.object({
  plan: z.object({ code: z.string(), title: z.string(), version: z.number().int().optional() }).nullable(),
  filters: z.record(z.string(), z.unknown()),
  generatedAt: z.string(),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
});
export type TExportJson = z.infer<typeof ZExportJson>;
