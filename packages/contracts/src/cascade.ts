import { z } from "zod";
import { ZUnitRef } from "./common.ts";
import { ZAttainmentStatus } from "./reporting.ts";

const ZPlanRef = z.object({ code: z.string(), title: z.string(), unit: ZUnitRef });

/** A lower plan's target that corresponds to a target of this plan (same catalogue indicator). */
export const ZCascadeTarget = z.object({
  plan: ZPlanRef,
  targetKey: z.uuid(),
  text: z.string(),
  targetValue: z.number().nullable(),
  /** Its latest figure (the plan's latest period with figures), null before any. */
  value: z.number().nullable(),
  period: z.string().nullable(),
  attainment: ZAttainmentStatus,
});

/**
 * Kế hoạch cấp trên ↔ cấp dưới (`GET /api/plans/{code}/cascade`): for a province plan, per
 * target, the communes' corresponding targets (matched by catalogue indicator) with their
 * latest results rolled up by the indicator's rule; for a commune plan, the plan it
 * implements and which of its targets each of this plan's targets serves.
 */
export const ZPlanCascade = z.object({
  plan: ZPlanRef,
  /** Plans that implement this one (their `implementsPlanCode` is this plan's code). */
  implementers: z.array(ZPlanRef),
  targets: z.array(
    z.object({
      targetKey: z.uuid(),
      text: z.string(),
      indicator: z.object({ code: z.string(), name: z.string(), aggregation: z.string() }).nullable(),
      lower: z.array(ZCascadeTarget),
      /** The lower targets' latest figures combined by the indicator's rule; null without figures. */
      rollUp: z
        .object({ value: z.number().nullable(), from: z.number().int(), of: z.number().int() })
        .nullable(),
    }),
  ),
  /** The plan this one implements, when linked. */
  implements: ZPlanRef.nullable(),
  /** This plan's targets with the higher plan's targets they serve. */
  serves: z.array(
    z.object({
      targetKey: z.uuid(),
      text: z.string(),
      higher: z.array(z.object({ targetKey: z.uuid(), text: z.string() })),
    }),
  ),
});
export type TPlanCascade = z.infer<typeof ZPlanCascade>;
