import { TARGET_UNIT_MODES, TARGET_UNIT_SUGGESTION_REASONS } from "@dtplan/domain/reporting/target-units.ts";
import { z } from "zod";
import { ZUnitRef, ZUuid } from "./common.ts";

export const ZTargetUnitMode = z.enum(TARGET_UNIT_MODES);
export const ZTargetUnitSuggestionReason = z.enum(TARGET_UNIT_SUGGESTION_REASONS);

/** A unit that may report targets: in force today, with its kind for quick picks ("tất cả xã, phường"). */
export const ZTargetUnitCandidate = ZUnitRef.extend({
  kind: z.string(),
  parentId: z.uuid().nullable(),
  /** Xã, phường, đặc khu. */
  communeLevel: z.boolean(),
});
export type TTargetUnitCandidate = z.infer<typeof ZTargetUnitCandidate>;

/** `GET /api/plans/{code}/target-units` — each target's reporting units and suggestions. */
export const ZTargetUnits = z.object({
  plan: z.object({
    code: z.string(),
    version: z.number().int(),
    /** Whether the units can be changed (a draft, or an amendment draft). */
    editable: z.boolean(),
    issuingUnit: ZUnitRef,
  }),
  targets: z.array(
    z.object({
      key: z.uuid(),
      text: z.string(),
      pillar: z.string(),
      scope: z.string().nullable(),
      /** Whether it carries figures in reports (it has a known indicator). */
      reported: z.boolean(),
      units: z.array(ZUnitRef),
      suggestions: z.array(ZUnitRef.extend({ reason: ZTargetUnitSuggestionReason })),
    }),
  ),
  candidates: z.array(ZTargetUnitCandidate),
});
export type TTargetUnits = z.infer<typeof ZTargetUnits>;

/** `POST /api/plans/{code}/target-units` — one change to many targets, previewed first. */
export const ZSetTargetUnits = z
  .object({
    targetKeys: z.array(ZUuid).min(1, "Chọn ít nhất một chỉ tiêu").max(1000),
    mode: ZTargetUnitMode,
    /** Ignored in mode "suggested". */
    unitIds: z.array(ZUuid).max(5000).default([]),
    /** Only say what would change. */
    preview: z.boolean().default(false),
  })
  .refine((b) => b.mode === "suggested" || b.mode === "replace" || b.unitIds.length > 0, {
    message: "Chọn ít nhất một đơn vị",
    path: ["unitIds"],
  });
export type TSetTargetUnits = z.infer<typeof ZSetTargetUnits>;

export const ZSetTargetUnitsResult = z.object({
  applied: z.boolean(),
  /** Targets whose units change, with the units added and removed. */
  changes: z.array(
    z.object({
      key: z.uuid(),
      text: z.string(),
      added: z.array(ZUnitRef),
      removed: z.array(ZUnitRef),
    }),
  ),
});
export type TSetTargetUnitsResult = z.infer<typeof ZSetTargetUnitsResult>;
