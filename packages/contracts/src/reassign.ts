import { REASSIGN_KINDS } from "@dtplan/domain/org/lists.ts";
import { z } from "zod";
import { ZIsoDate, ZUnitRef } from "./common.ts";

export const ZReassignKind = z.enum(REASSIGN_KINDS);
export type TReassignKind = z.infer<typeof ZReassignKind>;

/**
 * Chuyển công việc của đơn vị đã ngừng hoạt động — each move names the closed unit and the
 * unit that takes its work; `kinds` and `userIds` narrow it (one user's grant, only tasks …).
 */
export const ZReassignmentRequest = z.object({
  moves: z
    .array(z.object({ fromUnitId: z.uuid(), toUnitId: z.uuid() }))
    .min(1, "Chọn ít nhất một đơn vị cần chuyển công việc")
    .max(200, "Tối đa 200 đơn vị một lần"),
  kinds: z.array(ZReassignKind).min(1, "Chọn ít nhất một loại công việc").optional(),
  userIds: z.array(z.uuid()).max(500).optional(),
});
export type TReassignmentRequest = z.infer<typeof ZReassignmentRequest>;

/** One thing that moves (or cannot, with the reason in `skipped`). */
export const ZReassignmentItem = z.object({
  kind: ZReassignKind,
  id: z.string(),
  /** The task's text, the report's plan and period, the user's name. */
  label: z.string(),
  /** Where it belongs: the plan, the role … */
  detail: z.string().nullable(),
  from: ZUnitRef,
  to: ZUnitRef,
  skipped: z.string().nullable(),
});
export type TReassignmentItem = z.infer<typeof ZReassignmentItem>;

const ZKindCounts = z.object(
  Object.fromEntries(REASSIGN_KINDS.map((k) => [k, z.number().int()])) as Record<
    (typeof REASSIGN_KINDS)[number],
    z.ZodNumber
  >,
);

export const ZReassignmentPreview = z.object({
  items: z.array(ZReassignmentItem),
  /** Items that move, by kind (skipped ones excluded). */
  counts: ZKindCounts,
  skipped: z.number().int(),
});
export type TReassignmentPreview = z.infer<typeof ZReassignmentPreview>;

/** A closed unit that still holds open work, with the successors its lineage names. */
export const ZPendingReassignment = z.object({
  unit: ZUnitRef.extend({ validTo: ZIsoDate }),
  successors: z.array(ZUnitRef),
  counts: ZKindCounts,
});
export type TPendingReassignment = z.infer<typeof ZPendingReassignment>;

export const ZPendingReassignments = z.object({ items: z.array(ZPendingReassignment) });
export type TPendingReassignments = z.infer<typeof ZPendingReassignments>;

export const ZPendingReassignmentsQuery = z.object({ tenantId: z.uuid().optional() });
