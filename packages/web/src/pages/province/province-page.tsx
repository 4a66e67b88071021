import "../../i18n/province-messages.ts";
import { DownloadOutlined, FileExcelOutlined } from "@ant-design/icons";
import type { TLocality, TProvinceView } from "@dtplan/contracts/province.ts";
import { unitKindLabel } from "@dtplan/domain/org/unit-kinds.ts";
import { ratioPercent } from "@dtplan/domain/reporting/figures.ts";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Empty, Progress, Select, Skeleton, Space, Switch, Tag, Typography } from "antd";
import type { EChartsCoreOption } from "echarts/core";
import { useEffect, useMemo } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { rememberPlanProvince } from "../../api/plan-province.ts";
import { provinceApi, provinceQuery } from "../../api/province.ts";
import { loadError } from "../../api/query.ts";
import { LazyChart } from "../../charts/lazy-chart.tsx";
import { PrintButton } from "../../components/print-button.tsx";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { PageHeader } from "../../layout/page-header.tsx";
import { formatDate } from "../../lib/format.ts";
import { CardTitle } from "../dashboard/card-title.tsx";
import { type Kpi, KpiCards } from "../dashboard/kpi-cards.tsx";

const byNullable = (a: number | null, b: number | null) => (a ?? -1) - (b ?? -1);
const measuredOf = (l: TLocality) => l.targets.achieved + l.targets.near + l.targets.notAchieved;

/** Toàn tỉnh: every locality side by side, for the province's officers. */
export default function ProvincePage() {
  const { t, period } = useI18n();
  const [search, setSearch] = useSearchParams();
  const filter = {
    tenantId: search.get("tenantId") ?? undefined,
    period: search.get("period") ?? undefined,
    showAll: search.get("showAll") === "1",
  };
  const view = useQuery(provinceQuery(filter));
  const change = (next: Partial<Record<"tenantId" | "period" | "showAll", string | null>>) => {
    const params = new URLSearchParams(search);
    for (const [k, v] of Object.entries(next)) {
      if (v) params.set(k, v);
      else params.delete(k);
    }
    setSearch(params);
  };
  const data = view.data;
  // The plans listed here are the chosen province's: their dashboards open in it.
  useEffect(() => {
    if (!data) return;
    for (const l of data.localities) for (const p of l.plans) rememberPlanProvince(p.code, data.province.id);
  }, [data]);

  return (
    <>
      <PageHeader
        title={t("province.title")}
        subtitle={t("province.subtitle")}
        extra={
          <Space wrap>
            <PrintButton />
            {data && data.provinces.length > 1 && (
              <Select
                style={{ width: 240 }}
                aria-label={t("province.chooseProvince")}
                value={data.province.id}
                onChange={(id: string) => setSearch({ tenantId: id })}
                options={data.provinces.map((p) => ({ value: p.id, label: p.name }))}
              />
            )}
            {data && data.periods.length > 0 && (
              <Select
                style={{ width: 220 }}
                aria-label={t("province.period")}
                data-testid="province-period"
                value={data.period?.key}
                onChange={(key: string) => change({ period: key })}
                options={data.periods.map((p) => ({
                  value: p.key,
                  label: t("province.periodOption", { label: period(p), n: p.plans }),
                }))}
              />
            )}
            <Switch
              checked={filter.showAll}
              onChange={(on) => change({ showAll: on ? "1" : null })}
              checkedChildren={t("province.showAll")}
              unCheckedChildren={t("province.showAll")}
              aria-label={t("province.showAll")}
            />
            <Button
              icon={<DownloadOutlined />}
              href={provinceApi.exportUrl("csv", { ...filter, tenantId: data?.province.id })}
              disabled={!data}
            >
              {t("province.exportCsv")}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              href={provinceApi.exportUrl("xlsx", { ...filter, tenantId: data?.province.id })}
              disabled={!data}
            >
              {t("province.exportXlsx")}
            </Button>
          </Space>
        }
      />
      {view.error && <Alert type="error" showIcon title={loadError(view)} style={{ marginBottom: 12 }} />}
      {!data && view.isFetching && <Skeleton active paragraph={{ rows: 10 }} />}
      {data && <ProvinceBody data={data} />}
    </>
  );
}

function ProvinceBody({ data }: { data: TProvinceView }) {
  const { t, num, period } = useI18n();
  const pct = (v: number | null) => (v === null ? "—" : `${num(v)}%`);
  const list = data.localities;
  const withPlan = list.filter((l) => l.plans.length > 0);
  const sum = (f: (l: TLocality) => number) => list.reduce((s, l) => s + f(l), 0);
  const achieved = sum((l) => l.targets.achieved);
  const measured = sum(measuredOf);
  const tasks = {
    total: sum((l) => l.tasks.total),
    done: sum((l) => l.tasks.done),
    overdue: sum((l) => l.tasks.overdue),
  };
  const progressSum = sum((l) => (l.tasks.averageProgress ?? 0) * l.tasks.total);
  const reports = {
    expected: sum((l) => l.reporting.expected),
    onTime: sum((l) => l.reporting.onTime),
    late: sum((l) => l.reporting.late),
    missing: sum((l) => l.reporting.missing),
  };
  const share = ratioPercent;
  const charted = useMemo(() => list.filter((l) => l.targets.achievedPercent !== null), [list]);

  const kpis: Kpi[] = [
    {
      key: "localities",
      title: t("province.kpi.localities"),
      value: num(list.length),
      hint: t("province.kpi.withPlan", { n: num(withPlan.length), none: num(list.length - withPlan.length) }),
    },
    {
      key: "achieved",
      title: t("province.kpi.achieved"),
      value: pct(share(achieved, measured)),
      hint: t("province.kpi.achievedOf", { achieved: num(achieved), measured: num(measured) }),
    },
    {
      key: "progress",
      title: t("province.kpi.progress"),
      value: pct(tasks.total > 0 ? Math.round((progressSum / tasks.total) * 10) / 10 : null),
      hint: t("province.kpi.progressOf", {
        done: num(tasks.done),
        total: num(tasks.total),
        overdue: num(tasks.overdue),
      }),
    },
    {
      key: "onTime",
      title: t("province.kpi.onTime"),
      value: pct(share(reports.onTime, reports.expected)),
      hint: t("province.kpi.onTimeOf", {
        onTime: num(reports.onTime),
        expected: num(reports.expected),
        late: num(reports.late),
        missing: num(reports.missing),
      }),
    },
  ];

  const option = useMemo<EChartsCoreOption>(() => {
    const rows = [...charted].sort((a, b) =>
      byNullable(a.targets.achievedPercent, b.targets.achievedPercent),
    );
    return {
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: (v: number) => `${num(v)}%`,
      },
      // Room for the names on the left (ECharts 6 does not measure truncated labels).
      grid: { left: 250, right: 56, top: 8, bottom: 24 },
      xAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: (v: number) => `${num(v)}%` } },
      yAxis: {
        type: "category",
        data: rows.map((l) => l.unit.name),
        axisLabel: { width: 236, overflow: "truncate" },
      },
      series: [
        {
          name: t("province.col.attainment"),
          type: "bar",
          barMaxWidth: 24,
          itemStyle: { color: "#14532d" },
          label: {
            show: true,
            position: "right",
            fontWeight: 600,
            formatter: (p: { value: number }) => `${num(p.value)}%`,
          },
          data: rows.map((l) => l.targets.achievedPercent),
        },
      ],
    };
  }, [charted, num, t]);

  return (
    <>
      <Typography.Paragraph type="secondary">
        <b>{data.province.name}</b> ·{" "}
        {data.period
          ? t("province.samePeriod", { period: period(data.period), today: formatDate(data.today) })
          : t("province.asOf", { today: formatDate(data.today) })}
        {(data.hidden.closedUnits > 0 || data.hidden.notStartedPlans > 0) && (
          <>
            {" "}
            {t("province.hidden", {
              closed: num(data.hidden.closedUnits),
              notStarted: num(data.hidden.notStartedPlans),
            })}
          </>
        )}
      </Typography.Paragraph>
      <KpiCards kpis={kpis} col={{ xs: 24, sm: 12, xl: 6 }} />
      <Card
        title={<CardTitle title={t("province.chart")} hint={t("province.chartHint")} />}
        style={{ marginBottom: 12 }}
      >
        {charted.length === 0 ? (
          <Empty description={t("province.chartEmpty")} />
        ) : (
          <LazyChart
            testId="chart-localities"
            option={option}
            height={Math.max(160, 40 * charted.length + 40)}
            ariaLabel={t("province.chartAria")}
          />
        )}
      </Card>
      <Card title={t("province.table")}>
        <LocalityTable rows={list} />
      </Card>
    </>
  );
}

function LocalityTable({ rows }: { rows: TLocality[] }) {
  const { t, num, lang, period } = useI18n();
  const navigate = useNavigate();
  return (
    <ResponsiveTable<TLocality>
      rowKey={(l) => l.unit.id}
      size="small"
      dataSource={rows}
      data-testid="localities-table"
      // A locality with one plan opens its dashboard from anywhere on the row; with several, from each plan's link.
      onRow={(l) =>
        l.plans.length === 1
          ? {
              onClick: () => navigate(`/dashboard/${encodeURIComponent(l.plans[0].code)}`),
              style: { cursor: "pointer" },
            }
          : {}
      }
      pagination={{ pageSize: 30, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: <Empty description={t("province.empty")} /> }}
      columns={[
        {
          title: t("province.col.locality"),
          key: "locality",
          width: 210,
          sorter: (a, b) => a.unit.name.localeCompare(b.unit.name, "vi"),
          render: (_: unknown, l) => (
            <>
              <b>{l.unit.name}</b>
              <div>
                <Space size={4} wrap>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {unitKindLabel(l.unit.kind, lang)}
                  </Typography.Text>
                  {l.unit.closed && <Tag>{t("province.closed")}</Tag>}
                </Space>
              </div>
            </>
          ),
        },
        {
          title: t("province.col.plans"),
          key: "plans",
          sorter: (a, b) => a.plans.length - b.plans.length,
          render: (_: unknown, l) =>
            l.plans.length === 0 ? (
              <Tag color="orange">{t("province.noPlan")}</Tag>
            ) : (
              l.plans.map((p) => (
                <div key={p.code}>
                  <Link to={`/dashboard/${encodeURIComponent(p.code)}`}>{p.title}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: "block" }}>
                    {/* The plan by its title and years: its code is the address's, not the reader's. */}
                    {p.years ? `${p.years} · ` : ""}
                    {p.period
                      ? t("province.periodUsed", { period: period(p.period) })
                      : t("province.noPeriod")}
                    {p.notStarted ? ` · ${t("province.notStarted")}` : ""}
                  </Typography.Text>
                </div>
              ))
            ),
        },
        {
          title: t("province.col.attainment"),
          key: "attainment",
          width: 190,
          sorter: (a, b) => byNullable(a.targets.achievedPercent, b.targets.achievedPercent),
          render: (_: unknown, l) =>
            l.targets.achievedPercent === null ? (
              <Typography.Text type="secondary">
                {l.plans.length ? t("province.noTargets") : "—"}
              </Typography.Text>
            ) : (
              <>
                <Progress
                  percent={l.targets.achievedPercent}
                  size="small"
                  strokeColor="#14532d"
                  format={(p) => `${num(p ?? 0)}%`}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t("province.targetsOf", {
                    achieved: num(l.targets.achieved),
                    measured: num(measuredOf(l)),
                    near: num(l.targets.near),
                    notAchieved: num(l.targets.notAchieved),
                  })}
                </Typography.Text>
              </>
            ),
        },
        {
          title: t("province.col.progress"),
          key: "progress",
          width: 170,
          sorter: (a, b) => byNullable(a.tasks.averageProgress, b.tasks.averageProgress),
          render: (_: unknown, l) =>
            l.tasks.averageProgress === null ? (
              "—"
            ) : (
              <>
                <Progress
                  percent={l.tasks.averageProgress}
                  size="small"
                  strokeColor="#2f6fb0"
                  format={(p) => `${num(p ?? 0)}%`}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t("province.tasksOf", { done: num(l.tasks.done), total: num(l.tasks.total) })}
                </Typography.Text>
              </>
            ),
        },
        {
          title: t("province.col.overdue"),
          key: "overdue",
          width: 100,
          align: "right",
          sorter: (a, b) => a.tasks.overdue - b.tasks.overdue,
          render: (_: unknown, l) =>
            l.tasks.total === 0 ? (
              "—"
            ) : l.tasks.overdue > 0 ? (
              // With one plan, the count opens that plan's overdue tasks (the dashboard's list).
              l.plans.length === 1 ? (
                <Link
                  to={`/dashboard/${encodeURIComponent(l.plans[0].code)}#overdue-tasks`}
                  onClick={(e) => e.stopPropagation()}
                  aria-label={t("province.overdueOpen", { n: num(l.tasks.overdue), plan: l.plans[0].title })}
                  data-testid="overdue-link"
                >
                  <Typography.Text type="danger" strong>
                    {num(l.tasks.overdue)}
                  </Typography.Text>
                </Link>
              ) : (
                <Typography.Text type="danger" strong>
                  {num(l.tasks.overdue)}
                </Typography.Text>
              )
            ) : (
              num(0)
            ),
        },
        {
          title: t("province.col.onTime"),
          key: "onTime",
          width: 200,
          sorter: (a, b) => byNullable(a.reporting.onTimePercent, b.reporting.onTimePercent),
          render: (_: unknown, l) =>
            l.reporting.onTimePercent === null ? (
              <Typography.Text type="secondary">
                {l.plans.length ? t("province.noneDue") : "—"}
              </Typography.Text>
            ) : (
              <>
                <Progress
                  percent={l.reporting.onTimePercent}
                  size="small"
                  strokeColor="#5b3fa0"
                  format={(p) => `${num(p ?? 0)}%`}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t("province.reportsOf", {
                    onTime: num(l.reporting.onTime),
                    expected: num(l.reporting.expected),
                    late: num(l.reporting.late),
                    missing: num(l.reporting.missing),
                  })}
                </Typography.Text>
              </>
            ),
        },
      ]}
    />
  );
}
