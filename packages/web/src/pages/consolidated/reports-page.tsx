import "../../i18n/consolidated-messages.ts";
import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined, SaveOutlined } from "@ant-design/icons";
import {
  type TConsolidatedReport,
  type TConsolidatedTarget,
  type TConsolidatedTask,
  type TUnitStatement,
  ZConsolidatedNarrative,
  ZSaveConsolidated,
} from "@dtplan/contracts/consolidated.ts";
import type { TReportingPeriod } from "@dtplan/contracts/reporting.ts";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Progress,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { ApiError } from "../../api/client.ts";
import { consolidatedApi } from "../../api/consolidated.ts";
import { plansApi } from "../../api/endpoints.ts";
import { reportingApi } from "../../api/reporting.ts";
import { useZodForm } from "../../forms/use-zod-form.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { PageHeader } from "../../layout/page-header.tsx";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { ATTAINMENT_COLOR, TASK_STATUS_COLOR } from "../../lib/status-colors.ts";
import { useLoad } from "../../lib/use-load.ts";

interface NarrativeValues {
  documentNumber: string;
  placeName: string;
  reportDate: Dayjs | null;
  opening: string;
  assessment: string;
  difficulties: string;
  proposals: string;
  nextTasks: string;
  signature: { authority: string; signatory: "chairman" | "vice_chairman"; signerName: string };
  recipients: string;
}

const sentOf = (p: TReportingPeriod) => p.counts.submitted + p.counts.approved;

/** Periods with reports first (the newest first), then the others in calendar order. */
function orderPeriods(periods: readonly TReportingPeriod[]): TReportingPeriod[] {
  const withData = periods.filter((p) => sentOf(p) > 0).sort((a, b) => b.end.localeCompare(a.end));
  return [...withData, ...periods.filter((p) => sentOf(p) === 0)];
}

function toFormValues(r: TConsolidatedReport): NarrativeValues {
  const n = r.narrative;
  return {
    ...n,
    reportDate: dayjs(n.reportDate),
    signature: { ...n.signature },
    recipients: n.recipients.join("\n"),
  };
}

/** Báo cáo tổng hợp: choose a plan and a period, check the figures, write the text, download. */
export default function ReportsPage() {
  const { t, num } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const params = useParams<{ code?: string; key?: string }>();
  const plans = useLoad(() => plansApi.list({ status: "published", limit: 200 }), []);
  const planCode = params.code ?? plans.data?.items[0]?.code ?? null;
  const periods = useLoad(
    () => (planCode ? reportingApi.periods(planCode) : Promise.resolve(null)),
    [planCode],
  );
  // Only the chosen plan's periods: while another plan's load, the previous list is stale.
  const ordered = useMemo(
    () => (periods.data?.plan.code === planCode ? orderPeriods(periods.data.periods) : []),
    [periods.data, planCode],
  );
  const periodKey =
    params.key && ordered.some((p) => p.key === params.key) ? params.key : (ordered[0]?.key ?? null);
  const [report, setReport] = useState<TConsolidatedReport | null>(null);
  const loaded = useLoad(
    () => (planCode && periodKey ? consolidatedApi.get(planCode, periodKey) : Promise.resolve(null)),
    [planCode, periodKey],
  );
  const [form] = Form.useForm<NarrativeValues>();
  const { validate, showServerError, onValuesChange, formError, reset } = useZodForm(form);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);

  // Keep the chosen plan and period in the address, so a link lands on the same report.
  useEffect(() => {
    if (planCode && periodKey && (params.code !== planCode || params.key !== periodKey)) {
      navigate(`/reports/${planCode}/${periodKey}`, { replace: true });
    }
  }, [planCode, periodKey, params.code, params.key, navigate]);

  useEffect(() => {
    if (!loaded.data) return;
    setReport(loaded.data);
    setConflict(null);
    reset();
    form.setFieldsValue(toFormValues(loaded.data));
  }, [loaded.data, form, reset]);

  const save = async () => {
    if (!report || !planCode || !periodKey) return;
    const v = form.getFieldsValue(true) as NarrativeValues;
    const recipients = (v.recipients ?? "")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    // One text box holds the list: say which line is wrong, under that box.
    const lines = ZConsolidatedNarrative.shape.recipients.safeParse(recipients);
    if (!lines.success) {
      const errors = lines.error.issues.map((i) =>
        typeof i.path[0] === "number"
          ? t("consolidated.form.recipientLine", { n: i.path[0] + 1, message: i.message })
          : i.message,
      );
      form.setFields([{ name: "recipients", errors }]);
      return;
    }
    const input = validate(ZSaveConsolidated, {
      version: report.version,
      documentNumber: v.documentNumber ?? "",
      placeName: v.placeName ?? "",
      reportDate: v.reportDate ? v.reportDate.format("YYYY-MM-DD") : "",
      opening: v.opening ?? "",
      assessment: v.assessment ?? "",
      difficulties: v.difficulties ?? "",
      proposals: v.proposals ?? "",
      nextTasks: v.nextTasks ?? "",
      signature: v.signature,
      recipients,
    });
    if (!input) return;
    setSaving(true);
    try {
      const saved = await consolidatedApi.save(planCode, periodKey, input);
      setReport(saved);
      form.setFieldsValue(toFormValues(saved));
      setConflict(null);
      message.success(t("consolidated.saved"));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setConflict(err.message);
      else showServerError(err);
    } finally {
      setSaving(false);
    }
  };

  const canEdit = report?.can.edit ?? false;
  const pillarLabel = useMemo(() => new Map(report?.pillars.map((p) => [p.key, p.label]) ?? []), [report]);
  const downloads = planCode && periodKey && report && (
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

  // Rows come grouped by pillar: the pillar's cell spans its group, as in the Word tables.
  const pillarColumn = <R extends { pillar: string }>(rows: readonly R[]) => ({
    title: t("consolidated.col.pillar"),
    key: "pillar",
    width: 150,
    render: (_: unknown, r: R) => pillarLabel.get(r.pillar) ?? r.pillar,
    onCell: (r: R, index?: number) => {
      const i = index ?? 0;
      const first = i === 0 || rows[i - 1]?.pillar !== r.pillar;
      let span = 0;
      if (first) while (rows[i + span]?.pillar === r.pillar) span++;
      return { rowSpan: span, style: { verticalAlign: "top" as const } };
    },
  });

  return (
    <>
      <PageHeader
        title={t("consolidated.title")}
        subtitle={t("consolidated.subtitle")}
        extra={
          <Space wrap>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              style={{ width: 380 }}
              placeholder={t("consolidated.choosePlan")}
              loading={plans.loading}
              value={planCode ?? undefined}
              onChange={(code: string) => navigate(`/reports/${code}/-`)}
              options={(plans.data?.items ?? []).map((p) => ({
                value: p.code,
                label: `${p.title} (${p.code})`,
              }))}
              aria-label={t("consolidated.choosePlan")}
              data-testid="consolidated-plan"
            />
            <Select
              style={{ width: 300 }}
              placeholder={t("consolidated.choosePeriod")}
              loading={periods.loading}
              value={periodKey ?? undefined}
              onChange={(key: string) => navigate(`/reports/${planCode}/${key}`)}
              options={ordered.map((p) => ({
                value: p.key,
                label:
                  sentOf(p) > 0
                    ? t("consolidated.periodWithData", { label: p.label, n: sentOf(p) })
                    : t("consolidated.periodNoData", { label: p.label }),
              }))}
              aria-label={t("consolidated.choosePeriod")}
              data-testid="consolidated-period"
            />
          </Space>
        }
      />
      {plans.error && <Alert type="error" showIcon title={plans.error} style={{ marginBottom: 12 }} />}
      {plans.data && plans.data.items.length === 0 && (
        <Alert type="info" showIcon title={t("consolidated.noPlans")} style={{ marginBottom: 12 }} />
      )}
      {periods.data && ordered.length === 0 && (
        <Alert type="info" showIcon title={t("consolidated.noPeriods")} style={{ marginBottom: 12 }} />
      )}
      {(periods.error || loaded.error) && (
        <Alert type="error" showIcon title={periods.error ?? loaded.error} style={{ marginBottom: 12 }} />
      )}
      {report && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={14}>
            <Card
              title={report.period.label}
              extra={downloads}
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
                            ((report.counts.submitted + report.counts.approved) / report.counts.expected) *
                              100,
                          )
                        : 0
                    }
                    size="small"
                    style={{ width: 140, margin: 0 }}
                    format={() =>
                      `${report.counts.submitted + report.counts.approved}/${report.counts.expected}`
                    }
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
            <Card title={t("consolidated.targets")} size="small" style={{ marginBottom: 16 }}>
              <Table<TConsolidatedTarget>
                rowKey="targetKey"
                size="small"
                dataSource={report.targets}
                pagination={false}
                scroll={{ y: 420 }}
                data-testid="consolidated-targets"
                columns={[
                  pillarColumn(report.targets),
                  { title: t("consolidated.col.target"), dataIndex: "text", key: "text" },
                  {
                    title: t("consolidated.col.planned"),
                    key: "planned",
                    width: 110,
                    align: "center",
                    render: (_: unknown, r) => r.planned ?? "—",
                  },
                  {
                    title: t("consolidated.col.result"),
                    key: "value",
                    width: 120,
                    align: "center",
                    render: (_: unknown, r) =>
                      r.value === null
                        ? "—"
                        : `${num(r.value)}${r.unit === "%" ? "%" : r.unit ? ` ${r.unit}` : ""}`,
                  },
                  {
                    title: t("consolidated.col.attainment"),
                    key: "attainment",
                    width: 130,
                    render: (_: unknown, r) => (
                      <Tag color={ATTAINMENT_COLOR[r.attainment]}>{r.attainmentLabel}</Tag>
                    ),
                  },
                ]}
              />
            </Card>
            <Card title={t("consolidated.tasks")} size="small" style={{ marginBottom: 16 }}>
              <Table<TConsolidatedTask>
                rowKey="key"
                size="small"
                dataSource={report.tasks}
                pagination={false}
                scroll={{ y: 420 }}
                data-testid="consolidated-tasks"
                columns={[
                  pillarColumn(report.tasks),
                  {
                    title: t("consolidated.col.task"),
                    key: "text",
                    render: (_: unknown, r) => (
                      <Typography.Paragraph ellipsis={{ rows: 3, tooltip: r.text }} style={{ margin: 0 }}>
                        {r.text}
                      </Typography.Paragraph>
                    ),
                  },
                  {
                    title: t("consolidated.col.lead"),
                    key: "lead",
                    width: 150,
                    render: (_: unknown, r) => r.leadUnit ?? "—",
                  },
                  {
                    title: t("consolidated.col.deadline"),
                    key: "deadline",
                    width: 100,
                    render: (_: unknown, r) =>
                      r.recurring
                        ? t("consolidated.recurring")
                        : r.deadline.date
                          ? formatDate(r.deadline.date)
                          : (r.deadline.text ?? "—"),
                  },
                  {
                    title: t("consolidated.col.status"),
                    key: "status",
                    width: 130,
                    render: (_: unknown, r) => <Tag color={TASK_STATUS_COLOR[r.status]}>{r.statusLabel}</Tag>,
                  },
                  {
                    title: t("consolidated.col.progress"),
                    key: "progress",
                    width: 90,
                    align: "center",
                    render: (_: unknown, r) =>
                      r.progress === null ? (
                        "—"
                      ) : (
                        <Tooltip
                          title={
                            r.progressSource === "report"
                              ? t("consolidated.progressFromReport")
                              : t("consolidated.progressFromTask")
                          }
                        >
                          {num(r.progress)}
                        </Tooltip>
                      ),
                  },
                ]}
              />
            </Card>
            <Card title={t("consolidated.statements")} size="small">
              <Table<TUnitStatement>
                rowKey={(r) => r.unit.id}
                size="small"
                dataSource={report.statements}
                pagination={false}
                locale={{ emptyText: <Empty description={t("consolidated.statementsEmpty")} /> }}
                columns={[
                  {
                    title: t("consolidated.col.unit"),
                    key: "unit",
                    width: 200,
                    render: (_: unknown, r) => r.unit.name,
                  },
                  {
                    title: t("consolidated.col.difficulties"),
                    dataIndex: "difficulties",
                    key: "difficulties",
                  },
                  { title: t("consolidated.col.proposals"), dataIndex: "proposals", key: "proposals" },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xxl={10}>
            <Card
              title={t("consolidated.narrative")}
              extra={
                canEdit && (
                  <Button
                    type="primary"
                    icon={<SaveOutlined />}
                    loading={saving}
                    onClick={save}
                    data-testid="consolidated-save"
                  >
                    {t("consolidated.save")}
                  </Button>
                )
              }
              data-testid="consolidated-narrative"
            >
              <Typography.Paragraph type="secondary" data-testid="consolidated-saved-status">
                {report.saved
                  ? t("consolidated.savedBy", {
                      at: formatDateTime(report.saved.updatedAt),
                      name: report.saved.updatedBy?.name ?? "—",
                    })
                  : t("consolidated.notSaved")}
              </Typography.Paragraph>
              {!canEdit && (
                <Alert type="info" showIcon title={t("consolidated.readOnly")} style={{ marginBottom: 12 }} />
              )}
              {conflict && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t("consolidated.conflict")}
                  description={conflict}
                  action={
                    <Button size="small" onClick={loaded.reload}>
                      {t("consolidated.reload")}
                    </Button>
                  }
                  data-testid="consolidated-conflict"
                />
              )}
              {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
              <Form form={form} layout="vertical" disabled={!canEdit} onValuesChange={onValuesChange}>
                <Row gutter={12}>
                  <Col span={9}>
                    <Form.Item
                      name="documentNumber"
                      label={t("consolidated.form.documentNumber")}
                      tooltip={t("consolidated.form.documentNumberHelp")}
                    >
                      <Input addonAfter="/BC-UBND" maxLength={20} placeholder="…" />
                    </Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item name="placeName" label={t("consolidated.form.placeName")}>
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name="reportDate" label={t("consolidated.form.reportDate")}>
                      <DatePicker format="DD/MM/YYYY" style={{ width: "100%" }} allowClear={false} />
                    </Form.Item>
                  </Col>
                </Row>
                {(
                  [
                    ["opening", 3],
                    ["assessment", 4],
                    ["difficulties", 4],
                    ["proposals", 4],
                    ["nextTasks", 3],
                  ] as const
                ).map(([name, rows]) => (
                  <Form.Item
                    key={name}
                    name={name}
                    label={t(`consolidated.form.${name}`)}
                    tooltip={t("consolidated.form.linesHelp")}
                  >
                    <Input.TextArea autoSize={{ minRows: rows, maxRows: 14 }} maxLength={20_000} />
                  </Form.Item>
                ))}
                <Row gutter={12}>
                  <Col span={12}>
                    <Form.Item name={["signature", "authority"]} label={t("consolidated.form.authority")}>
                      <Input maxLength={120} />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name={["signature", "signerName"]} label={t("consolidated.form.signerName")}>
                      <Input maxLength={120} />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name={["signature", "signatory"]} label={t("consolidated.form.signatory")}>
                  <Radio.Group
                    options={[
                      { value: "vice_chairman", label: t("consolidated.form.viceChairman") },
                      { value: "chairman", label: t("consolidated.form.chairman") },
                    ]}
                  />
                </Form.Item>
                <Form.Item name="recipients" label={t("consolidated.form.recipients")}>
                  <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
                </Form.Item>
              </Form>
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
