export { PlanExtractError, type PlanExtractErrorCode } from "./errors.ts";
export { extractPlan } from "./extract-plan.ts";
export { foldVietnamese, modernTone } from "./text-utils.ts";
export type * from "./types.ts";
export { canonicalUnit, expandAbbreviations } from "./units.ts";
