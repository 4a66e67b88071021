// Plan extraction. Text folding and abbreviation expansion for matching are exported by
// ../text (foldVietnamese, expandAbbreviations) and the pillar keys by ../indicators
// (Pillar): they are not re-exported here, so `export *` of all three never clashes.
export { PlanExtractError, type PlanExtractErrorCode } from "./errors.ts";
export { extractPlan } from "./extract-plan.ts";
export { modernTone } from "./text-utils.ts";
export type {
  Budget,
  Comparator,
  Deadline,
  ExtractedTable,
  ExtractOptions,
  LegalBasis,
  Objective,
  PlanExtract,
  ReportingFrequency,
  ReportingRule,
  SourceSpan,
  TableCellRef,
  TableColumnRole,
  Target,
  Task,
  UnparsedBlock,
} from "./types.ts";
export { canonicalUnit, expandUnitAbbreviations } from "./units.ts";
