import { AGGREGATIONS } from "@dtplan/domain/indicators/lists.ts";
import { TARGET_MATCH_BASES } from "@dtplan/domain/plans/target-correspondence.ts";
import { z } from "zod";
import { ZPersonRef, ZPlanCode, ZUnitRef } from "./common.ts";
import { ZAttainmentStatus } from "./reporting.ts";

const ZPlanRef = z.object({ code: z.string(), title: z.string(), unit: ZUnitRef });

/** A lower plan's target that corresponds to a target of this plan. */
export const ZCascadeTarget = z.object({
  plan: ZPlanRef,
  targetKey: z.uuid(),
  text: z.string(),
  targetValue: z.number().nullable(),
  /** Its latest figure (the plan's latest period with figures), null before any. */
  value: z.number().nullable(),
  period: z.string().nullable(),
  attainment: ZAttainmentStatus,
  /** Confirmed by the focal officer; false: matched on the same catalogue indicator, not yet confirmed. */
  confirmed: z.boolean(),
});

/** A suggested higher target for a lower one: why, and how close their wording is (0..1). */
export const ZTargetMatchSuggestion = z.object({
  targetKey: z.uuid(),
  basis: z.enum(TARGET_MATCH_BASES),
  score: z.number(),
});

/**
 * Kế hoạch cấp trên ↔ cấp dưới (`GET /api/plans/{code}/cascade`): for a province plan, per
 * target, the communes' corresponding targets with their latest results rolled up by the
 * indicator's rule, and the basis of that figure; for a commune plan, the plan it implements
 * (read from its legal basis, confirmed in review) and, per target, the target of that plan
 * it serves (confirmed, or suggested) with the choices.
 */
export const ZPlanCascade = z.object({
  plan: ZPlanRef,
  /** Communes, wards and special zones in force today under the plan's unit. */
  communes: z.number().int(),
  /** Published plans that implement this one (their `implementsPlanCode` is this plan's code). */
  implementers: z.array(ZPlanRef.extend({ confirmed: z.boolean() })),
  targets: z.array(
    z.object({
      targetKey: z.uuid(),
      text: z.string(),
      /** The target's catalogue indicator; else (`fromLower`) the one its communes' targets all share. */
      indicator: z
        .object({
          code: z.string(),
          name: z.string(),
          aggregation: z.enum(AGGREGATIONS),
          fromLower: z.boolean(),
        })
        .nullable(),
      lower: z.array(ZCascadeTarget),
      /**
       * The lower targets' latest figures combined by the indicator's rule (`value` null without
       * an indicator or a figure); `from` of the `of` implementing plans have a figure, `matched`
       * have a corresponding target; `periods` are the periods those figures are of.
       */
      rollUp: z.object({
        value: z.number().nullable(),
        from: z.number().int(),
        matched: z.number().int(),
        of: z.number().int(),
        periods: z.array(z.string()),
      }),
    }),
  ),
  /** The plan this one implements, when linked. */
  implements: ZPlanRef.extend({
    /** The focal officer confirmed the link in review (else the import read it from the legal basis). */
    confirmed: z.boolean(),
    confirmedBy: ZPersonRef,
    /** The legal basis citing that plan ("Kế hoạch số 285/KH-UBND …"), when one does. */
    legalBasis: z.string().nullable(),
  }).nullable(),
  /** Every target of this plan, with the higher plan's target it serves (none without a link). */
  serves: z.array(
    z.object({
      targetKey: z.uuid(),
      text: z.string(),
      higher: z.object({ targetKey: z.uuid(), text: z.string() }).nullable(),
      /** The focal officer confirmed `higher` (or that it serves none). */
      confirmed: z.boolean(),
      suggestion: ZTargetMatchSuggestion.nullable(),
    }),
  ),
  /** The higher plan's targets, to choose from. */
  higherTargets: z.array(
    z.object({ targetKey: z.uuid(), text: z.string(), indicatorCode: z.string().nullable() }),
  ),
});
export type TPlanCascade = z.infer<typeof ZPlanCascade>;

/** Xác nhận kế hoạch cấp trên (review): the plan this draft implements, or none. */
export const ZConfirmImplements = z.object({ implementsPlanCode: ZPlanCode.nullable() });
export type TConfirmImplements = z.infer<typeof ZConfirmImplements>;

/** Xác nhận chỉ tiêu tương ứng: per target of the plan, the higher plan's target it serves (null: none). */
export const ZSetTargetLinks = z.object({
  links: z
    .array(z.object({ targetKey: z.uuid(), higherTargetKey: z.uuid().nullable() }))
    .min(1)
    .max(1000),
});
export type TSetTargetLinks = z.infer<typeof ZSetTargetLinks>;

export const ZCascadeSaved = z.object({ saved: z.number().int() });
