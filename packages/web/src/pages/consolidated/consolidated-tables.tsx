import type {
  TConsolidatedReport,
  TConsolidatedTarget,
  TConsolidatedTask,
  TUnitStatement,
} from "@dtplan/contracts/consolidated.ts";
import { ATTAINMENT_LABELS } from "@dtplan/domain/attainment/attainment.ts";
import { TASK_STATUS_LABELS } from "@dtplan/domain/tasks/status.ts";
import { Card, Empty, Tag, Tooltip, Typography } from "antd";
import { useMemo, useState } from "react";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { formatDate } from "../../lib/format.ts";
import { ATTAINMENT_COLOR, TASK_STATUS_COLOR } from "../../lib/status-colors.ts";
import { TargetDrawer } from "../dashboard/target-drawer.tsx";
import { pillarLabel as pillarName } from "../plans/review-model.ts";
import { TaskDrawer } from "../tasks/lazy-task-drawer.tsx";

/** The report's three tables, as in the Word document: targets, tasks, and what the units wrote. */
export function ConsolidatedTables({ report }: { report: TConsolidatedReport }) {
  const { t, num, lang } = useI18n();
  const pillarLabel = useMemo(
    // The server names pillars in Vietnamese; a pillar of its own keeps the server's name.
    () =>
      new Map(
        report.pillars.map((p) => {
          const named = pillarName(p.key, lang);
          return [p.key, named === p.key ? p.label : named];
        }),
      ),
    [report, lang],
  );
  // Each row opens its panel: a target's figures by unit in this period, a task's panel.
  const [openTarget, setOpenTarget] = useState<string | null>(null);
  const [openTask, setOpenTask] = useState<string | null>(null);
  const clickable = (open: () => void) => ({ onClick: open, style: { cursor: "pointer" } });

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
      <Card title={t("consolidated.targets")} size="small" style={{ marginBottom: 16 }}>
        <ResponsiveTable<TConsolidatedTarget>
          rowKey="targetKey"
          size="small"
          dataSource={report.targets}
          pagination={false}
          scroll={{ y: 420 }}
          data-testid="consolidated-targets"
          onRow={(r) => clickable(() => setOpenTarget(r.targetKey))}
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
                <Tag color={ATTAINMENT_COLOR[r.attainment]}>{ATTAINMENT_LABELS[r.attainment][lang]}</Tag>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t("consolidated.tasks")} size="small" style={{ marginBottom: 16 }}>
        <ResponsiveTable<TConsolidatedTask>
          rowKey="key"
          size="small"
          dataSource={report.tasks}
          pagination={false}
          scroll={{ y: 420 }}
          data-testid="consolidated-tasks"
          onRow={(r) => clickable(() => setOpenTask(r.id))}
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
              render: (_: unknown, r) => (
                <Tag color={TASK_STATUS_COLOR[r.status]}>{TASK_STATUS_LABELS[r.status][lang]}</Tag>
              ),
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
        <ResponsiveTable<TUnitStatement>
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
      <TargetDrawer
        planCode={report.plan.code}
        targetKey={openTarget}
        periodKey={report.period.key}
        onClose={() => setOpenTarget(null)}
      />
      <TaskDrawer taskId={openTask} onClose={() => setOpenTask(null)} />
    </>
  );
}
