import { Card, Empty, Timeline, Typography } from "antd";
import type { ReportRef } from "../../../api/reporting.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useReportHistory } from "./use-report-data.ts";

/** Lịch sử: who saved, submitted, returned or approved the report, and when. */
export function ReportHistory({ reportRef }: { reportRef: ReportRef }) {
  const { t } = useI18n();
  const history = useReportHistory(reportRef);
  const events = history.data?.events ?? [];
  return (
    <Card title={t("report.section.history")} data-testid="report-history">
      {events.length === 0 ? (
        <Empty description={t("report.noHistory")} />
      ) : (
        <Timeline
          items={events.map((e) => ({
            key: e.id,
            color: e.action === "returned" ? "orange" : e.action === "approved" ? "green" : "blue",
            content: (
              <>
                <div>
                  <b>{e.summary}</b>
                </div>
                {e.comment && !e.summary.includes(e.comment) && (
                  <div style={{ whiteSpace: "pre-wrap" }}>{e.comment}</div>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.at)}
                  {e.actor ? ` · ${e.actor.name}` : ""}
                </Typography.Text>
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
