import { ArrowLeftOutlined } from "@ant-design/icons";
import type {
  TPublicPillar,
  TPublicPlanDetail,
  TPublicTarget,
  TPublicTask,
} from "@dtplan/contracts/public.ts";
import type { UseQueryResult } from "@tanstack/react-query";
import { Alert, Card, Col, Collapse, Progress, Row, Skeleton, Tag, Typography } from "antd";
import { Link } from "react-router";
import { loadError } from "../../api/query.ts";
import { LazyTable } from "../../components/lazy-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { formatDate } from "../../lib/format.ts";
import { useWideScreen } from "../../lib/use-wide-screen.ts";
import { goalText, pillarLabel } from "../plans/review-model.ts";
import { documentLine, periodLine } from "./public-plan-list.tsx";
import { AttainmentTag, TaskStatusTag } from "./public-tags.tsx";

function useGoal() {
  const { num } = useI18n();
  return (x: TPublicTarget) =>
    goalText(
      {
        comparator: x.comparator as Parameters<typeof goalText>[0]["comparator"],
        value: x.targetValue,
        unit: x.unit,
        year: x.year,
      },
      (v) => num(v),
    ) || "—";
}

function useResult() {
  const { num, t } = useI18n();
  return (x: TPublicTarget) => {
    if (x.value === null) return t("public.noValue");
    return `${num(x.value)}${x.unit === "%" ? "%" : x.unit ? ` ${x.unit}` : ""}`;
  };
}

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Card size="small" style={{ height: "100%" }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ fontSize: 24, fontWeight: 600, color: "#1d2b3f", lineHeight: 1.3 }}>{value}</div>
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      )}
    </Card>
  );
}

/** Targets of one pillar: a table on a wide screen, stacked rows on a phone. */
function PillarTargets({ pillar }: { pillar: TPublicPillar }) {
  const { t, lang } = useI18n();
  const goal = useGoal();
  const result = useResult();
  const wide = useWideScreen();
  const title = (
    <Typography.Title level={5} style={{ margin: "16px 0 8px" }}>
      {pillarLabel(pillar.pillar, lang)}
    </Typography.Title>
  );
  if (!wide) {
    return (
      <section data-testid="public-pillar-targets">
        {title}
        {pillar.targets.map((x) => (
          <div key={x.text} style={{ padding: "10px 0", borderTop: "1px solid #eef1f5" }}>
            <div style={{ marginBottom: 4 }}>{x.text}</div>
            <Typography.Text type="secondary" style={{ display: "block", fontSize: 13 }}>
              {t("public.goal", { goal: goal(x) })} · {t("public.result", { value: result(x) })}
            </Typography.Text>
            <div style={{ marginTop: 4 }}>
              <AttainmentTag value={x.attainment} />
            </div>
          </div>
        ))}
      </section>
    );
  }
  return (
    <section data-testid="public-pillar-targets">
      {title}
      <LazyTable<TPublicTarget>
        rowKey={(x) => `${pillar.pillar}-${pillar.targets.indexOf(x)}`}
        size="small"
        pagination={false}
        dataSource={pillar.targets}
        columns={[
          {
            title: t("public.col.target"),
            dataIndex: "text",
            render: (text: string, x) => (
              <>
                <div>{text}</div>
                {x.indicator && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {x.indicator}
                  </Typography.Text>
                )}
              </>
            ),
          },
          { title: t("public.col.goal"), key: "goal", width: 170, render: (_: unknown, x) => goal(x) },
          {
            title: t("public.col.result"),
            key: "result",
            width: 140,
            align: "right",
            render: (_: unknown, x) => <b>{result(x)}</b>,
          },
          {
            title: t("public.col.attainment"),
            key: "attainment",
            width: 170,
            render: (_: unknown, x) => <AttainmentTag value={x.attainment} />,
          },
        ]}
      />
    </section>
  );
}

function PillarTasks({ tasks }: { tasks: TPublicTask[] }) {
  const { t } = useI18n();
  const wide = useWideScreen();
  const deadline = (x: TPublicTask) =>
    x.recurring ? t("public.recurring") : x.deadline ? formatDate(x.deadline) : (x.deadlineText ?? "—");
  if (!wide) {
    return (
      <>
        {tasks.map((x, i) => (
          <div
            key={`${x.text}|${x.leadUnit}`}
            style={{ padding: "8px 0", borderTop: i ? "1px solid #eef1f5" : undefined }}
          >
            <div>{x.text}</div>
            <Typography.Text type="secondary" style={{ display: "block", fontSize: 13 }}>
              {x.leadUnit ?? "—"} · {deadline(x)}
            </Typography.Text>
            <div style={{ display: "flex", alignItems: "center", gap: 8, marginTop: 4 }}>
              <TaskStatusTag value={x.status} />
              <Progress percent={x.progress} size="small" style={{ flex: 1, margin: 0 }} />
            </div>
          </div>
        ))}
      </>
    );
  }
  return (
    <LazyTable<TPublicTask>
      rowKey={(x) => String(tasks.indexOf(x))}
      size="small"
      pagination={false}
      dataSource={tasks}
      columns={[
        { title: t("public.col.task"), dataIndex: "text" },
        {
          title: t("public.col.lead"),
          dataIndex: "leadUnit",
          width: 220,
          render: (v: string | null) => v ?? "—",
        },
        {
          title: t("public.col.deadline"),
          key: "deadline",
          width: 130,
          render: (_: unknown, x) => deadline(x),
        },
        {
          title: t("public.col.status"),
          dataIndex: "status",
          width: 170,
          render: (s: TPublicTask["status"]) => <TaskStatusTag value={s} />,
        },
        {
          title: t("public.col.progress"),
          dataIndex: "progress",
          width: 140,
          render: (p: number) => <Progress percent={p} size="small" />,
        },
      ]}
    />
  );
}

function PlanBody({ plan }: { plan: TPublicPlanDetail }) {
  const { t, lang, num, period: periodName } = useI18n();
  const doc = documentLine(plan, t);
  const period = periodLine(plan, t);
  const withTargets = plan.pillars.filter((p) => p.targets.length > 0);
  const withTasks = plan.pillars.filter((p) => p.tasks.length > 0);
  const c = plan.attainmentCounts;
  const cardSize = useWideScreen() ? "default" : "small";
  return (
    <>
      <Tag color="blue">{plan.province.name}</Tag>
      <Typography.Title level={3} style={{ marginTop: 8, marginBottom: 4 }} data-testid="public-plan-title">
        {plan.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t("public.issuedBy")}: {plan.issuingUnit}
        {doc && ` · ${doc}`}
        {period && ` · ${t("public.period")}: ${period}`}
        {plan.version > 1 && ` · ${t("public.version", { version: plan.version })}`}
      </Typography.Paragraph>

      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Stat
            label={t("public.summary.targets")}
            value={num(plan.targetCount)}
            note={t("public.summary.attainment", {
              achieved: c.achieved,
              near: c.near,
              notAchieved: c.notAchieved,
            })}
          />
        </Col>
        <Col xs={12} md={6}>
          <Stat
            label={t("public.summary.tasks")}
            value={`${num(plan.progress.done)}/${num(plan.progress.total)}`}
          />
        </Col>
        <Col xs={12} md={6}>
          <Stat label={t("public.averageProgress")} value={`${num(plan.progress.averageProgress ?? 0)}%`} />
        </Col>
        <Col xs={12} md={6}>
          <Stat label={t("public.summary.overdue")} value={num(plan.progress.overdue)} />
        </Col>
      </Row>

      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          plan.resultPeriod
            ? t("public.results", {
                period: periodName(plan.resultPeriod),
                date: formatDate(plan.resultPeriod.end),
              })
            : t("public.noResults")
        }
      />

      <Card
        size={cardSize}
        title={t("public.byPillar")}
        style={{ marginBottom: 16 }}
        styles={{ body: { padding: 0 } }}
        data-testid="public-pillar-progress"
      >
        {/* One row per pillar: its progress, and its tasks when opened. */}
        <Collapse
          ghost
          items={withTasks.map((p) => ({
            key: p.pillar,
            label: (
              <div data-testid="public-pillar-row">
                <div style={{ display: "flex", justifyContent: "space-between", gap: 8, flexWrap: "wrap" }}>
                  <Typography.Text strong>{pillarLabel(p.pillar, lang)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t("public.pillarProgress", {
                      done: p.progress.done,
                      total: p.progress.total,
                      inProgress: p.progress.inProgress,
                      overdue: p.progress.overdue,
                    })}
                  </Typography.Text>
                </div>
                <Progress
                  percent={p.progress.averageProgress ?? 0}
                  style={{ margin: 0 }}
                  aria-label={`${t("public.averageProgress")}: ${pillarLabel(p.pillar, lang)}`}
                />
              </div>
            ),
            children: <PillarTasks tasks={p.tasks} />,
          }))}
        />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "0 16px 12px 40px" }}>
          {t("public.openPillar")}
        </Typography.Paragraph>
      </Card>

      <Card
        size={cardSize}
        title={t("public.targetsByPillar")}
        style={{ marginBottom: 16 }}
        data-testid="public-targets"
      >
        {withTargets.length === 0 && (
          <Typography.Text type="secondary">{t("public.noTargets")}</Typography.Text>
        )}
        {withTargets.map((p) => (
          <PillarTargets key={p.pillar} pillar={p} />
        ))}
      </Card>

      <Collapse
        items={[
          ...(plan.objectives.length
            ? [
                {
                  key: "objectives",
                  label: t("public.objectives"),
                  children: (
                    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                      {plan.objectives.map((o) => (
                        <li key={o}>{o}</li>
                      ))}
                    </ul>
                  ),
                },
              ]
            : []),
          {
            key: "legal",
            label: `${t("public.legalBases")} (${plan.legalBases.length})`,
            children: (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {plan.legalBases.map((b) => (
                  <li key={b.text}>{b.text}</li>
                ))}
              </ul>
            ),
          },
          {
            key: "reporting",
            label: t("public.reporting"),
            children: (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {plan.reportingRules.map((r) => (
                  <li key={r.text}>{r.text}</li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </>
  );
}

/** Một kế hoạch công khai: what it promises, how far it is, by pillar. */
export function PublicPlanView({ data }: { data: UseQueryResult<TPublicPlanDetail> }) {
  const { t } = useI18n();
  return (
    <>
      <div style={{ marginBottom: 12 }}>
        <Link to="/cong-khai">
          <ArrowLeftOutlined /> {t("public.back")}
        </Link>
      </div>
      {data.error && (
        <Alert type="warning" showIcon title={t("public.notFound")} description={loadError(data)} />
      )}
      {data.isPending && <Skeleton active />}
      {data.data && !data.error && <PlanBody plan={data.data} />}
    </>
  );
}
