import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from "@ant-design/icons";
import type { TConsolidatedReport } from "@dtplan/contracts/consolidated.ts";
import { Button, Card, Descriptions, Progress, Space, Tag, Typography } from "antd";
import { consolidatedApi } from "../../api/consolidated.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { formatDate } from "../../lib/format.ts";

/** The report's subject and completeness (expected, sent, approved, on time, late, missing), with its downloads. */
export function ConsolidatedSummary({
  report,
  planCode,
  periodKey,
}: {
  report: TConsolidatedReport;
  planCode: string;
  periodKey: string;
}) {
  const { t, num, period } = useI18n();
  return (
    <Card
      title={period(report.period)}
      extra={<Downloads planCode={planCode} periodKey={periodKey} />}
      style={{ marginBottom: 16 }}
      data-testid="consolidated-summary"
    >
      <Typography.Paragraph strong>{report.subject}</Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} title={t("consolidated.completeness")}>
        <Descriptions.Item label={t("consolidated.expected")}>
          {num(report.counts.expected)}
        </Descriptions.Item>
        <Descriptions.Item label={t("consolidated.sent")}>
          <Progress
            percent={
              report.counts.expected
                ? Math.round(
                    ((report.counts.submitted + report.counts.approved) / report.counts.expected) * 100,
                  )
                : 0
            }
            size="small"
            style={{ width: 140, margin: 0 }}
            format={() => `${report.counts.submitted + report.counts.approved}/${report.counts.expected}`}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t("consolidated.approved")}>
          {num(report.counts.approved)}
        </Descriptions.Item>
        <Descriptions.Item label={t("consolidated.onTime")}>
          <Tag color="green">{num(report.counts.onTime)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t("consolidated.late")}>
          <Tag color={report.counts.late ? "orange" : "default"}>{num(report.counts.late)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t("consolidated.missing")}>
          <Tag color={report.counts.missing ? "red" : "default"}>{num(report.counts.missing)}</Tag>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">
        {t("consolidated.asOf", { date: formatDate(report.asOf) })}
      </Typography.Text>
    </Card>
  );
}

/** Word, Excel and PDF of the report (same-origin links: the session cookie goes along). */
function Downloads({ planCode, periodKey }: { planCode: string; periodKey: string }) {
  const { t } = useI18n();
  return (
    <Space wrap>
      <Button icon={<FileWordOutlined />} href={consolidatedApi.fileUrl(planCode, periodKey, "docx")}>
        {t("consolidated.download.docx")}
      </Button>
      <Button icon={<FileExcelOutlined />} href={consolidatedApi.fileUrl(planCode, periodKey, "xlsx")}>
        {t("consolidated.download.xlsx")}
      </Button>
      <Button icon={<FilePdfOutlined />} href={consolidatedApi.fileUrl(planCode, periodKey, "pdf")}>
        {t("consolidated.download.pdf")}
      </Button>
    </Space>
  );
}
