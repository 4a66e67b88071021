import "../../i18n/plans-messages.ts";
import type { TMyWorkTask, TTaskStatus } from "@dtplan/contracts/tasks.ts";
import { TASK_ROLES } from "@dtplan/domain/reporting/who-reports.ts";
import { TASK_STATUSES } from "@dtplan/domain/tasks/status.ts";
import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  List,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { loadError } from "../../api/query.ts";
import { tasksQueries } from "../../api/tasks.ts";
import { ExportMenu, exportSources } from "../../components/export-menu.tsx";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { PageHeader } from "../../layout/page-header.tsx";
import { formatDate } from "../../lib/format.ts";
import { TaskStatusTag } from "../plans/plan-tags.tsx";
import { goalText, pillarLabel } from "../plans/review-model.ts";
import { TaskDrawer } from "../tasks/lazy-task-drawer.tsx";
import { allMyTasks, filterTasks } from "./my-tasks-model.ts";

type Role = TMyWorkTask["role"];

/** Nhiệm vụ của tôi: what my units (and the units merged into them) lead or support, from `GET /api/my-work`. */
export default function MyTasksPage() {
  const { t, lang, num } = useI18n();
  const work = useQuery(tasksQueries.myWork());
  const [params, setParams] = useSearchParams();
  const openTaskId = params.get("task");
  const openTask = (id: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set("task", id);
        else next.delete("task");
        return next;
      },
      { replace: true },
    );
  const [statusFilter, setStatusFilter] = useState<TTaskStatus | null>(null);
  const [roleFilter, setRoleFilter] = useState<Role | null>(null);

  const tasks = useMemo(() => (work.data ? allMyTasks(work.data) : []), [work.data]);
  const rows = filterTasks(tasks, { status: statusFilter, role: roleFilter });
  const counts = work.data?.counts;

  const daysNote = (x: TMyWorkTask) => {
    const open = x.status === "not_started" || x.status === "in_progress" || x.status === "overdue";
    if (!open || x.daysLeft === null) return null;
    return (
      <Typography.Text type={x.daysLeft < 0 ? "danger" : "secondary"} style={{ fontSize: 12 }}>
        {x.daysLeft < 0
          ? t("myTasks.daysLate", { n: -x.daysLeft })
          : t("myTasks.daysLeft", { n: x.daysLeft })}
      </Typography.Text>
    );
  };

  const deadlineText = (x: TMyWorkTask) => {
    if (x.recurring) return t("review.recurring");
    if (x.deadline?.date) return formatDate(x.deadline.date);
    return x.deadline?.text ?? t("common.notSet");
  };

  const compact = (list: TMyWorkTask[], empty: string, testId: string) => (
    <List
      size="small"
      dataSource={list.slice(0, 8)}
      locale={{ emptyText: empty }}
      data-testid={testId}
      renderItem={(x) => (
        <List.Item>
          <div style={{ width: "100%" }}>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 2 }}>
              <Typography.Link onClick={() => openTask(x.id)}>{x.text}</Typography.Link>
            </Typography.Paragraph>
            <Space size={8} wrap style={{ fontSize: 12 }}>
              <TaskStatusTag status={x.status} />
              <span>
                {deadlineText(x)} {daysNote(x) && <>· {daysNote(x)}</>}
              </span>
              <Link to={`/plans/${x.plan.code}`} style={{ fontSize: 12 }}>
                {x.plan.title}
              </Link>
            </Space>
          </div>
        </List.Item>
      )}
    />
  );

  const unitNames = (work.data?.units ?? []).map((u) => u.name).join(", ");

  return (
    <>
      <PageHeader
        title={t("myTasks.title")}
        subtitle={unitNames ? `${t("myTasks.subtitle")} — ${unitNames}` : t("myTasks.subtitle")}
      />
      {work.data && work.data.units.length === 0 && (
        <Alert type="info" showIcon title={t("myTasks.noUnits")} style={{ marginBottom: 12 }} />
      )}
      {work.error && <Alert type="error" showIcon title={loadError(work)} style={{ marginBottom: 12 }} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {(
          [
            [t("myTasks.stat.total"), tasks.length, undefined],
            [t("myTasks.stat.overdue"), counts?.overdue ?? 0, "#cf1322"],
            [t("myTasks.stat.dueSoon"), counts?.dueSoon ?? 0, "#d46b08"],
            [t("myTasks.stat.done"), counts?.done ?? 0, "#389e0d"],
          ] as const
        ).map(([label, value, color]) => (
          <Col key={label} xs={12} md={6}>
            <Card size="small" loading={work.isPending}>
              <Statistic title={label} value={value} styles={{ content: { color } }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={
              <Space>
                <Tag color="error">{counts?.overdue ?? 0}</Tag>
                {t("myTasks.late")}
              </Space>
            }
          >
            {compact(work.data?.overdue ?? [], t("myTasks.noneLate"), "my-late")}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={
              <Space>
                <Tag color="warning">{counts?.dueSoon ?? 0}</Tag>
                {t("myTasks.next")}
              </Space>
            }
          >
            {compact(work.data?.dueSoon ?? [], t("myTasks.noneNext"), "my-next")}
          </Card>
        </Col>
      </Row>
      <Card
        title={t("myTasks.all")}
        style={{ marginBottom: 12 }}
        extra={
          <Space wrap>
            <ExportMenu sources={[exportSources.myTasks({ status: statusFilter, role: roleFilter })]} />
            <Select
              allowClear
              placeholder={t("myTasks.col.role")}
              style={{ width: 140 }}
              value={roleFilter}
              onChange={(v) => setRoleFilter(v ?? null)}
              options={TASK_ROLES.map((r) => ({
                value: r,
                label: t(`myTasks.role.${r}`),
              }))}
            />
            <Select
              allowClear
              placeholder={t("myTasks.col.status")}
              style={{ width: 200 }}
              value={statusFilter}
              onChange={(v) => setStatusFilter(v ?? null)}
              options={TASK_STATUSES.map((s) => ({
                value: s,
                label: t(`taskStatus.${s}`),
              }))}
            />
          </Space>
        }
      >
        <ResponsiveTable<TMyWorkTask>
          rowKey="id"
          size="small"
          loading={work.isFetching}
          dataSource={rows}
          locale={{ emptyText: <Empty description={t("myTasks.empty")} /> }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          data-testid="my-tasks-table"
          columns={[
            {
              title: t("myTasks.col.task"),
              dataIndex: "text",
              render: (text: string, x) => (
                <>
                  <Typography.Link onClick={() => openTask(x.id)}>{text}</Typography.Link>
                  <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                    {pillarLabel(x.pillar, lang)}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: t("myTasks.col.plan"),
              key: "plan",
              width: 220,
              render: (_: unknown, x) => (
                <>
                  <Link to={`/plans/${x.plan.code}`}>{x.plan.title}</Link>
                  <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                    {x.plan.code}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: t("myTasks.col.role"),
              dataIndex: "role",
              width: 110,
              render: (role: Role, x) =>
                role === "lead" || !x.lead ? (
                  <Tag color={role === "lead" ? "blue" : "default"}>{t(`myTasks.role.${role}`)}</Tag>
                ) : (
                  // The lead unit in a tooltip: the row then reads "Phối hợp" only.
                  <Tooltip title={t("myTasks.leadBy", { unit: x.lead.name })}>
                    <Tag>{t(`myTasks.role.${role}`)}</Tag>
                  </Tooltip>
                ),
            },
            {
              title: t("myTasks.col.deadline"),
              key: "deadline",
              width: 140,
              render: (_: unknown, x) => (
                <>
                  <div>{deadlineText(x)}</div>
                  {daysNote(x)}
                </>
              ),
            },
            {
              title: t("myTasks.col.progress"),
              dataIndex: "progress",
              width: 120,
              render: (p: number) => <Progress percent={p ?? 0} size="small" />,
            },
            {
              title: t("myTasks.col.status"),
              dataIndex: "status",
              width: 150,
              render: (s: TTaskStatus) => <TaskStatusTag status={s} />,
            },
            {
              key: "open",
              width: 90,
              render: (_: unknown, x) => (
                <Button size="small" onClick={() => openTask(x.id)}>
                  {t("myTasks.open")}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card
        title={t("myTasks.targets")}
        extra={<Typography.Text type="secondary">{t("myTasks.targetsHint")}</Typography.Text>}
      >
        <ResponsiveTable
          rowKey="id"
          size="small"
          loading={work.isFetching}
          dataSource={work.data?.targets ?? []}
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty /> }}
          columns={[
            { title: t("detail.col.target"), dataIndex: "text" },
            {
              title: t("item.pillar"),
              dataIndex: "pillar",
              width: 180,
              render: (x: string) => pillarLabel(x, lang),
            },
            {
              title: t("myTasks.col.plan"),
              key: "plan",
              width: 200,
              render: (_: unknown, x) => <Link to={`/plans/${x.plan.code}`}>{x.plan.title}</Link>,
            },
            {
              title: t("detail.col.goal"),
              key: "goal",
              width: 140,
              render: (_: unknown, x) => (
                <b>{goalText(x as Parameters<typeof goalText>[0], (v) => num(v))}</b>
              ),
            },
          ]}
        />
      </Card>
      <TaskDrawer taskId={openTaskId} onClose={() => openTask(null)} />
    </>
  );
}
