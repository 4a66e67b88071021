import "../../i18n/reporting-messages.ts";
import { ArrowLeftOutlined, CopyOutlined, NotificationOutlined } from "@ant-design/icons";
import type { TPeriodUnitStatus } from "@dtplan/contracts/reporting.ts";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Input, Progress, Segmented, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { errorMessage } from "../../api/client.ts";
import { loadError } from "../../api/query.ts";
import { reportingApi, reportingQueries } from "../../api/reporting.ts";
import { ExportMenu, exportSources } from "../../components/export-menu.tsx";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { PageHeader } from "../../layout/page-header.tsx";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { BulkReviewModal } from "./bulk-review-modal.tsx";
import { type ChaseFilter, chaseFilter, completeness, reminderText } from "./report-model.ts";
import { ReportStatusTag, TimelinessTag } from "./report-tags.tsx";

const FILTERS: ChaseFilter[] = ["all", "missing", "late", "returned", "pending"];

/** Theo dõi nộp báo cáo: every unit that must report in the period, to chase the late ones. */
export default function ChasePage() {
  const { code = "", key = "" } = useParams();
  const { t, num, period } = useI18n();
  const { message } = App.useApp();
  const status = useQuery(reportingQueries.status(code, key));
  const [filter, setFilter] = useState<ChaseFilter>("all");
  const [reminder, setReminder] = useState<string | null>(null);
  const [reminding, setReminding] = useState(false);
  const data = status.data;
  const rows = data ? chaseFilter(data.units, filter) : [];
  // Reviewers choose submitted reports to approve or return together.
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState<"approve" | "return" | null>(null);
  const canReview = data?.can.review ?? false;

  const copyReminder = async () => {
    if (!data) return;
    const targets = data.units.filter(
      (u) => u.status === null || u.status === "draft" || u.status === "returned",
    );
    if (targets.length === 0) {
      message.info(t("chase.nobodyToRemind"));
      return;
    }
    const text = reminderText({
      planTitle: data.plan.title,
      periodLabel: data.period.label,
      dueDate: formatDate(data.period.dueDate),
      units: targets.map((u) => u.unit.name),
      link: `${window.location.origin}/periods?plan=${encodeURIComponent(code)}`,
    });
    setReminder(text);
    try {
      await navigator.clipboard.writeText(text);
      message.success(t("chase.copied", { n: targets.length }));
    } catch {
      message.warning(t("chase.copyFailed"));
    }
  };

  // Offered to the period's reviewers only; the server checks again.
  const remindNow = async () => {
    setReminding(true);
    try {
      const r = await reportingApi.remind(code, key);
      if (r.notifications + r.emails === 0) message.info(t("chase.remindNothing"));
      else message.success(t("chase.remindSent", { ...r }));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setReminding(false);
    }
  };

  const count = (f: ChaseFilter) => (data ? chaseFilter(data.units, f).length : 0);

  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Link to={`/periods?plan=${code}`}>
          <ArrowLeftOutlined /> {t("chase.back")}
        </Link>
      </Space>
      <PageHeader
        title={data ? `${t("chase.title")}: ${period(data.period)}` : t("chase.title")}
        subtitle={
          data
            ? `${data.plan.title} · ${t("report.dataRange", {
                start: formatDate(data.period.start),
                end: formatDate(data.period.end),
                due: formatDate(data.period.dueDate),
              })}`
            : undefined
        }
        extra={
          <Space wrap>
            {/* Reminding and reviewing are the reviewers'; a province viewer reads the list. */}
            {canReview && (
              <>
                <Button
                  type="primary"
                  icon={<NotificationOutlined />}
                  onClick={remindNow}
                  loading={reminding}
                  data-testid="remind-now"
                >
                  {t("chase.remindNow")}
                </Button>
                <Button icon={<CopyOutlined />} onClick={copyReminder}>
                  {t("chase.copyReminder")}
                </Button>
              </>
            )}
            <ExportMenu sources={[exportSources.indicatorValues(code, { period: key })]} />
            {canReview && (
              <>
                <Button
                  disabled={selected.length === 0}
                  onClick={() => setBulk("approve")}
                  data-testid="bulk-approve"
                >
                  {t("bulk.approve", { n: selected.length })}
                </Button>
                <Button danger disabled={selected.length === 0} onClick={() => setBulk("return")}>
                  {t("bulk.return", { n: selected.length })}
                </Button>
              </>
            )}
          </Space>
        }
      />
      {status.error && <Alert type="error" showIcon title={loadError(status)} style={{ marginBottom: 12 }} />}
      {reminder && (
        <Card
          size="small"
          title={t("chase.reminderTitle")}
          style={{ marginBottom: 12 }}
          extra={
            <Button size="small" type="text" onClick={() => setReminder(null)}>
              {t("common.close")}
            </Button>
          }
        >
          <Input.TextArea
            value={reminder}
            readOnly
            autoSize={{ minRows: 4, maxRows: 10 }}
            data-testid="reminder-text"
          />
        </Card>
      )}
      <Card
        style={{ marginBottom: 12 }}
        title={
          data && (
            <Space size={16} wrap>
              <span>
                {t("chase.summary", {
                  done: data.period.counts.submitted + data.period.counts.approved,
                  total: data.period.counts.expected,
                })}
              </span>
              <Progress percent={completeness(data.period.counts)} size="small" style={{ width: 200 }} />
            </Space>
          )
        }
        extra={
          <Segmented
            value={filter}
            onChange={(v) => setFilter(v as ChaseFilter)}
            options={FILTERS.map((f) => ({ value: f, label: `${t(`chase.filter.${f}`)} (${count(f)})` }))}
          />
        }
      >
        <ResponsiveTable<TPeriodUnitStatus>
          rowKey={(r) => r.unit.id}
          size="small"
          loading={status.isFetching}
          dataSource={rows}
          pagination={{ pageSize: 30, showSizeChanger: false, hideOnSinglePage: true }}
          data-testid="chase-table"
          rowSelection={
            canReview
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as string[]),
                  getCheckboxProps: (r) => ({
                    disabled: r.status !== "submitted",
                    "aria-label": t("bulk.select", { unit: r.unit.name }),
                  }),
                }
              : undefined
          }
          columns={[
            {
              title: t("chase.col.unit"),
              key: "unit",
              render: (_: unknown, r) => (
                <>
                  {r.reportId ? (
                    <Link to={`/periods/${code}/${key}/units/${r.unit.id}`}>{r.unit.name}</Link>
                  ) : (
                    r.unit.name
                  )}
                  {r.onBehalf && (
                    <Tag color="purple" style={{ marginInlineStart: 6 }} data-testid="chase-on-behalf">
                      {t("chase.onBehalf")}
                    </Tag>
                  )}
                  {r.noAccount && !r.onBehalf && (
                    <Tag style={{ marginInlineStart: 6 }}>{t("chase.noAccount")}</Tag>
                  )}
                  {r.status === "returned" && r.returnComment && (
                    <Typography.Text type="warning" style={{ display: "block", fontSize: 12 }}>
                      {t("chase.returnComment", { comment: r.returnComment })}
                    </Typography.Text>
                  )}
                </>
              ),
            },
            {
              title: t("chase.col.role"),
              key: "role",
              width: 190,
              render: (_: unknown, r) => (
                <Space size={4} wrap>
                  <Tag color={r.role === "lead" ? "blue" : "default"}>{t(`myTasks.role.${r.role}`)}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: "nowrap" }}>
                    {[
                      r.taskCount > 0 || r.targetCount === 0
                        ? `${num(r.taskCount)} ${t("chase.col.tasks").toLowerCase()}`
                        : null,
                      r.targetCount > 0 ? t("chase.targets", { n: num(r.targetCount) }) : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t("chase.col.status"),
              key: "status",
              width: 180,
              render: (_: unknown, r) => <ReportStatusTag status={r.status} />,
            },
            {
              title: t("chase.col.timeliness"),
              key: "timeliness",
              width: 160,
              render: (_: unknown, r) => <TimelinessTag timeliness={r.timeliness} />,
            },
            {
              title: t("chase.col.submittedAt"),
              key: "submittedAt",
              width: 150,
              render: (_: unknown, r) => formatDateTime(r.submittedAt) || "—",
            },
            {
              title: t("chase.col.daysLate"),
              key: "daysLate",
              width: 110,
              align: "right",
              render: (_: unknown, r) =>
                r.daysLate ? (
                  <Typography.Text type="danger">{t("chase.daysLate", { n: r.daysLate })}</Typography.Text>
                ) : (
                  "—"
                ),
            },
            {
              key: "open",
              width: 120,
              render: (_: unknown, r) =>
                r.reportId ? (
                  <Link to={`/periods/${code}/${key}/units/${r.unit.id}`}>
                    <Button size="small">{t("chase.open")}</Button>
                  </Link>
                ) : r.noAccount && status.data?.can.enterOnBehalf ? (
                  <Link to={`/periods/${code}/${key}/units/${r.unit.id}`}>
                    <Button size="small" type="primary" ghost>
                      {t("chase.enterOnBehalf")}
                    </Button>
                  </Link>
                ) : null,
            },
          ]}
        />
      </Card>
      {bulk && (
        <BulkReviewModal
          code={code}
          periodKey={key}
          action={bulk}
          unitIds={selected}
          onClose={() => setBulk(null)}
          onDone={() => {
            setBulk(null);
            setSelected([]);
          }}
        />
      )}
    </>
  );
}
