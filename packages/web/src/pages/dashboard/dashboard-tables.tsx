import type { TOverdueTask, TTargetAtRisk, TUnitRanking } from "@dtplan/contracts/dashboard.ts";
import { Card, Empty, Progress, Tag, Typography } from "antd";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { formatDate } from "../../lib/format.ts";
import { RISK_REASON_COLOR } from "../../lib/status-colors.ts";
import { pillarLabel } from "../plans/review-model.ts";
import { CardTitle } from "./card-title.tsx";
import { figureText, goalOf, StatusTag, TrendIcon } from "./target-cells.tsx";

/** Chỉ tiêu có nguy cơ: chưa đạt, gần đạt or going the wrong way; a click opens the target panel. */
export function AtRiskTable({ rows, onOpen }: { rows: TTargetAtRisk[]; onOpen: (x: TTargetAtRisk) => void }) {
  const { t, num, lang } = useI18n();
  return (
    <Card title={t("dashboard.atRisk")} data-testid="at-risk" style={{ height: "100%" }}>
      <ResponsiveTable<TTargetAtRisk>
        rowKey="targetKey"
        size="small"
        dataSource={rows}
        onRow={(x) => ({ onClick: () => onOpen(x), style: { cursor: "pointer" } })}
        pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={t("dashboard.atRiskEmpty")} /> }}
        columns={[
          {
            title: t("dashboard.col.target"),
            key: "text",
            render: (_: unknown, x) => (
              <>
                <Typography.Paragraph ellipsis={{ rows: 2, tooltip: x.text }} style={{ marginBottom: 0 }}>
                  <Typography.Link>{x.text}</Typography.Link>
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                  {pillarLabel(x.pillar, lang)}
                </Typography.Text>
              </>
            ),
          },
          {
            title: `${t("dashboard.col.value")} / ${t("dashboard.col.goal")}`,
            key: "value",
            width: 150,
            align: "right",
            render: (_: unknown, x) => (
              <>
                <b>{figureText(x.value, x, num)}</b>
                <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                  {goalOf(x, num)}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t("dashboard.col.reason"),
            key: "reasons",
            width: 170,
            render: (_: unknown, x) => (
              <>
                <StatusTag target={x} />
                {x.reasons.includes("worsening") && (
                  <Tag color={RISK_REASON_COLOR.worsening}>
                    <TrendIcon target={x} /> {t("dashboard.reason.worsening")}
                  </Tag>
                )}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Nhiệm vụ quá hạn; a click opens the task panel (the same one as in Nhiệm vụ của tôi). */
export function OverdueTable({ rows, onOpen }: { rows: TOverdueTask[]; onOpen: (x: TOverdueTask) => void }) {
  const { t, num } = useI18n();
  return (
    <Card
      title={t("dashboard.overdue")}
      id="overdue-tasks"
      data-testid="overdue-tasks"
      style={{ height: "100%" }}
    >
      <ResponsiveTable<TOverdueTask>
        rowKey="key"
        size="small"
        dataSource={rows}
        onRow={(x) => ({ onClick: () => onOpen(x), style: { cursor: "pointer" } })}
        pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={t("dashboard.overdueEmpty")} /> }}
        columns={[
          {
            title: t("dashboard.col.task"),
            key: "text",
            render: (_: unknown, x) => (
              <>
                <Typography.Paragraph ellipsis={{ rows: 2, tooltip: x.text }} style={{ marginBottom: 0 }}>
                  <Typography.Link>{x.text}</Typography.Link>
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {x.leadUnit?.name ?? "—"}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t("dashboard.col.deadline"),
            key: "deadline",
            width: 110,
            render: (_: unknown, x) => formatDate(x.deadline),
          },
          {
            title: t("dashboard.col.progress"),
            key: "progress",
            width: 110,
            render: (_: unknown, x) => <Progress percent={x.progress} size="small" />,
          },
          {
            title: t("dashboard.col.daysOverdue"),
            key: "days",
            width: 100,
            align: "right",
            render: (_: unknown, x) => (
              <Typography.Text type="danger" strong>
                {t("dashboard.days", { n: num(x.daysOverdue) })}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}

const byNullable = (a: number | null, b: number | null) => (a ?? -1) - (b ?? -1);

/** Xếp hạng đơn vị: the server's order (progress, then on-time share); every column sorts. */
export function RankingTable({ rows }: { rows: TUnitRanking[] }) {
  const { t, num } = useI18n();
  const ranked = rows.map((r, i) => ({ ...r, rank: i + 1 }));
  return (
    <Card
      title={<CardTitle title={t("dashboard.ranking")} hint={t("dashboard.rankingHint")} />}
      data-testid="unit-ranking"
    >
      <ResponsiveTable<TUnitRanking & { rank: number }>
        rowKey={(r) => r.unit.id}
        size="small"
        dataSource={ranked}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={t("dashboard.rankingEmpty")} /> }}
        columns={[
          {
            title: t("dashboard.col.rank"),
            dataIndex: "rank",
            width: 70,
            align: "center",
            sorter: (a, b) => a.rank - b.rank,
          },
          {
            title: t("dashboard.col.unit"),
            key: "unit",
            sorter: (a, b) => a.unit.name.localeCompare(b.unit.name, "vi"),
            render: (_: unknown, r) => r.unit.name,
          },
          {
            title: t("dashboard.col.progress"),
            key: "progress",
            width: 260,
            sorter: (a, b) => byNullable(a.averageProgress, b.averageProgress),
            render: (_: unknown, r) =>
              r.averageProgress === null ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : (
                <>
                  <Progress
                    percent={r.averageProgress}
                    size="small"
                    format={(p) => `${num(p ?? 0)}%`}
                    strokeColor="#2f6fb0"
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t("dashboard.doneOf", { done: num(r.done), total: num(r.tasks) })}
                    {r.overdue > 0 && (
                      <Typography.Text type="danger" style={{ fontSize: 12 }}>
                        {" · "}
                        {t("dashboard.overdueCount", { n: num(r.overdue) })}
                      </Typography.Text>
                    )}
                  </Typography.Text>
                </>
              ),
          },
          {
            title: t("dashboard.col.onTime"),
            key: "onTime",
            width: 300,
            sorter: (a, b) => byNullable(a.onTimePercent, b.onTimePercent),
            render: (_: unknown, r) =>
              r.onTimePercent === null ? (
                <Typography.Text type="secondary">{t("dashboard.noneDue")}</Typography.Text>
              ) : (
                <>
                  <Progress
                    percent={r.onTimePercent}
                    size="small"
                    format={(p) => `${num(p ?? 0)}%`}
                    strokeColor="#14532d"
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t("dashboard.onTimeOf", {
                      onTime: num(r.onTime),
                      expected: num(r.expected),
                      late: num(r.late),
                      missing: num(r.missing),
                    })}
                  </Typography.Text>
                </>
              ),
          },
        ]}
      />
    </Card>
  );
}
