import type {
  TReopenReport,
  TReportAction,
  TReportHistory,
  TReturnReport,
  TSaveReport,
  TUnitReport,
} from "@dtplan/contracts";
import type { Lang } from "@dtplan/domain/text/format.ts";
import type { Database } from "../../db/database.ts";
import type { Actor } from "../access/actor.ts";
import { getReport, presentReport, type ReportScope, reportScopeByCode } from "./get-report.ts";
import { reopenReport } from "./reopen-report.ts";
import { loadWorkbook, parseReportWorkbook, reportWorkbook, uploadError } from "./report-excel.ts";
import { reportHistory } from "./report-history.ts";
import { reviewReport } from "./review-report.ts";
import { assertEditor, saveDraft } from "./save-draft.ts";
import { submitReport } from "./submit-report.ts";

/** A unit's report in a period of a plan, named by ids as the URL names it. */
export interface ReportRef {
  actor: Actor;
  code: string;
  key: string;
  unitId: string;
}

/** Who may see and do what on the report is settled here (404/403 otherwise). */
export async function scopeOfReport(
  db: Database,
  { actor, code, key, unitId }: ReportRef,
): Promise<ReportScope> {
  return (await reportScopeByCode(db, { actor, code, key, unitId }, false)).scope;
}

/** Báo cáo của đơn vị trong kỳ. */
export async function readReport(db: Database, ref: ReportRef): Promise<TUnitReport> {
  return getReport(db, ref);
}

/** Lưu nháp báo cáo. */
export async function saveReportDraft(
  db: Database,
  { input, ...ref }: ReportRef & { input: TSaveReport },
): Promise<TUnitReport> {
  const scope = await scopeOfReport(db, ref);
  return presentReport(db, scope, await saveDraft(db, { scope, input }));
}

export type ReportStep =
  | { action: "submit"; input: TReportAction }
  | { action: "approve"; input: TReportAction }
  | { action: "return"; input: TReturnReport }
  | { action: "reopen"; input: TReopenReport };

/** Nộp, duyệt, trả lại, mở lại: one step of the report's workflow, the report as it then stands. */
export async function stepReport(
  db: Database,
  { step, ...ref }: ReportRef & { step: ReportStep },
): Promise<TUnitReport> {
  const scope = await scopeOfReport(db, ref);
  if (step.action === "submit") {
    const { report, rows } = await submitReport(db, { scope, input: step.input });
    return presentReport(db, scope, report, rows);
  }
  const row =
    step.action === "reopen"
      ? await reopenReport(db, { scope, input: step.input })
      : await reviewReport(db, { scope, decision: step.action, input: step.input });
  return presentReport(db, scope, row);
}

/** Lịch sử báo cáo. */
export async function readReportHistory(
  db: Database,
  ref: ReportRef,
  lang: Lang = "vi",
): Promise<TReportHistory> {
  return reportHistory(db, await scopeOfReport(db, ref), lang);
}

/** Biểu mẫu Excel of the report, with its file name. */
export async function reportWorkbookFile(
  db: Database,
  ref: ReportRef,
): Promise<{ bytes: Awaited<ReturnType<typeof reportWorkbook>>; fileName: string }> {
  const report = await readReport(db, ref);
  const fileName = `bao-cao-${report.plan.code}-${report.period.key}.xlsx`.replace(/[^\w.-]/g, "_");
  return { bytes: await reportWorkbook(report), fileName };
}

/**
 * A filled-in form saved as the draft: every cell checked first, nothing saved while an
 * error remains. The upload is read once the actor is known to edit the report.
 */
export async function uploadReportWorkbook(
  db: Database,
  { readFile, ...ref }: ReportRef & { readFile: () => Promise<Uint8Array> },
): Promise<TUnitReport> {
  const scope = await scopeOfReport(db, ref);
  assertEditor(scope);
  const wb = await loadWorkbook(await readFile());
  const current = await getReport(db, ref);
  const { input, errors } = parseReportWorkbook(wb, current);
  if (errors.length) throw uploadError(errors);
  return presentReport(db, scope, await saveDraft(db, { scope, input }));
}
