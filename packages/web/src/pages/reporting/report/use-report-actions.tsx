import type { TUnitReport } from "@dtplan/contracts/reporting.ts";
import { workbookFileProblem } from "@dtplan/domain/tasks/evidence-files.ts";
import { App } from "antd";
import { type MouseEvent, type ReactNode, useState } from "react";
import { ApiError, errorMessage } from "../../../api/client.ts";
import { type ReportRef, reportingApi } from "../../../api/reporting.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import type { MessageKey } from "../../../i18n/translate.ts";
import { type ExcelErrorRow, excelErrorRows } from "../excel-errors.ts";
import { validateDraft } from "../report-model.ts";
import type { ReportAutosave } from "./use-report-autosave.ts";

export type ReportAction = "submit" | "approve" | "return" | "reopen" | "excel";

export interface ExcelErrors {
  title: string;
  rows: ExcelErrorRow[];
}

export interface ReportActions {
  /** The action in flight, if any. */
  busy: ReportAction | null;
  submit: () => void;
  approve: () => void;
  /** Resolve true when done (the comment dialog closes). */
  returnReport: (comment: string) => Promise<boolean>;
  reopen: (reason: string) => Promise<boolean>;
  downloadExcel: (event: MouseEvent) => Promise<void>;
  importExcel: (file: File) => Promise<void>;
  /** The cells an Excel import refused, one row each. */
  excelErrors: ExcelErrors | null;
  closeExcelErrors: () => void;
}

/**
 * What can be done with a report besides editing it: submit (after saving the
 * draft and checking required figures), return, approve, reopen, and the Excel
 * form out and in. Each writes with the version the draft holds; a 409 becomes
 * the draft's conflict, any other refusal a dialog with the server's details.
 */
export function useReportActions(
  autosave: ReportAutosave,
  reportRef: ReportRef,
  reload: () => void,
): ReportActions {
  const { t, period } = useI18n();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<ReportAction | null>(null);
  const [excelErrors, setExcelErrors] = useState<ExcelErrors | null>(null);
  const { report, draft } = autosave;

  const act = async (name: ReportAction, run: () => Promise<TUnitReport>, done: MessageKey) => {
    setBusy(name);
    try {
      autosave.replace(await run());
      message.success(t(done));
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) autosave.conflicted(err.message);
      else modal.error({ title: errorMessage(err), content: detailsList(err) });
      return false;
    } finally {
      setBusy(null);
    }
  };

  const submit = () => {
    const errs = validateDraft(report, draft, true);
    autosave.requireAll();
    if (Object.keys(errs).length > 0) {
      message.error(t("report.submitInvalid"));
      const first = Object.keys(errs)[0];
      document.querySelector(`[data-field="${CSS.escape(first)}"]`)?.scrollIntoView({ block: "center" });
      return;
    }
    modal.confirm({
      title: t("report.submitConfirmTitle", { period: period(report.period) }),
      content: t("report.submitConfirm"),
      okText: t("report.submit"),
      cancelText: t("report.cancel"),
      onOk: async () => {
        if (!(await autosave.flush())) return;
        await act("submit", () => reportingApi.submit(reportRef, autosave.version()), "report.submitted");
      },
    });
  };

  const approve = () =>
    modal.confirm({
      title: t("report.approveConfirm", { unit: report.unit.name }),
      okText: t("report.approve"),
      cancelText: t("report.cancel"),
      onOk: () =>
        act("approve", () => reportingApi.approve(reportRef, autosave.version()), "report.approved"),
    });

  const returnReport = (comment: string) =>
    act("return", () => reportingApi.returnReport(reportRef, autosave.version(), comment), "report.returned");

  const reopen = (reason: string) =>
    act("reopen", () => reportingApi.reopen(reportRef, reason), "report.reopened");

  const downloadExcel = async (event: MouseEvent) => {
    // The form should carry what was just typed: save it first.
    if (!autosave.hasUnsaved()) return;
    event.preventDefault();
    if (await autosave.flush()) window.location.assign(reportingApi.excelUrl(reportRef));
  };

  const importExcel = async (file: File) => {
    // A wrong type or a file over the server's limit is refused here, before it is sent.
    const problem = workbookFileProblem(file);
    if (problem) {
      modal.error({ title: t("report.excel.refused"), content: problem });
      return;
    }
    if (!(await autosave.flush())) return;
    setBusy("excel");
    try {
      await reportingApi.importExcel(reportRef, file);
      autosave.forgetEdits();
      message.success(t("report.excel.imported"));
      reload();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) autosave.conflicted(err.message);
      else if (err instanceof ApiError && err.status === 400 && err.details.length > 0)
        setExcelErrors({ title: err.message, rows: excelErrorRows(err.details) });
      else modal.error({ title: errorMessage(err), content: detailsList(err) });
    } finally {
      setBusy(null);
    }
  };

  return {
    busy,
    submit,
    approve,
    returnReport,
    reopen,
    downloadExcel,
    importExcel,
    excelErrors,
    closeExcelErrors: () => setExcelErrors(null),
  };
}

/** The server's per-field details under a refusal, as a list. */
function detailsList(err: unknown): ReactNode {
  if (!(err instanceof ApiError) || err.details.length === 0) return null;
  return (
    <ul style={{ paddingLeft: 18, margin: 0 }}>
      {err.details.map((d) => (
        <li key={`${d.path}:${d.message}`}>{d.message}</li>
      ))}
    </ul>
  );
}
