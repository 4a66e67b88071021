import { Alert, Button, Typography } from "antd";
import { useI18n } from "../../../i18n/i18n.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import type { ReportAutosave } from "./use-report-autosave.ts";

/** What the reader must know before the form: a save conflict, a return comment, a lock, a read-only submission. */
export function ReportBanners({ autosave, onReload }: { autosave: ReportAutosave; onReload: () => void }) {
  const { t } = useI18n();
  const { report, save } = autosave;
  return (
    <>
      {save.kind === "conflict" && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("report.conflict")}
          description={
            <>
              <div>{save.message}</div>
              <div>{t("report.conflictHint")}</div>
            </>
          }
          action={
            <Button danger onClick={onReload}>
              {t("report.conflictAction")}
            </Button>
          }
          data-testid="report-conflict"
        />
      )}
      {report.onBehalfBy && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("report.onBehalfBanner", { by: report.onBehalfBy.name, unit: report.unit.name })}
          data-testid="report-on-behalf"
        />
      )}
      {!report.onBehalfBy && report.can.onBehalf && report.can.edit && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("report.onBehalfEditing", { unit: report.unit.name })}
          data-testid="report-on-behalf-editing"
        />
      )}
      {report.status === "returned" && report.returnComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("report.returnedBanner")}
          description={
            <>
              <div style={{ whiteSpace: "pre-wrap" }} data-testid="return-comment">
                {report.returnComment}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("report.returnedBy", {
                  by: report.reviewedBy?.name ?? "",
                  at: formatDateTime(report.reviewedAt),
                })}
              </Typography.Text>
            </>
          }
        />
      )}
      {report.locked && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("report.locked", {
            at: formatDateTime(report.reviewedAt),
            by: report.reviewedBy?.name ?? "",
          })}
          data-testid="report-locked"
        />
      )}
      {!report.locked && report.status === "submitted" && !report.can.edit && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("report.readOnlySubmitted", { at: formatDateTime(report.submittedAt) })}
        />
      )}
    </>
  );
}
