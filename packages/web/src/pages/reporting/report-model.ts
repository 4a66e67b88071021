/**
 * The unit report form's rules, pure: the draft the user edits, validation
 * (the messages the user sees under each field), what an autosave sends.
 */
import type {
  TReportStatus,
  TReportValue,
  TSaveReport,
  TTimeliness,
  TUnitReport,
} from "@dtplan/contracts/reporting.ts";
import type { TEvidenceFile } from "@dtplan/contracts/tasks.ts";
import { numeratorExceedsDenominator, ratioPercent } from "@dtplan/domain/reporting/figures.ts";

export interface TaskDraft {
  progress: number | null;
  note: string;
}

export interface ValueDraft {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  note: string;
  evidence: TEvidenceFile[];
}

export interface ReportDraft {
  difficulties: string;
  proposals: string;
  tasks: Record<string, TaskDraft>;
  values: Record<string, ValueDraft>;
}

/** A field of the form: `difficulties`, `task:KEY`, `value:TARGETKEY`. */
export type DraftPart = "difficulties" | "proposals" | `task:${string}` | `value:${string}`;

export function draftFromReport(
  report: Pick<TUnitReport, "difficulties" | "proposals" | "tasks" | "values">,
): ReportDraft {
  return {
    difficulties: report.difficulties,
    proposals: report.proposals,
    tasks: Object.fromEntries(report.tasks.map((x) => [x.key, { progress: x.progress, note: x.note ?? "" }])),
    values: Object.fromEntries(
      report.values.map((v) => [
        v.targetKey,
        {
          numerator: v.numerator,
          denominator: v.denominator,
          value: isRatio(v) ? null : v.value,
          note: v.note ?? "",
          evidence: v.evidence,
        },
      ]),
    ),
  };
}

export function isRatio(v: Pick<TReportValue, "indicator">): boolean {
  return v.indicator.aggregation === "ratio";
}

export { ratioPercent };

/** Message keys of the form's validation (see `reporting.vi.ts`). */
export type FieldError =
  | "report.err.progressRange"
  | "report.err.progressRequired"
  | "report.err.negative"
  | "report.err.numeratorAboveDenominator"
  | "report.err.denominatorZero"
  | "report.err.figureRequired";

/** Field path → message key. Paths: `task:KEY.progress`, `value:KEY.numerator|denominator|value`. */
export type FormErrors = Record<string, FieldError>;

/**
 * Errors of the draft. While editing only what is wrong is reported; `forSubmit`
 * also reports what is missing (required progress and figures).
 */
export function validateDraft(
  report: Pick<TUnitReport, "tasks" | "values">,
  draft: ReportDraft,
  forSubmit: boolean,
): FormErrors {
  const errors: FormErrors = {};
  for (const x of report.tasks) {
    const d = draft.tasks[x.key];
    if (!d) continue;
    const path = `task:${x.key}.progress`;
    if (d.progress !== null && (d.progress < 0 || d.progress > 100))
      errors[path] = "report.err.progressRange";
    else if (forSubmit && x.progressRequired && d.progress === null)
      errors[path] = "report.err.progressRequired";
  }
  for (const v of report.values) {
    const d = draft.values[v.targetKey];
    if (!d) continue;
    const path = `value:${v.targetKey}`;
    if (isRatio(v)) {
      if (d.numerator !== null && d.numerator < 0) errors[`${path}.numerator`] = "report.err.negative";
      if (d.denominator !== null && d.denominator < 0) errors[`${path}.denominator`] = "report.err.negative";
      else if (d.denominator === 0) errors[`${path}.denominator`] = "report.err.denominatorZero";
      if (numeratorExceedsDenominator(d.numerator, d.denominator) && !errors[`${path}.numerator`]) {
        errors[`${path}.numerator`] = "report.err.numeratorAboveDenominator";
      }
      if (forSubmit && v.required) {
        if (d.numerator === null) errors[`${path}.numerator`] ??= "report.err.figureRequired";
        if (d.denominator === null) errors[`${path}.denominator`] ??= "report.err.figureRequired";
      }
    } else if (forSubmit && v.required && d.value === null) {
      errors[`${path}.value`] = "report.err.figureRequired";
    }
  }
  return errors;
}

function hasErrorUnder(errors: FormErrors, prefix: string): boolean {
  return Object.keys(errors).some((k) => k.startsWith(`${prefix}.`));
}

/**
 * The autosave body: only the parts changed since the last save, and never a
 * part that is invalid (the server would refuse the whole save); those wait
 * until the user fixes them. Null when there is nothing to send.
 */
export function savePayload(
  version: number,
  draft: ReportDraft,
  dirty: ReadonlySet<DraftPart>,
  errors: FormErrors,
): { body: TSaveReport; sent: DraftPart[] } | null {
  const body: TSaveReport = { version };
  const sent: DraftPart[] = [];
  const tasks: NonNullable<TSaveReport["tasks"]> = [];
  const values: NonNullable<TSaveReport["values"]> = [];
  for (const part of dirty) {
    if (part === "difficulties" || part === "proposals") {
      body[part] = draft[part];
      sent.push(part);
    } else if (part.startsWith("task:")) {
      const key = part.slice(5);
      const d = draft.tasks[key];
      if (!d || hasErrorUnder(errors, part)) continue;
      tasks.push({ key, progress: d.progress, note: d.note.trim() || null });
      sent.push(part);
    } else {
      const key = part.slice(6);
      const d = draft.values[key];
      if (!d || hasErrorUnder(errors, part)) continue;
      values.push({
        targetKey: key,
        numerator: d.numerator,
        denominator: d.denominator,
        value: d.value,
        note: d.note.trim() || null,
        evidenceFileIds: d.evidence.map((f) => f.id),
      });
      sent.push(part);
    }
  }
  if (tasks.length > 0) body.tasks = tasks;
  if (values.length > 0) body.values = values;
  return sent.length > 0 ? { body, sent } : null;
}

/** Completeness of a period: reports submitted or approved (returned ones are back with the unit). */
export function completeness(counts: { expected: number; submitted: number; approved: number }): number {
  if (counts.expected === 0) return 0;
  return Math.round(((counts.submitted + counts.approved) / counts.expected) * 100);
}

export type ChaseFilter = "all" | "missing" | "late" | "returned" | "pending";

/** The chase screen's filters over unit rows. */
export function chaseFilter<T extends { status: TReportStatus | null; timeliness: TTimeliness }>(
  rows: readonly T[],
  filter: ChaseFilter,
): T[] {
  switch (filter) {
    case "missing":
      return rows.filter((r) => r.status === null || r.status === "draft");
    case "late":
      return rows.filter((r) => r.timeliness === "late");
    case "returned":
      return rows.filter((r) => r.status === "returned");
    case "pending":
      return rows.filter((r) => r.status === "submitted");
    default:
      return [...rows];
  }
}

/** A reminder the focal officer can paste into an e-mail or a chat to the units not yet reporting. */
export function reminderText(input: {
  planTitle: string;
  periodLabel: string;
  dueDate: string;
  units: string[];
  link: string;
}): string {
  const lines = [
    `Kính gửi: ${input.units.join("; ")}.`,
    "",
    `Thực hiện ${input.planTitle}, đề nghị các đơn vị hoàn thành và nộp báo cáo ${input.periodLabel} trên hệ thống dtplan trước ngày ${input.dueDate}.`,
    `Đường dẫn: ${input.link}`,
    "",
    "Trân trọng.",
  ];
  return lines.join("\n");
}
