import type { TUnitReport } from "@dtplan/contracts/reporting.ts";
import { useState } from "react";
import type { ReportRef } from "../../../api/reporting.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { CommentModal } from "./comment-modal.tsx";
import { ExcelErrorsModal } from "./excel-errors-modal.tsx";
import { ReportBanners } from "./report-banners.tsx";
import { ReportHeader } from "./report-header.tsx";
import { ReportHistory } from "./report-history.tsx";
import { ReportSections } from "./report-sections.tsx";
import { useReportActions } from "./use-report-actions.tsx";
import { useReportAutosave } from "./use-report-autosave.ts";

/** A loaded report: its header and actions, the editable sections (autosaved), and its history. */
export function ReportForm({
  initial,
  reportRef,
  reload,
}: {
  initial: TUnitReport;
  reportRef: ReportRef;
  reload: () => void;
}) {
  const { t } = useI18n();
  const autosave = useReportAutosave(initial, reportRef);
  const actions = useReportActions(autosave, reportRef, reload);
  const [commentModal, setCommentModal] = useState<"return" | "reopen" | null>(null);
  const { report, conflict } = autosave;
  const editable = report.can.edit && !report.locked && !conflict;
  const reopening = commentModal === "reopen";

  return (
    <div data-testid="report-page" className={editable ? undefined : "dt-report-readonly"}>
      <ReportHeader
        autosave={autosave}
        actions={actions}
        reportRef={reportRef}
        editable={editable}
        onComment={setCommentModal}
      />
      <ReportBanners autosave={autosave} onReload={reload} />
      <ReportSections autosave={autosave} reportRef={reportRef} editable={editable} />
      <ReportHistory reportRef={reportRef} />
      <ExcelErrorsModal errors={actions.excelErrors} onClose={actions.closeExcelErrors} />
      <CommentModal
        open={commentModal !== null}
        title={reopening ? t("report.reopenTitle") : t("report.returnTitle")}
        label={reopening ? t("report.reopenReason") : t("report.returnComment")}
        requiredMessage={reopening ? t("report.reopenRequired") : t("report.returnRequired")}
        okText={reopening ? t("report.reopen") : t("report.return")}
        danger={commentModal === "return"}
        onCancel={() => setCommentModal(null)}
        onOk={async (text) => {
          const ok = reopening ? await actions.reopen(text) : await actions.returnReport(text);
          if (ok) setCommentModal(null);
        }}
      />
    </div>
  );
}
