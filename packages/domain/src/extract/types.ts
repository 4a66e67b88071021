// The plan-extract/v1 contract (shared/plan-extract/SCHEMA.md) plus what the review
// screen needs: where each item came from (offsets into `sourceText`) and how sure we are.

// The pillar keys are shared with the indicator catalogue: one definition.
import type { Pillar } from "../indicators/pillars.ts";

export type { Pillar };

/** Character offsets [start, end) into `PlanExtract.sourceText`. */
export interface SourceSpan {
  start: number;
  end: number;
}

export interface LegalBasis {
  type: string;
  number: string | null;
  date: string | null;
  issuer: string | null;
  text: string;
  source: SourceSpan;
  confidence: number;
}

export type Comparator = ">=" | ">" | "<=" | "<";

export interface Target {
  id: string;
  pillar: Pillar;
  text: string;
  value: number | null;
  unit: string | null;
  comparator: Comparator | null;
  year: number | null;
  scope: string | null;
  /** Heading path, e.g. "II.2.a Phát triển Chính quyền số". */
  section: string | null;
  source: SourceSpan;
  confidence: number;
}

export interface Deadline {
  text: string;
  /** Last day the deadline allows (ISO), null for "thường xuyên" and the like. */
  date: string | null;
}

export interface Task {
  id: string;
  pillar: Pillar;
  section: string | null;
  kind: "task" | "solution";
  text: string;
  lead: string | null;
  coordinators: string[];
  deadline: Deadline | null;
  /** Units the item addresses without making them lead ("Yêu cầu các doanh nghiệp …"). */
  addressees?: string[];
  source: SourceSpan;
  confidence: number;
}

export interface Budget {
  total: number | null;
  currency: "VND";
  sources: string[];
  text: string | null;
  source: SourceSpan | null;
  confidence: number;
}

export type ReportingFrequency = "monthly" | "quarterly" | "semiannual" | "annual" | "adhoc";

export interface ReportingRule {
  frequency: ReportingFrequency;
  due: { day: number; month: number | "last-of-period" } | null;
  text: string;
  source: SourceSpan;
  confidence: number;
}

export interface Objective {
  text: string;
  source: SourceSpan;
  confidence: number;
}

export interface UnparsedBlock {
  text: string;
  section: string | null;
  source: SourceSpan;
}

export interface PlanExtract {
  schema: "plan-extract/v1";
  title: string | null;
  issuer: string | null;
  locality: string | null;
  province: string | null;
  documentNumber: string | null;
  issuedDate: string | null;
  period: { start: number | null; end: number | null; vision: number | null };
  signer: { name: string; title: string | null } | null;
  legalBases: LegalBasis[];
  /** General objectives as paragraphs (contract field). */
  objectives: string[];
  /** The same objectives with their source spans. */
  objectiveItems: Objective[];
  targets: Target[];
  tasks: Task[];
  budget: Budget;
  reporting: ReportingRule[];
  units: string[];
  /** The normalised text (NFC, LF line ends) every `source` offset points into. */
  sourceText: string;
  /** What the extractor was unsure of, in Vietnamese. */
  warnings: string[];
  /** Blocks of the target and task sections that no rule could classify. */
  unparsed: UnparsedBlock[];
}
