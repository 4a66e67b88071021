import { z } from "zod";
import { ZPlanCode, ZUuid } from "./common.ts";

const ZVnd = z.number().int("Số tiền là số nguyên (đồng)").min(0, "Số tiền không âm").max(1e15);

/** Hạng mục kinh phí — a funded task or project of a plan. */
export const ZBudgetItem = z.object({
  id: z.uuid(),
  planCode: z.string(),
  /** The funded task (stable across plan versions), if the item is one. */
  task: z.object({ key: z.uuid(), id: z.uuid().nullable(), text: z.string() }).nullable(),
  title: z.string(),
  /** VND. */
  amountPlanned: z.number(),
  amountDisbursed: z.number(),
  source: z.string().nullable(),
  year: z.number().int().nullable(),
  updatedAt: z.string(),
  /** Bumped by every edit; send it back with the next edit. */
  version: z.number().int(),
});
export type TBudgetItem = z.infer<typeof ZBudgetItem>;

export const ZBudgetItemParams = z.object({ code: ZPlanCode, itemId: ZUuid });
export const ZBudgetItemList = z.object({ items: z.array(ZBudgetItem) });

const ZBudgetItemFields = z.object({
  taskKey: z.uuid().nullable(),
  title: z.string().trim().min(1, "Nhập tên hạng mục").max(1000),
  amountPlanned: ZVnd,
  amountDisbursed: ZVnd,
  source: z.string().trim().max(300).nullable(),
  year: z.number().int().min(1900).max(2200).nullable(),
});
export const ZCreateBudgetItem = ZBudgetItemFields.partial().extend({
  title: ZBudgetItemFields.shape.title,
  amountPlanned: ZBudgetItemFields.shape.amountPlanned,
});
export type TCreateBudgetItem = z.infer<typeof ZCreateBudgetItem>;
export const ZUpdateBudgetItem = ZBudgetItemFields.partial()
  // The version as loaded; a save made on an older one is refused (409).
  .extend({ version: z.number().int().min(1).optional() })
  .refine((v) => Object.keys(v).some((k) => k !== "version"), { message: "Không có thay đổi nào" });
export type TUpdateBudgetItem = z.infer<typeof ZUpdateBudgetItem>;

/** `GET /api/plans/{code}/budget`: the plan's total beside the sum of its items. */
export const ZBudgetSummary = z.object({
  planCode: z.string(),
  currency: z.literal("VND"),
  /** Tổng kinh phí as the plan states it. */
  planTotal: z.number().nullable(),
  sources: z.array(z.string()),
  planned: z.number(),
  disbursed: z.number(),
  /** planned − planTotal; null without a plan total. */
  difference: z.number().nullable(),
  /** Disbursed as a share of planned, 0..100 (one decimal). */
  disbursedPercent: z.number().nullable(),
  bySource: z.array(z.object({ source: z.string().nullable(), planned: z.number(), disbursed: z.number() })),
  byYear: z.array(
    z.object({ year: z.number().int().nullable(), planned: z.number(), disbursed: z.number() }),
  ),
  /** Vietnamese, when the items' sum disagrees with the plan total (or disbursed exceeds planned); else null. */
  warning: z.string().nullable(),
  items: z.array(ZBudgetItem),
});
export type TBudgetSummary = z.infer<typeof ZBudgetSummary>;
