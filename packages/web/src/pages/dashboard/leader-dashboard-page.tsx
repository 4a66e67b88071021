import "../../i18n/dashboard-messages.ts";
import type { TDashboardTarget, TPlanDashboard } from "@dtplan/contracts/dashboard.ts";
import { ATTAINMENT_LABELS } from "@dtplan/domain/attainment/attainment.ts";
import { TREND_LABELS } from "@dtplan/domain/attainment/trend.ts";
import { currentPlan } from "@dtplan/domain/plans/current-plan.ts";
import { ratioPercent } from "@dtplan/domain/reporting/figures.ts";
import { periodLabel } from "@dtplan/domain/reporting/period-label.ts";
import { todayInVietnam } from "@dtplan/domain/time/vietnam.ts";
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Col, Empty, Row, Select, Skeleton, Space, Typography } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useLocation, useNavigate, useParams, useSearchParams } from "react-router";
import { dashboardQueries } from "../../api/dashboard.ts";
import { plansQueries } from "../../api/endpoints.ts";
import { loadError } from "../../api/query.ts";
import { useUser } from "../../auth/session.tsx";
import { type ChartClick, LazyChart } from "../../charts/lazy-chart.tsx";
import { PrintButton } from "../../components/print-button.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { PageHeader } from "../../layout/page-header.tsx";
import { foldedSearch } from "../../lib/fold.ts";
import { formatDate, type Lang } from "../../lib/format.ts";
import { planLabel } from "../../lib/plan-label.ts";
import { pillarLabel } from "../plans/review-model.ts";
import { TaskDrawer } from "../tasks/lazy-task-drawer.tsx";
import { CardTitle } from "./card-title.tsx";
import { pillarBarOption, trendLineOption } from "./dashboard-charts.ts";
import { AtRiskTable, OverdueTable, RankingTable } from "./dashboard-tables.tsx";
import { type Drill, DrillDown } from "./drill-down.tsx";
import { type Kpi, KpiCards } from "./kpi-cards.tsx";
import { TargetDrawer } from "./target-drawer.tsx";

const NO_DRILL: Drill = { pillar: null, targetKey: null, unitId: null };

/** The server's Vietnamese labels (pillars, periods, attainment, trend) in the reader's language. */
function inLanguage(data: TPlanDashboard, lang: Lang): TPlanDashboard {
  const label = (p: { pillar: string }) => pillarLabel(p.pillar, lang);
  const period = <P extends { key: string; label: string }>(p: P): P => ({
    ...p,
    label: periodLabel(p, lang),
  });
  const target = <X extends TDashboardTarget>(x: X): X => ({
    ...x,
    attainmentLabel: ATTAINMENT_LABELS[x.attainment][lang],
    trendLabel: TREND_LABELS[x.trend][lang],
  });
  return {
    ...data,
    period: data.period ? period(data.period) : null,
    periods: data.periods.map(period),
    pillars: data.pillars.map((p) => ({ ...p, label: label(p) })),
    targets: data.targets.map(target),
    atRisk: data.atRisk.map(target),
    trend: {
      ...data.trend,
      periods: data.trend.periods.map(period),
      pillars: data.trend.pillars.map((p) => ({ ...p, label: label(p) })),
    },
  };
}

/** Bảng điều hành: a published plan at a glance, for the leaders who direct it. */

export default function LeaderDashboardPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const params = useParams<{ code?: string }>();
  const [search, setSearch] = useSearchParams();
  const plans = useQuery(plansQueries.list({ status: "published", limit: 200 }));
  const user = useUser();
  // Without a plan in the address: the one in force today, the leader's own unit's first — never a draft.
  const current = useMemo(
    () =>
      plans.data
        ? currentPlan(plans.data.items, todayInVietnam(), new Set(user.grants.map((g) => g.unitId)))
        : null,
    [plans.data, user],
  );
  const code = params.code ?? current?.code ?? null;
  const period = search.get("period") ?? undefined;
  const dashboard = useQuery({ ...dashboardQueries.plan(code ?? "", period), enabled: code !== null });
  const [drill, setDrill] = useState<Drill>(NO_DRILL);
  const loaded = dashboard.data?.plan.code === code ? dashboard.data : null;
  // The server labels pillars and attainment in Vietnamese; show them in the reader's language.
  const data = useMemo(() => (loaded ? inLanguage(loaded, lang) : null), [loaded, lang]);

  return (
    <>
      <PageHeader
        title={t("dashboard.title")}
        subtitle={t("dashboard.subtitle")}
        extra={
          <Space wrap>
            <PrintButton />
            <Select
              showSearch={foldedSearch}
              style={{ width: 420 }}
              placeholder={t("dashboard.choosePlan")}
              aria-label={t("dashboard.choosePlan")}
              loading={plans.isFetching}
              value={code ?? undefined}
              onChange={(next: string) => {
                setDrill(NO_DRILL);
                navigate(`/dashboard/${encodeURIComponent(next)}`);
              }}
              options={(plans.data?.items ?? []).map((p) => ({
                value: p.code,
                label: planLabel(p),
              }))}
            />
            <Select
              style={{ width: 240 }}
              placeholder={t("dashboard.choosePeriod")}
              aria-label={t("dashboard.choosePeriod")}
              disabled={!data}
              value={data?.period?.key}
              onChange={(key: string) => {
                setDrill(NO_DRILL);
                setSearch({ period: key });
              }}
              options={(data?.periods ?? []).map((p) => ({ value: p.key, label: p.label }))}
            />
          </Space>
        }
      />
      {plans.error && <Alert type="error" showIcon title={loadError(plans)} style={{ marginBottom: 12 }} />}
      {plans.data && plans.data.items.length === 0 && (
        <Alert type="info" showIcon title={t("dashboard.noPlans")} style={{ marginBottom: 12 }} />
      )}
      {dashboard.error && (
        <Alert type="error" showIcon title={loadError(dashboard)} style={{ marginBottom: 12 }} />
      )}
      {!data && dashboard.isFetching && <Skeleton active paragraph={{ rows: 10 }} />}
      {data && <DashboardBody data={data} drill={drill} onDrill={setDrill} />}
    </>
  );
}

/** "4/7 chỉ tiêu đạt · 3 chưa có số liệu · từ 1/4 báo cáo": the basis of the attainment figure. */
function achievedBasis(
  data: TPlanDashboard,
  t: ReturnType<typeof useI18n>["t"],
  num: ReturnType<typeof useI18n>["num"],
) {
  const parts = [
    t("dashboard.basis.achieved", { achieved: num(data.counts.achieved), total: num(data.counts.total) }),
  ];
  if (data.counts.noData) parts.push(t("dashboard.basis.noData", { n: num(data.counts.noData) }));
  if (data.counts.qualitative)
    parts.push(t("dashboard.basis.qualitative", { n: num(data.counts.qualitative) }));
  if (data.period)
    parts.push(
      t("dashboard.basis.reports", {
        received: num(data.basis.reports.received),
        expected: num(data.basis.reports.expected),
      }),
    );
  return parts.join(" · ");
}

function DashboardBody({
  data,
  drill,
  onDrill,
}: {
  data: TPlanDashboard;
  drill: Drill;
  onDrill: (d: Drill) => void;
}) {
  const { t, num } = useI18n();
  const [openTaskId, setOpenTaskId] = useState<string | null>(null);
  const [openTargetKey, setOpenTargetKey] = useState<string | null>(null);
  // A link to a part of the dashboard (the province view's overdue count → #overdue-tasks):
  // brought into view once the figures are drawn.
  const { hash } = useLocation();
  useEffect(() => {
    if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: "start" });
  }, [hash]);
  const pct = (v: number | null) => (v === null ? "—" : `${num(v)}%`);
  const measured = data.counts.achieved + data.counts.near + data.counts.notAchieved;
  const achievedShare = ratioPercent(data.counts.achieved, measured);
  const pillarOption = useMemo(() => pillarBarOption(data.pillars, t, num), [data.pillars, t, num]);
  const trendOption = useMemo(() => trendLineOption(data.trend, t, num), [data.trend, t, num]);
  // Bars are drawn bottom-up (first pillar on top), so index from the end.
  const onPillarClick = useCallback(
    (p: ChartClick) => {
      const pillar =
        p.componentType === "series"
          ? data.pillars[data.pillars.length - 1 - p.dataIndex]
          : data.pillars.find((x) => x.label === p.value);
      if (pillar) onDrill({ pillar: pillar.pillar, targetKey: null, unitId: null });
    },
    [data.pillars, onDrill],
  );

  const kpis: Kpi[] = [
    {
      key: "achieved",
      title: t("dashboard.kpi.achieved"),
      value: pct(achievedShare),
      hint: achievedBasis(data, t, num),
      provisional: data.basis.provisional !== null,
    },
    {
      key: "atRisk",
      title: t("dashboard.kpi.atRisk"),
      value: num(data.atRisk.length),
      hint: t("dashboard.kpi.atRiskHint"),
    },
    {
      key: "tasks",
      title: t("dashboard.kpi.tasks"),
      value: `${num(data.tasks.done)}/${num(data.tasks.total)}`,
      hint: t("dashboard.kpi.tasksOf", { progress: pct(data.tasks.averageProgress) }),
    },
    {
      key: "overdue",
      title: t("dashboard.kpi.overdue"),
      value: num(data.tasks.overdue),
      hint: t("dashboard.kpi.overdueHint"),
      danger: data.tasks.overdue > 0,
    },
    {
      key: "onTime",
      title: t("dashboard.kpi.onTime"),
      value: pct(data.reporting.onTimePercent),
      hint: t("dashboard.kpi.onTimeOf", {
        onTime: num(data.reporting.onTime),
        expected: num(data.reporting.expected),
        late: num(data.reporting.late),
        missing: num(data.reporting.missing),
      }),
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary" data-testid="dashboard-period">
        <b>{data.plan.title}</b> — {data.plan.unit.name}
        {data.period
          ? ` · ${t("dashboard.periodOf", {
              period: data.period.label,
              end: formatDate(data.period.end),
              today: formatDate(data.today),
            })}`
          : ""}
      </Typography.Paragraph>
      {!data.period && (
        <Alert type="info" showIcon title={t("dashboard.noPeriod")} style={{ marginBottom: 12 }} />
      )}
      {data.basis.provisional && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="dashboard-provisional"
          title={t(`dashboard.provisional.${data.basis.provisional}`, {
            received: num(data.basis.reports.received),
            expected: num(data.basis.reports.expected),
            due: formatDate(data.period?.dueDate ?? null),
          })}
        />
      )}
      <KpiCards kpis={kpis} col={{ xs: 24, sm: 12, lg: 8, xl: { flex: "20%" } }} testId="kpis" />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} xl={14}>
          <Card
            title={<CardTitle title={t("dashboard.byPillar")} hint={t("dashboard.byPillarHint")} />}
            style={{ height: "100%" }}
          >
            {data.pillars.length === 0 ? (
              <Empty />
            ) : (
              <LazyChart
                testId="chart-pillars"
                option={pillarOption}
                height={Math.max(300, 44 * data.pillars.length + 90)}
                ariaLabel={t("dashboard.byPillarAria")}
                onClick={onPillarClick}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title={<CardTitle title={t("dashboard.trend")} hint={t("dashboard.trendHint")} />}
            style={{ height: "100%" }}
          >
            {data.trend.periods.length === 0 ? (
              <Empty description={t("dashboard.trendEmpty")} />
            ) : (
              <LazyChart
                testId="chart-trend"
                option={trendOption}
                height={Math.max(300, 44 * data.pillars.length + 90)}
                ariaLabel={t("dashboard.trendAria")}
              />
            )}
          </Card>
        </Col>
      </Row>
      <div style={{ marginBottom: 12 }}>
        <DrillDown data={data} drill={drill} onDrill={onDrill} />
      </div>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col span={24}>
          <AtRiskTable rows={data.atRisk} onOpen={(x) => setOpenTargetKey(x.targetKey)} />
        </Col>
        <Col span={24}>
          <OverdueTable rows={data.overdueTasks} onOpen={(x) => setOpenTaskId(x.id)} />
        </Col>
      </Row>
      <RankingTable rows={data.units} />
      <TaskDrawer taskId={openTaskId} onClose={() => setOpenTaskId(null)} />
      <TargetDrawer
        planCode={data.plan.code}
        targetKey={openTargetKey}
        periodKey={data.period?.key}
        onClose={() => setOpenTargetKey(null)}
        onDashboard
      />
    </>
  );
}
