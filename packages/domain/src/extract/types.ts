// The plan-extract/v1 contract (shared/plan-extract/SCHEMA.md) plus what the review
// screen needs: where each item came from (offsets into `sourceText`) and how sure we are.

// The pillar keys are shared with the indicator catalogue, the closed lists with the
// database and the API: one definition each.
import type { Pillar } from "../indicators/pillars.ts";
import type { Comparator } from "../plans/lists.ts";
import type { ReportingFrequency } from "../reporting/lists.ts";

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

export type { Comparator };

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
  /** The table cell it was read from, when it came from a table. */
  cell?: TableCellRef;
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
  /** The table row it was read from, when it came from a table. */
  cell?: TableCellRef;
}

export interface Budget {
  total: number | null;
  currency: "VND";
  sources: string[];
  text: string | null;
  source: SourceSpan | null;
  confidence: number;
}

export type { ReportingFrequency };

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

/** What a table column holds; the review screen lets the focal officer change it. */
export const TABLE_COLUMN_ROLES = [
  "index",
  "task",
  "target",
  "product",
  "lead",
  "coordinators",
  "deadline",
  "budget",
  "funding",
  "unit",
  "year",
  "baseline",
  "note",
  "ignore",
] as const;
export type TableColumnRole = (typeof TABLE_COLUMN_ROLES)[number];

/** A row (and for a target, a column) of one of `PlanExtract.tables`. */
export interface TableCellRef {
  /** `ExtractedTable.id`. */
  table: string;
  /** Index into `ExtractedTable.rows`. */
  row: number;
  /** Index into the row's cells (and `columns`); absent when the whole row is the item. */
  column?: number;
}

/** A table of the plan as read: columns with their roles, rows with their cells' places in `sourceText`. */
export interface ExtractedTable {
  /** "tbl-1", "tbl-2" … in document order: stable for the same document. */
  id: string;
  kind: "tasks" | "targets" | "investments" | "other";
  /** The whole table in `sourceText`. */
  source: SourceSpan;
  /** `year` is the year of a "year" (or "baseline") column, else null. */
  columns: { header: string; role: TableColumnRole; year?: number | null }[];
  /** `cells[i]` is column i (null for an empty cell); `group` marks a row spanning the table ("I. CHÍNH QUYỀN SỐ"). */
  rows: { source: SourceSpan; cells: (SourceSpan | null)[]; group?: boolean }[];
}

/** Choices the reviewer makes that the extraction follows. */
export interface ExtractOptions {
  /** Column roles fixed by the reviewer, by table id then column index: every row of the table follows. */
  columnRoles?: Record<string, Record<number, TableColumnRole>>;
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
  /** The tables read from the plan (tasks, targets, investments), with the role of each column. */
  tables?: ExtractedTable[];
}
