import "../../i18n/reporting-messages.ts";
import { PlusOutlined } from "@ant-design/icons";
import type { TReportingPeriod } from "@dtplan/contracts/reporting.ts";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Empty, Progress, Select, Space, Tag, Tooltip, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { plansQueries } from "../../api/endpoints.ts";
import { invalidate, loadError } from "../../api/query.ts";
import { reportingQueries } from "../../api/reporting.ts";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { PageHeader } from "../../layout/page-header.tsx";
import { foldedSearch } from "../../lib/fold.ts";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { planLabel } from "../../lib/plan-label.ts";
import { AttainmentCard } from "./attainment-table.tsx";
import { PeriodModal } from "./period-modal.tsx";
import { completeness } from "./report-model.ts";
import { ReportStatusTag } from "./report-tags.tsx";
import { UnownedAlert } from "./unowned-alert.tsx";

/** Kỳ báo cáo: a plan's periods with completeness and timeliness; the focal officer adjusts them or opens ad hoc ones. */
export default function PeriodsPage() {
  const { t, num, period } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const plans = useQuery(plansQueries.list({ status: "published", limit: 200 }));
  const planCode = params.get("plan") ?? plans.data?.items[0]?.code ?? null;
  const periods = useQuery({ ...reportingQueries.periods(planCode ?? ""), enabled: planCode !== null });
  const [modal, setModal] = useState<{ period: TReportingPeriod | null } | null>(null);

  // Keep the chosen plan in the address so links back here land on it.
  useEffect(() => {
    if (!params.get("plan") && planCode) setParams({ plan: planCode }, { replace: true });
  }, [params, planCode, setParams]);

  const data = periods.data;
  const canManage = data?.can.manage ?? false;

  const countTags = (p: TReportingPeriod) => {
    const c = p.counts;
    const tags: [number, string, string][] = [
      [c.onTime, "green", t("periods.count.onTime")],
      [c.late, "orange", t("periods.count.late")],
      [c.missing, "red", t("periods.count.missing")],
      [c.returned, "gold", t("periods.count.returned")],
      [c.submitted, "blue", t("periods.count.submitted")],
      [c.approved, "cyan", t("periods.count.approved")],
    ];
    return (
      <Space size={[4, 4]} wrap>
        {tags
          .filter(([n]) => n > 0)
          .map(([n, color, label]) => (
            <Tag key={label} color={color} style={{ marginInlineEnd: 0 }}>
              {num(n)} {label}
            </Tag>
          ))}
      </Space>
    );
  };

  return (
    <>
      <PageHeader
        title={t("periods.title")}
        subtitle={t("periods.subtitle")}
        extra={
          <Space wrap>
            <Select
              showSearch={foldedSearch}
              style={{ width: 420 }}
              placeholder={t("periods.choosePlan")}
              loading={plans.isFetching}
              value={planCode ?? undefined}
              onChange={(code: string) => setParams({ plan: code })}
              options={(plans.data?.items ?? []).map((p) => ({
                value: p.code,
                label: planLabel(p),
              }))}
              aria-label={t("periods.choosePlan")}
            />
            {canManage && (
              <Button icon={<PlusOutlined />} onClick={() => setModal({ period: null })}>
                {t("periods.openAdhoc")}
              </Button>
            )}
          </Space>
        }
      />
      {plans.error && <Alert type="error" showIcon title={loadError(plans)} style={{ marginBottom: 12 }} />}
      {plans.data && plans.data.items.length === 0 && (
        <Alert type="info" showIcon title={t("periods.noPlans")} style={{ marginBottom: 12 }} />
      )}
      {periods.error && (
        <Alert type="error" showIcon title={loadError(periods)} style={{ marginBottom: 12 }} />
      )}
      {data && <UnownedAlert periods={data.periods} />}
      <Card
        style={{ marginBottom: 12 }}
        title={data ? `${data.plan.title} — ${data.plan.unit.name}` : undefined}
      >
        <ResponsiveTable<TReportingPeriod>
          rowKey="key"
          size="small"
          loading={periods.isFetching}
          dataSource={data?.periods ?? []}
          locale={{ emptyText: <Empty description={t("periods.empty")} /> }}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          data-testid="periods-table"
          columns={[
            {
              title: t("periods.col.period"),
              key: "label",
              width: 170,
              render: (_: unknown, p) => (
                <>
                  {canManage ? (
                    <Link to={`/periods/${planCode}/${p.key}`}>
                      <b>{period(p)}</b>
                    </Link>
                  ) : (
                    <b>{period(p)}</b>
                  )}
                  <div>
                    <Space size={4} wrap>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t(`freq.${p.frequency}`)}
                      </Typography.Text>
                      {p.adhoc && <Tag color="purple">{t("periods.adhoc")}</Tag>}
                      {p.adjusted && (
                        <Tooltip
                          title={
                            <>
                              {t("periods.adjustedBy", {
                                name: p.adjusted.by?.name ?? "",
                                at: formatDateTime(p.adjusted.at),
                              })}
                              {p.adjusted.reason && <div>{p.adjusted.reason}</div>}
                            </>
                          }
                        >
                          <Tag>{t("periods.adjusted")}</Tag>
                        </Tooltip>
                      )}
                    </Space>
                  </div>
                </>
              ),
            },
            {
              title: t("periods.col.data"),
              key: "range",
              width: 200,
              render: (_: unknown, p) => `${formatDate(p.start)} – ${formatDate(p.end)}`,
            },
            {
              title: t("periods.col.due"),
              key: "due",
              width: 130,
              render: (_: unknown, p) => (
                <>
                  <div>{formatDate(p.dueDate)}</div>
                  {p.overdue && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t("periods.overdue")}
                    </Typography.Text>
                  )}
                </>
              ),
            },
            {
              title: t("periods.col.completeness"),
              key: "completeness",
              width: 170,
              render: (_: unknown, p) => (
                <>
                  <Progress percent={completeness(p.counts)} size="small" />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t("periods.completenessOf", {
                      done: p.counts.submitted + p.counts.approved,
                      total: p.counts.expected,
                    })}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: t("periods.col.counts"),
              key: "counts",
              width: 260,
              render: (_: unknown, p) => countTags(p),
            },
            ...((data?.periods ?? []).some((p) => p.mine.length > 0)
              ? [
                  {
                    title: t("periods.col.mine"),
                    key: "mine",
                    width: 240,
                    render: (_: unknown, p: TReportingPeriod) => (
                      <Space direction="vertical" size={2}>
                        {p.mine.map((m) => (
                          <Space key={m.unit.id} size={4} wrap>
                            <Link
                              to={`/periods/${planCode}/${p.key}/units/${m.unit.id}`}
                              data-testid="open-my-report"
                            >
                              {p.mine.length > 1 ? m.unit.name : t("periods.openReport")}
                            </Link>
                            <ReportStatusTag status={m.status} />
                          </Space>
                        ))}
                      </Space>
                    ),
                  },
                ]
              : []),
            ...(canManage
              ? [
                  {
                    title: t("common.actions"),
                    key: "actions",
                    width: 190,
                    render: (_: unknown, p: TReportingPeriod) => (
                      <Space size={4}>
                        <Link to={`/periods/${planCode}/${p.key}`}>
                          <Button size="small" type="primary" ghost>
                            {t("periods.chase")}
                          </Button>
                        </Link>
                        <Button size="small" onClick={() => setModal({ period: p })}>
                          {t("periods.adjust")}
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {planCode && data && <AttainmentCard planCode={planCode} periods={data.periods} />}
      {planCode && (
        <PeriodModal
          open={modal !== null}
          planCode={planCode}
          period={modal?.period ?? null}
          onClose={() => setModal(null)}
          onSaved={() => {
            message.success(modal?.period ? t("periods.saved") : t("periods.opened"));
            setModal(null);
            void invalidate("reporting");
          }}
        />
      )}
    </>
  );
}
