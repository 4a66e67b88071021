import type { TReportStatus, TTimeliness } from "@dtplan/contracts/reporting.ts";
import { Tag } from "antd";
import { useI18n } from "../../i18n/i18n.tsx";
import { REPORT_STATUS_COLOR, TIMELINESS_COLOR } from "../../lib/status-colors.ts";

/** Trạng thái báo cáo; null: the unit has not opened its report. */
export function ReportStatusTag({ status }: { status: TReportStatus | null }) {
  const { t } = useI18n();
  if (status === null) return <Tag>{t("reportStatus.none")}</Tag>;
  return (
    <Tag color={REPORT_STATUS_COLOR[status]} data-testid="report-status">
      {t(`reportStatus.${status}`)}
    </Tag>
  );
}

export function TimelinessTag({ timeliness }: { timeliness: TTimeliness }) {
  const { t } = useI18n();
  return <Tag color={TIMELINESS_COLOR[timeliness]}>{t(`timeliness.${timeliness}`)}</Tag>;
}
