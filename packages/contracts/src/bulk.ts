import { BULK_OUTCOMES } from "@dtplan/domain/bulk/outcomes.ts";
import { z } from "zod";
import { ZUuid } from "./common.ts";

const ZBulkIds = z.array(ZUuid).min(1, "Chọn ít nhất một mục").max(1000, "Mỗi lần xử lý tối đa 1000 mục");

/**
 * `POST /plans/:code/items/bulk` — one change to many items of the draft: the lead unit of
 * tasks (giao đơn vị chủ trì), or confirming the indicator matched to targets. Each item
 * goes through the single edit; `preview: true` changes nothing and says what would.
 */
export const ZBulkEditItems = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("assign_lead"),
    ids: ZBulkIds,
    leadUnitId: ZUuid,
    preview: z.boolean().default(false),
  }),
  z.object({
    action: z.literal("confirm_indicators"),
    ids: ZBulkIds,
    preview: z.boolean().default(false),
  }),
]);
export type TBulkEditItems = z.infer<typeof ZBulkEditItems>;

export const ZBulkEditItemsResult = z.object({
  applied: z.boolean(),
  changed: z.number().int(),
  skipped: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      text: z.string(),
      outcome: z.enum(BULK_OUTCOMES),
      reason: z.string().nullable(),
      /** The lead unit's name or the indicator's code, before and after. */
      before: z.string().nullable(),
      after: z.string().nullable(),
    }),
  ),
});
export type TBulkEditItemsResult = z.infer<typeof ZBulkEditItemsResult>;
