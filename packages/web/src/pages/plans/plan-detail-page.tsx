import "../../i18n/plans-messages.ts";
import { ArrowLeftOutlined, DiffOutlined, EditOutlined } from "@ant-design/icons";
import type { TPlanDetail, TPlanTarget, TPlanTask } from "@dtplan/contracts/plans.ts";
import { taskStatus } from "@dtplan/domain/tasks/status.ts";
import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Result,
  Space,
  Spin,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { plansApi, plansQueries } from "../../api/endpoints.ts";
import { loadError } from "../../api/query.ts";
import { useSession } from "../../auth/session.tsx";
import { ExportMenu, exportSources } from "../../components/export-menu.tsx";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { PageHeader } from "../../layout/page-header.tsx";
import { formatDate, formatDateTime, toIsoDate } from "../../lib/format.ts";
import { useAction } from "../../lib/use-action.ts";
import { TargetDrawer } from "../dashboard/target-drawer.tsx";
import { TaskDrawer } from "../tasks/lazy-task-drawer.tsx";
import { BudgetSection } from "./budget-section.tsx";
import { CascadeTable, ServesCell } from "./cascade-views.tsx";
import { LegalBasisList } from "./legal-basis-list.tsx";
import { PlanDiffView } from "./plan-diff-view.tsx";
import { PlanKindText, PlanStatusTag, periodText, TaskStatusTag } from "./plan-tags.tsx";
import { BudgetSummary, PlanObjectives } from "./review-budget-tab.tsx";
import { goalText, pillarLabel } from "./review-model.ts";

/** A published plan: what it says, who does what by when, and how it changed. */
export default function PlanDetailPage() {
  const { code = "" } = useParams();
  const { t, lang, num } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  // `?tab=tasks&task=…` (from the search box, or a click on a task row) opens that tab and
  // the task's panel.
  const [params, setParams] = useSearchParams();
  const [version, setVersion] = useState<number | undefined>();
  const detail = useQuery(plansQueries.detail(code, version));
  const versions = useQuery(plansQueries.versions(code));
  const cascade = useQuery({ ...plansQueries.cascade(code), enabled: detail.data !== undefined });
  const plan = detail.data;
  // An amendment being drafted is the version after the one in force.
  const draftVersion = plan && plan.status === "published" && version === undefined ? plan.version + 1 : null;
  const pendingDraft = useQuery({
    queryKey: ["plans", "pending-draft", code, draftVersion],
    queryFn: () => plansApi.get(code, draftVersion ?? undefined).catch(() => null),
    enabled: draftVersion !== null,
    // Another plan's (or version's) draft must not stand in for this one's.
    placeholderData: undefined,
  });
  const [amending, setAmending] = useState(false);
  const today = toIsoDate(new Date());

  const targetsByPillar = useMemo(() => {
    const groups = new Map<string, TPlanTarget[]>();
    for (const x of plan?.targets ?? []) groups.set(x.pillar, [...(groups.get(x.pillar) ?? []), x]);
    return [...groups.entries()];
  }, [plan]);

  if (detail.isPending) return <Spin style={{ display: "block", margin: "80px auto" }} />;
  if (detail.error && !plan) {
    return <Result status="warning" title={t("common.loadFailed")} subTitle={loadError(detail)} />;
  }
  if (!plan) return null;

  const canManage = can("plans.manage");
  /** A row's click opens its panel through the address (`?tab=tasks&task=…`), as the search box does. */
  const openRow = (kind: "task" | "target", id: string) => ({
    onClick: () =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set("tab", kind === "task" ? "tasks" : "targets");
        next.set(kind, id);
        return next;
      }),
    style: { cursor: "pointer" },
  });
  /** Opens an item's panel over the tab shown (the communes' view opens its targets' panels). */
  const openPanel = (kind: "task" | "target") => (id: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set(kind, id);
      return next;
    });
  const closePanel = (kind: "task" | "target") =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete(kind);
        return next;
      },
      { replace: true },
    );
  const draft = pendingDraft.data && pendingDraft.data.status === "draft" ? pendingDraft.data : null;

  const taskColumns = [
    {
      title: t("detail.col.task"),
      dataIndex: "text",
      render: (text: string, x: TPlanTask) => (
        <>
          <div>{text}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {pillarLabel(x.pillar, lang)}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t("detail.col.lead"),
      key: "lead",
      width: 240,
      render: (_: unknown, x: TPlanTask) => (
        <>
          <div>{x.lead.unit?.name ?? (x.lead.none ? <i>{t("review.leadNone")}</i> : t("common.notSet"))}</div>
          {x.coordinators.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("review.coordinators")}: {x.coordinators.map((c) => c.unit?.name ?? c.text).join("; ")}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t("detail.col.deadline"),
      key: "deadline",
      width: 160,
      render: (_: unknown, x: TPlanTask) =>
        x.recurring ? (
          t("review.recurring")
        ) : (
          <>
            <div>{formatDate(x.deadline?.date) || t("common.notSet")}</div>
            {x.deadline?.text && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {x.deadline.text}
              </Typography.Text>
            )}
          </>
        ),
    },
    {
      title: t("detail.col.status"),
      key: "status",
      width: 150,
      render: (_: unknown, x: TPlanTask) => (
        <TaskStatusTag
          status={taskStatus(
            {
              deadline: x.deadline?.date ?? null,
              recurring: x.recurring,
              progress: x.progress ?? 0,
              completedAt: x.completedAt,
            },
            today,
          )}
        />
      ),
    },
  ];

  const serves = new Map((cascade.data?.serves ?? []).map((x) => [x.targetKey, x]));
  const tabs = [
    {
      key: "targets",
      label: t("detail.tab.targets", { n: plan.targets.length }),
      children:
        targetsByPillar.length === 0 ? (
          <Empty />
        ) : (
          targetsByPillar.map(([pillar, list]) => (
            <div key={pillar} style={{ marginBottom: 16 }}>
              <div className="dt-pillar-title">{pillarLabel(pillar, lang)}</div>
              <ResponsiveTable<TPlanTarget>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={list}
                // The target's panel (figures by unit and period) once the plan is in force.
                onRow={(x) => (plan.status === "draft" ? {} : openRow("target", x.key))}
                data-testid="detail-targets"
                columns={[
                  { title: t("detail.col.target"), dataIndex: "text" },
                  {
                    title: t("detail.col.goal"),
                    key: "goal",
                    width: 150,
                    render: (_: unknown, x) => <b>{goalText(x, (v) => num(v)) || t("common.notSet")}</b>,
                  },
                  {
                    title: t("cascade.serves"),
                    key: "serves",
                    width: 260,
                    hidden: !cascade.data?.implements,
                    render: (_: unknown, x) => <ServesCell serve={serves.get(x.key)} />,
                  },
                  {
                    title: t("detail.col.indicator"),
                    key: "indicator",
                    width: 220,
                    render: (_: unknown, x) =>
                      x.indicator ? (
                        // The indicator by its name; its catalogue code only on hover.
                        <span title={x.indicator.code}>
                          {x.indicator.name ?? x.indicator.code}{" "}
                          {!x.indicator.confirmed && (
                            <Tag color="gold">{t("review.indicatorUnconfirmed")}</Tag>
                          )}
                        </span>
                      ) : (
                        t("common.notSet")
                      ),
                  },
                ]}
              />
            </div>
          ))
        ),
    },
    ...(cascade.data && cascade.data.implementers.length > 0
      ? [
          {
            key: "cascade",
            label: t("cascade.tab", { n: cascade.data.implementers.length }),
            children: (
              <CascadeTable
                cascade={cascade.data}
                targets={plan.targets}
                onOpenTarget={plan.status === "draft" ? undefined : openPanel("target")}
              />
            ),
          },
        ]
      : []),
    {
      key: "tasks",
      label: t("detail.tab.tasks", { n: plan.tasks.length }),
      children: (
        <ResponsiveTable<TPlanTask>
          rowKey="id"
          size="small"
          dataSource={plan.tasks}
          columns={taskColumns}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          // The task panel (the same as in Nhiệm vụ của tôi) once the plan is in force.
          onRow={(x) => (plan.status === "draft" ? {} : openRow("task", x.id))}
          data-testid="detail-tasks"
        />
      ),
    },
    {
      key: "bases",
      label: t("detail.tab.bases", { n: plan.legalBases.length }),
      children: <LegalBasisList bases={plan.legalBases} />,
    },
    {
      key: "budget",
      label: t("detail.tab.budget"),
      children: (
        <Space direction="vertical" size={16} style={{ width: "100%" }}>
          <BudgetSummary budget={plan.budget} missing="info" />
          <BudgetSection code={plan.code} tasks={plan.tasks} canManage={canManage} />
          <div>
            <Typography.Title level={5}>{t("review.reporting")}</Typography.Title>
            <List
              size="small"
              dataSource={plan.reportingRules}
              renderItem={(r) => (
                <List.Item>
                  <Space align="start">
                    <Tag color="blue">{t(`freq.${r.frequency}`)}</Tag>
                    <span>{r.text}</span>
                  </Space>
                </List.Item>
              )}
            />
          </div>
          {plan.objectives.length > 0 && <PlanObjectives objectives={plan.objectives} />}
        </Space>
      ),
    },
    {
      key: "versions",
      label: t("detail.tab.versions"),
      children:
        (versions.data?.items ?? []).length === 0 ? (
          <Empty description={t("detail.versionsEmpty")} />
        ) : (
          <Timeline
            style={{ marginTop: 12 }}
            items={(versions.data?.items ?? []).map((v) => ({
              color: v.status === "published" ? "green" : "gray",
              content: (
                <div data-testid={`version-${v.version}`}>
                  <Space wrap>
                    <b>{t("plans.versionN", { n: v.version })}</b>
                    <PlanStatusTag status={v.status} />
                    <Typography.Text type="secondary">
                      {t("detail.versionBy", {
                        date: formatDateTime(v.publishedAt),
                        by: v.publishedBy ? ` — ${v.publishedBy}` : "",
                      })}
                    </Typography.Text>
                    {v.version !== plan.version && (
                      <Button size="small" type="link" onClick={() => setVersion(v.version)}>
                        {t("detail.viewVersion")}
                      </Button>
                    )}
                  </Space>
                  {v.reason && (
                    <div>
                      {t("detail.meta.reason")}: {v.reason}
                    </div>
                  )}
                  {v.diff ? (
                    <Card
                      size="small"
                      style={{ marginTop: 8 }}
                      title={
                        <>
                          <DiffOutlined /> {t("detail.diffTitle", { from: v.diff.fromVersion })}
                        </>
                      }
                    >
                      <PlanDiffView diff={v.diff} />
                    </Card>
                  ) : (
                    <Typography.Text type="secondary">{t("detail.diffNone")}</Typography.Text>
                  )}
                </div>
              ),
            }))}
          />
        ),
    },
  ];

  return (
    <div data-testid="plan-detail">
      <PageHeader
        title={plan.title}
        subtitle={`${plan.unit.name} · ${t(`plans.kind.${plan.kind}`)} · ${periodText(plan)}`}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/plans")}>
              {t("review.back")}
            </Button>
            <ExportMenu
              sources={[
                exportSources.targets(plan.code, { version }),
                exportSources.tasks({ planCode: plan.code, includeDrafts: plan.status === "draft" }),
              ]}
            />
            {canManage && plan.status === "published" && !draft && version === undefined && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setAmending(true)}>
                {t("detail.amend")}
              </Button>
            )}
          </Space>
        }
      />
      {plan.status === "draft" && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("detail.isDraft")}
          action={
            canManage && (
              <Button size="small" type="primary" onClick={() => navigate(`/plans/${plan.code}/review`)}>
                {t("detail.continueReview")}
              </Button>
            )
          }
        />
      )}
      {draft && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("detail.draftPending", { version: draft.version })}
          action={
            canManage && (
              <Button size="small" type="primary" onClick={() => navigate(`/plans/${plan.code}/review`)}>
                {t("detail.continueReview")}
              </Button>
            )
          }
        />
      )}
      {version !== undefined && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("plans.versionN", { n: version })}
          action={
            <Button size="small" onClick={() => setVersion(undefined)}>
              {t("detail.versionCurrent")}
            </Button>
          }
        />
      )}
      <Card style={{ marginBottom: 12 }}>
        <PlanMeta plan={plan} />
      </Card>
      <Card>
        <Tabs key={params.get("tab") ?? ""} items={tabs} defaultActiveKey={params.get("tab") ?? undefined} />
      </Card>
      <TaskDrawer taskId={params.get("task")} onClose={() => closePanel("task")} />
      {plan.status !== "draft" && (
        <TargetDrawer
          planCode={plan.code}
          targetKey={params.get("target")}
          onClose={() => closePanel("target")}
        />
      )}
      {amending && (
        <AmendModal
          code={plan.code}
          onCancel={() => setAmending(false)}
          onDone={() => navigate(`/plans/${plan.code}/review`)}
        />
      )}
    </div>
  );
}

function PlanMeta({ plan }: { plan: TPlanDetail }) {
  const { t } = useI18n();
  const dash = t("common.notSet");
  return (
    <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
      <Descriptions.Item label={t("detail.meta.number")}>{plan.documentNumber ?? dash}</Descriptions.Item>
      <Descriptions.Item label={t("detail.meta.date")}>
        {formatDate(plan.issuedDate) || dash}
      </Descriptions.Item>
      <Descriptions.Item label={t("detail.meta.signer")}>
        {plan.signer ? `${plan.signer.name}${plan.signer.title ? ` (${plan.signer.title})` : ""}` : dash}
      </Descriptions.Item>
      <Descriptions.Item label={t("detail.meta.period")}>
        {periodText(plan) || dash}
        {plan.visionYear ? `, ${t("plans.vision", { year: plan.visionYear })}` : ""}
      </Descriptions.Item>
      <Descriptions.Item label={t("detail.meta.issuer")}>{plan.issuer ?? plan.unit.name}</Descriptions.Item>
      <Descriptions.Item label={t("plans.col.kind")}>
        <PlanKindText kind={plan.kind} />
      </Descriptions.Item>
      <Descriptions.Item label={t("detail.meta.version")}>
        <Space>
          {plan.version}
          <PlanStatusTag status={plan.status} />
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t("detail.meta.publishedAt")}>
        {formatDateTime(plan.publishedAt) || dash}
      </Descriptions.Item>
      {plan.parentPlan && (
        <Descriptions.Item label={t("detail.meta.parent")}>
          <Link to={`/plans/${plan.parentPlan.code}`}>{plan.parentPlan.title}</Link>
        </Descriptions.Item>
      )}
      {plan.implementsPlan && (
        <Descriptions.Item label={t("detail.meta.implements")}>
          <Link to={`/plans/${plan.implementsPlan.code}`}>{plan.implementsPlan.title}</Link>
        </Descriptions.Item>
      )}
      {plan.amendmentReason && (
        <Descriptions.Item label={t("detail.meta.reason")}>{plan.amendmentReason}</Descriptions.Item>
      )}
      {plan.sourceFileName && (
        <Descriptions.Item label={t("detail.meta.source")}>{plan.sourceFileName}</Descriptions.Item>
      )}
    </Descriptions>
  );
}

function AmendModal({ code, onCancel, onDone }: { code: string; onCancel: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [reason, setReason] = useState("");
  const { saving, error, setError, run } = useAction();

  async function submit() {
    if (!reason.trim()) {
      setError(t("detail.amendReasonRequired"));
      return;
    }
    await run(async () => {
      await plansApi.amend(code, reason.trim());
      message.success(t("review.saved"));
      onDone();
    });
  }

  return (
    <Modal
      open
      title={t("detail.amendTitle")}
      okText={t("detail.amendSubmit")}
      cancelText={t("common.cancel")}
      onOk={submit}
      onCancel={onCancel}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("detail.amendIntro")}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item
          label={t("detail.amendReason")}
          required
          validateStatus={error ? "error" : undefined}
          help={error}
        >
          <Input.TextArea
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
            autoSize={{ minRows: 3, maxRows: 6 }}
            maxLength={2000}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
