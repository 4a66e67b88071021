import {
  ArrowLeftOutlined,
  CloudUploadOutlined,
  DownloadOutlined,
  FileExcelOutlined,
  FilePdfOutlined,
} from "@ant-design/icons";
import { Button, Space, Typography, Upload } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { type ReportRef, reportingApi } from "../../../api/reporting.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { PageHeader } from "../../../layout/page-header.tsx";
import { formatDate } from "../../../lib/format.ts";
import { ReportStatusTag, TimelinessTag } from "../report-tags.tsx";
import type { ReportActions } from "./use-report-actions.tsx";
import type { ReportAutosave } from "./use-report-autosave.ts";

/** The submitted report's own document, in the two formats a unit downloads it in. */
const DOCUMENT_FORMATS = [
  { format: "xlsx", icon: <FileExcelOutlined /> },
  { format: "pdf", icon: <FilePdfOutlined /> },
] as const;

/** The way back, the report's title, its save status and actions (sticky), and its status tags. */
export function ReportHeader({
  autosave,
  actions,
  reportRef,
  editable,
  onComment,
}: {
  autosave: ReportAutosave;
  actions: ReportActions;
  reportRef: ReportRef;
  editable: boolean;
  onComment: (kind: "return" | "reopen") => void;
}) {
  const { t, period } = useI18n();
  const { report, conflict } = autosave;
  const { busy } = actions;
  const backToChase = report.can.review;

  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Link
          to={
            backToChase
              ? `/periods/${reportRef.code}/${reportRef.periodKey}`
              : `/periods?plan=${reportRef.code}`
          }
        >
          <ArrowLeftOutlined /> {backToChase ? t("report.back") : t("report.backPeriods")}
        </Link>
      </Space>
      <div className="dt-report-sticky">
        <PageHeader
          title={`${t("report.title")}: ${report.unit.name}`}
          subtitle={`${period(report.period)} · ${report.plan.title}`}
          extra={
            <Space wrap>
              {saveStatus(autosave, t)}
              {report.submittedAt &&
                DOCUMENT_FORMATS.map(({ format, icon }) => (
                  <Button
                    key={format}
                    icon={icon}
                    href={reportingApi.documentUrl(reportRef, format)}
                    download
                    data-testid={`report-document-${format}`}
                  >
                    {t(`report.document.${format}`)}
                  </Button>
                ))}
              {editable && (
                <>
                  <Button
                    icon={<DownloadOutlined />}
                    href={reportingApi.excelUrl(reportRef)}
                    onClick={actions.downloadExcel}
                    data-testid="excel-download"
                  >
                    {t("report.excel.download")}
                  </Button>
                  <Upload
                    accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void actions.importExcel(file);
                      return false;
                    }}
                  >
                    <Button
                      icon={<FileExcelOutlined />}
                      loading={busy === "excel"}
                      data-testid="excel-import"
                    >
                      {t("report.excel.import")}
                    </Button>
                  </Upload>
                </>
              )}
              {report.can.submit && (
                <Button
                  type="primary"
                  onClick={actions.submit}
                  loading={busy === "submit"}
                  disabled={conflict}
                >
                  {t("report.submit")}
                </Button>
              )}
              {report.can.review && report.status === "submitted" && (
                <>
                  <Button danger onClick={() => onComment("return")} disabled={conflict}>
                    {t("report.return")}
                  </Button>
                  <Button
                    type="primary"
                    onClick={actions.approve}
                    loading={busy === "approve"}
                    disabled={conflict}
                  >
                    {t("report.approve")}
                  </Button>
                </>
              )}
              {report.can.reopen && report.status === "approved" && (
                <Button onClick={() => onComment("reopen")}>{t("report.reopen")}</Button>
              )}
            </Space>
          }
        />
        <Space wrap style={{ marginBottom: 12 }}>
          <ReportStatusTag status={report.status} />
          <TimelinessTag timeliness={report.timeliness} />
          <Typography.Text type="secondary">
            {t("report.dataRange", {
              start: formatDate(report.period.start),
              end: formatDate(report.period.end),
              due: formatDate(report.period.dueDate),
            })}
          </Typography.Text>
        </Space>
      </div>
    </>
  );
}

/** Đang lưu… / Đã lưu lúc … / the save's failure, while the report can be edited (nothing otherwise). */
function saveStatus({ report, save, errors }: ReportAutosave, t: ReturnType<typeof useI18n>["t"]): ReactNode {
  if (!report.can.edit || report.locked) return null;
  switch (save.kind) {
    case "saving":
      return <Typography.Text type="secondary">{t("report.saving")}</Typography.Text>;
    case "saved":
      return (
        <Typography.Text type="success" data-testid="save-status">
          {t("report.savedAt", { time: save.at })}
        </Typography.Text>
      );
    case "offline":
      return (
        <Typography.Text type="warning" data-testid="save-status">
          <CloudUploadOutlined /> {t("report.offline")}
        </Typography.Text>
      );
    case "error":
      return (
        <Typography.Text type="danger">{t("report.saveFailed", { message: save.message })}</Typography.Text>
      );
    case "dirty":
      return Object.keys(errors).length > 0 ? (
        <Typography.Text type="danger">{t("report.invalidPending")}</Typography.Text>
      ) : (
        <Typography.Text type="warning">{t("report.unsaved")}</Typography.Text>
      );
    default:
      return null;
  }
}
