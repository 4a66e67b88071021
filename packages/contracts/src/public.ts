import { ATTAINMENT_STATUSES } from "@dtplan/domain/attainment/attainment.ts";
import { TASK_STATUSES } from "@dtplan/domain/tasks/status.ts";
/**
 * Trang công khai — what anyone may read without signing in: published plans, their
 * targets with approved results, and task progress by pillar. Every object here is an
 * allow-list: no person, no user id, no evidence, no comment, no report text.
 */
import { z } from "zod";
import { ZIsoDate } from "./common.ts";
import { ZPillar } from "./indicators.ts";
import { ZPlanKind } from "./plans.ts";

/** A province in a public URL: its root unit's code in lower case (`vlg`), never a uuid. */
export const ZProvinceSlug = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9-]+$/, "Mã tỉnh chỉ gồm chữ thường không dấu, số và gạch ngang");

export const ZPublicPlanParams = z.object({
  province: ZProvinceSlug,
  code: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9-]+$/, "Mã kế hoạch chỉ gồm chữ thường không dấu, số và gạch ngang"),
});
export type TPublicPlanParams = z.infer<typeof ZPublicPlanParams>;

export const ZPublicProvince = z.object({ slug: ZProvinceSlug, name: z.string() });
export type TPublicProvince = z.infer<typeof ZPublicProvince>;

/** Nhiệm vụ của một trụ cột (or of the whole plan), counted by status. */
export const ZPublicTaskProgress = z.object({
  total: z.number().int(),
  /** Done, on time or late. */
  done: z.number().int(),
  inProgress: z.number().int(),
  notStarted: z.number().int(),
  overdue: z.number().int(),
  /** Mean progress of the tasks, 0–100, rounded; null without tasks. */
  averageProgress: z.number().nullable(),
});
export type TPublicTaskProgress = z.infer<typeof ZPublicTaskProgress>;

/** One row of `GET /api/public/plans`. */
export const ZPublicPlanSummary = z.object({
  province: ZPublicProvince,
  code: z.string(),
  title: z.string(),
  /** Đơn vị ban hành (an organisation's name). */
  issuingUnit: z.string(),
  kind: ZPlanKind,
  periodStart: z.number().int().nullable(),
  periodEnd: z.number().int().nullable(),
  visionYear: z.number().int().nullable(),
  documentNumber: z.string().nullable(),
  issuedDate: ZIsoDate.nullable(),
  version: z.number().int(),
  targetCount: z.number().int(),
  taskCount: z.number().int(),
  progress: ZPublicTaskProgress,
});
export type TPublicPlanSummary = z.infer<typeof ZPublicPlanSummary>;

/**
 * Filters of `GET /api/public/plans`: a province (its slug), one issuing unit of it
 * (its code), a year the plan covers, words typed with or without diacritics, a page.
 */
export const ZPublicPlanQuery = z.object({
  province: ZProvinceSlug.optional(),
  unit: z.string().trim().min(1).max(60).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(24),
});
export type TPublicPlanQuery = z.infer<typeof ZPublicPlanQuery>;

/** One page of published plans, with how many match in all. */
export const ZPublicPlanList = z.object({
  items: z.array(ZPublicPlanSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TPublicPlanList = z.infer<typeof ZPublicPlanList>;

/** A province with published plans, for the picker that opens the public page. */
export const ZPublicProvinceEntry = ZPublicProvince.extend({ planCount: z.number().int() });
export const ZPublicProvinceList = z.object({ provinces: z.array(ZPublicProvinceEntry) });
export type TPublicProvinceList = z.infer<typeof ZPublicProvinceList>;

/** An issuing unit (commune, ward, department or the province itself) with published plans. */
export const ZPublicIssuingUnit = z.object({
  code: z.string(),
  name: z.string(),
  planCount: z.number().int(),
});
export const ZPublicUnitList = z.object({ province: ZPublicProvince, units: z.array(ZPublicIssuingUnit) });
export type TPublicUnitList = z.infer<typeof ZPublicUnitList>;
export const ZPublicProvinceParams = z.object({ province: ZProvinceSlug });

export const ZPublicAttainment = z.enum(ATTAINMENT_STATUSES);

/** Chỉ tiêu with its latest approved result. */
export const ZPublicTarget = z.object({
  text: z.string(),
  comparator: z.string().nullable(),
  targetValue: z.number().nullable(),
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
  /** The indicator it is measured by (catalogue name), if any. */
  indicator: z.string().nullable(),
  /** The plan-wide figure from approved unit reports of `result.period`, or null. */
  value: z.number().nullable(),
  attainment: ZPublicAttainment,
});
export type TPublicTarget = z.infer<typeof ZPublicTarget>;

export const ZPublicTask = z.object({
  text: z.string(),
  /** Đơn vị chủ trì — an organisation, as matched or as the plan wrote it. */
  leadUnit: z.string().nullable(),
  deadline: ZIsoDate.nullable(),
  deadlineText: z.string().nullable(),
  recurring: z.boolean(),
  status: z.enum(TASK_STATUSES),
  progress: z.number().int(),
});
export type TPublicTask = z.infer<typeof ZPublicTask>;

export const ZPublicPillar = z.object({
  pillar: ZPillar,
  targets: z.array(ZPublicTarget),
  tasks: z.array(ZPublicTask),
  progress: ZPublicTaskProgress,
});
export type TPublicPillar = z.infer<typeof ZPublicPillar>;

/** `GET /api/public/plans/{province}/{code}`: the plan's latest published version. */
export const ZPublicPlanDetail = ZPublicPlanSummary.extend({
  /** Cơ quan ban hành as the document heads it ("ỦY BAN NHÂN DÂN HUYỆN …"). */
  issuer: z.string().nullable(),
  objectives: z.array(z.string()),
  /** The period whose approved reports give the results; null before any approval. */
  resultPeriod: z.object({ key: z.string(), label: z.string(), end: ZIsoDate }).nullable(),
  attainmentCounts: z.object({
    achieved: z.number().int(),
    near: z.number().int(),
    notAchieved: z.number().int(),
    noData: z.number().int(),
    qualitative: z.number().int(),
  }),
  pillars: z.array(ZPublicPillar),
  legalBases: z.array(
    z.object({
      type: z.string(),
      number: z.string().nullable(),
      date: ZIsoDate.nullable(),
      issuer: z.string().nullable(),
      text: z.string(),
    }),
  ),
  reportingRules: z.array(z.object({ frequency: z.string(), text: z.string() })),
});
export type TPublicPlanDetail = z.infer<typeof ZPublicPlanDetail>;
