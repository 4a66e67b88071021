import "../../i18n/plans-messages.ts";
import type { TPlanTarget } from "@dtplan/contracts/plans.ts";
import {
  Alert,
  Card,
  Col,
  Empty,
  List,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { orgApi, plansApi, type TPlanTaskListItem, type TTaskStatus } from "../../api/endpoints.ts";
import { useUser } from "../../auth/session.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { PageHeader } from "../../layout/page-header.tsx";
import { formatDate, toIsoDate } from "../../lib/format.ts";
import { useLoad } from "../../lib/use-load.ts";
import { TaskStatusTag } from "../plans/plan-tags.tsx";
import { daysUntil, goalText, pillarLabel } from "../plans/review-model.ts";
import { dueNext, myRole, subtreeOf } from "./my-tasks-model.ts";

const PAGE = 200;

/** Every published task the user can read (the API pages by 200). */
async function allTasks(): Promise<TPlanTaskListItem[]> {
  const out: TPlanTaskListItem[] = [];
  for (let offset = 0; offset < 2000; offset += PAGE) {
    const page = await plansApi.tasks({ limit: PAGE, offset });
    out.push(...page.items);
    if (out.length >= page.total || page.items.length === 0) break;
  }
  return out;
}

/** Nhiệm vụ của tôi: what my units lead or support, what is late, what is due next. */
export default function MyTasksPage() {
  const { t, lang, num } = useI18n();
  const user = useUser();
  const today = toIsoDate(new Date());
  const grantUnits = useMemo(
    () => [...new Map(user.grants.map((g) => [g.unitId, g.unitName])).entries()],
    [user.grants],
  );
  const [unitFilter, setUnitFilter] = useState<string | null>(null);
  const [statusFilter, setStatusFilter] = useState<TTaskStatus | null>(null);
  const tasks = useLoad(allTasks, []);
  const units = useLoad(() => orgApi.list({ includeClosed: true }).catch(() => ({ items: [] })), []);

  const mine = useMemo(
    () => subtreeOf(unitFilter ? [unitFilter] : grantUnits.map(([id]) => id), units.data?.items ?? []),
    [unitFilter, grantUnits, units.data],
  );
  const myTasks = useMemo(
    () =>
      (tasks.data ?? [])
        .map((x) => ({ ...x, role: myRole(x, mine) }))
        .filter((x): x is TPlanTaskListItem & { role: "lead" | "coordinator" } => x.role !== null),
    [tasks.data, mine],
  );
  const late = myTasks
    .filter((x) => x.status === "overdue")
    .sort((a, b) => String(a.deadline?.date).localeCompare(String(b.deadline?.date)));
  const next = dueNext(myTasks, today, 30);
  const done = myTasks.filter((x) => x.status === "done" || x.status === "done_late").length;
  const planCodes = useMemo(() => [...new Set(myTasks.map((x) => x.plan.code))].slice(0, 5), [myTasks]);
  const plans = useLoad(() => Promise.all(planCodes.map((c) => plansApi.get(c))), [planCodes.join(",")]);

  const deadlineCell = (x: TPlanTaskListItem) => {
    if (x.recurring) return t("review.recurring");
    if (!x.deadline?.date) return x.deadline?.text ?? t("common.notSet");
    const d = daysUntil(x.deadline.date, today);
    const open = x.status === "not_started" || x.status === "in_progress" || x.status === "overdue";
    return (
      <>
        <div>{formatDate(x.deadline.date)}</div>
        {open && (
          <Typography.Text type={d < 0 ? "danger" : "secondary"} style={{ fontSize: 12 }}>
            {d < 0 ? t("myTasks.daysLate", { n: -d }) : t("myTasks.daysLeft", { n: d })}
          </Typography.Text>
        )}
      </>
    );
  };

  const inlineDeadline = (x: TPlanTaskListItem) => {
    if (!x.deadline?.date) return x.recurring ? t("review.recurring") : (x.deadline?.text ?? "");
    const d = daysUntil(x.deadline.date, today);
    const note = d < 0 ? t("myTasks.daysLate", { n: -d }) : t("myTasks.daysLeft", { n: d });
    return (
      <>
        {formatDate(x.deadline.date)} ·{" "}
        <Typography.Text type={d < 0 ? "danger" : "secondary"}>{note}</Typography.Text>
      </>
    );
  };

  const compact = (list: typeof myTasks, empty: string, testId: string) => (
    <List
      size="small"
      dataSource={list.slice(0, 8)}
      locale={{ emptyText: empty }}
      data-testid={testId}
      renderItem={(x) => (
        <List.Item>
          <div style={{ width: "100%" }}>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 2 }}>
              {x.text}
            </Typography.Paragraph>
            <Space size={8} wrap style={{ fontSize: 12 }}>
              <TaskStatusTag status={x.status} />
              <span>{inlineDeadline(x)}</span>
              <Link to={`/plans/${x.plan.code}`} style={{ fontSize: 12 }}>
                {x.plan.title} ({x.plan.code})
              </Link>
            </Space>
          </div>
        </List.Item>
      )}
    />
  );

  const rows = statusFilter ? myTasks.filter((x) => x.status === statusFilter) : myTasks;

  return (
    <>
      <PageHeader
        title={t("myTasks.title")}
        subtitle={t("myTasks.subtitle")}
        extra={
          grantUnits.length > 1 && (
            <Select
              style={{ width: 280 }}
              value={unitFilter ?? ""}
              onChange={(v) => setUnitFilter(v || null)}
              options={[
                { value: "", label: t("myTasks.allUnits") },
                ...grantUnits.map(([id, name]) => ({ value: id, label: name })),
              ]}
            />
          )
        }
      />
      {grantUnits.length === 0 && (
        <Alert type="info" showIcon title={t("myTasks.noUnits")} style={{ marginBottom: 12 }} />
      )}
      {tasks.error && <Alert type="error" showIcon title={tasks.error} style={{ marginBottom: 12 }} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {(
          [
            [t("myTasks.stat.total"), myTasks.length, undefined],
            [t("myTasks.stat.overdue"), late.length, "#cf1322"],
            [t("myTasks.stat.dueSoon"), next.length, "#d46b08"],
            [t("myTasks.stat.done"), done, "#389e0d"],
          ] as const
        ).map(([label, value, color]) => (
          <Col key={label} xs={12} md={6}>
            <Card size="small" loading={tasks.loading && !tasks.data}>
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
                <Tag color="error">{late.length}</Tag>
                {t("myTasks.late")}
              </Space>
            }
          >
            {compact(late, t("myTasks.noneLate"), "my-late")}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={
              <Space>
                <Tag color="warning">{next.length}</Tag>
                {t("myTasks.next")}
              </Space>
            }
          >
            {compact(next, t("myTasks.noneNext"), "my-next")}
          </Card>
        </Col>
      </Row>
      <Card
        title={t("myTasks.all")}
        style={{ marginBottom: 12 }}
        extra={
          <Select
            allowClear
            placeholder={t("myTasks.col.status")}
            style={{ width: 200 }}
            value={statusFilter}
            onChange={(v) => setStatusFilter(v ?? null)}
            options={(["not_started", "in_progress", "done", "done_late", "overdue"] as const).map((s) => ({
              value: s,
              label: t(`taskStatus.${s}`),
            }))}
          />
        }
      >
        <Table
          rowKey="id"
          size="small"
          loading={tasks.loading}
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
                  <div>{text}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
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
                    {x.plan.code} · {t("plans.versionN", { n: x.plan.version })}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: t("myTasks.col.role"),
              key: "role",
              width: 110,
              render: (_: unknown, x) => (
                <Tag color={x.role === "lead" ? "blue" : "default"}>{t(`myTasks.role.${x.role}`)}</Tag>
              ),
            },
            {
              title: t("myTasks.col.deadline"),
              key: "deadline",
              width: 140,
              render: (_: unknown, x) => deadlineCell(x),
            },
            {
              title: t("myTasks.col.progress"),
              key: "progress",
              width: 120,
              render: (_: unknown, x) => <Progress percent={x.progress ?? 0} size="small" />,
            },
            {
              title: t("myTasks.col.status"),
              dataIndex: "status",
              width: 150,
              render: (s: TTaskStatus) => <TaskStatusTag status={s} />,
            },
          ]}
        />
      </Card>
      <Card
        title={t("myTasks.targets")}
        extra={<Typography.Text type="secondary">{t("myTasks.targetsHint")}</Typography.Text>}
      >
        {(plans.data ?? []).length === 0 && <Empty />}
        {(plans.data ?? []).map((p) => (
          <div key={p.code} style={{ marginBottom: 16 }}>
            <Typography.Title level={5}>
              <Link to={`/plans/${p.code}`}>{p.title}</Link>
            </Typography.Title>
            <Table<TPlanTarget>
              rowKey="id"
              size="small"
              pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
              dataSource={p.targets}
              columns={[
                { title: t("detail.col.target"), dataIndex: "text" },
                {
                  title: t("item.pillar"),
                  dataIndex: "pillar",
                  width: 180,
                  render: (x: string) => pillarLabel(x, lang),
                },
                {
                  title: t("detail.col.goal"),
                  key: "goal",
                  width: 140,
                  render: (_: unknown, x) => <b>{goalText(x, (v) => num(v))}</b>,
                },
              ]}
            />
          </div>
        ))}
      </Card>
    </>
  );
}
