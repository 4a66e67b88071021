import { scrollBehavior } from "../../lib/reduced-motion.ts";
import { LegalBasisList } from "./legal-basis-list.tsx";
import "../../i18n/plans-messages.ts";
import {
  ArrowLeftOutlined,
  DeleteOutlined,
  EditOutlined,
  ExclamationCircleOutlined,
  PlusOutlined,
  SendOutlined,
} from "@ant-design/icons";
import type { TIndicator } from "@dtplan/contracts/indicators.ts";
import type { TPlanReview, TPlanTarget, TPlanTask } from "@dtplan/contracts/plans.ts";
import { reviewMessageIn } from "@dtplan/domain/plans/review-words.ts";
import { useQuery } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Collapse,
  Empty,
  Flex,
  Popconfirm,
  Result,
  Space,
  Spin,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { errorMessage } from "../../api/client.ts";
import {
  indicatorsQueries,
  orgQueries,
  plansApi,
  plansQueries,
  type TItemType,
} from "../../api/endpoints.ts";
import { loadError } from "../../api/query.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { PageHeader } from "../../layout/page-header.tsx";
import { formatDate } from "../../lib/format.ts";
import { ItemCard } from "./item-card.tsx";
import { ItemDrawer, type ItemEditing } from "./item-drawer.tsx";
import { PlanInfoModal } from "./plan-info-modal.tsx";
import { periodText } from "./plan-tags.tsx";
import { PublishModal } from "./publish-modal.tsx";
import {
  groupForReview,
  lacksLead,
  needsCheck,
  neighbours,
  pillarLabel,
  type ReviewItem,
  reviewSpans,
  tableCells,
} from "./review-model.ts";
import "./review.css";
import { BulkItemsTab } from "./bulk-items-tab.tsx";
import { CascadeReviewTab } from "./cascade-review-tab.tsx";
import { BudgetTab } from "./review-budget-tab.tsx";
import { SourcePane } from "./source-pane.tsx";
import { SplitModal } from "./split-modal.tsx";
import { TargetUnitsTab } from "./target-units-tab.tsx";
import { UnparsedList } from "./unparsed-list.tsx";
import { useTableRemap } from "./use-table-remap.tsx";

type Tab = "targets" | "reporters" | "cascade" | "tasks" | "bulk" | "bases" | "budget" | "unparsed";

/** Rà soát: the source beside what was extracted from it, fixed item by item, then published. */
export default function ReviewPage() {
  const { code = "" } = useParams();
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  // Copied into `review` below, which each edit replaces: start from a fresh load, never a cached copy.
  const loaded = useQuery({ ...plansQueries.review(code), gcTime: 0 });
  const [review, setReview] = useState<TPlanReview | null>(null);
  useEffect(() => {
    if (loaded.data) setReview(loaded.data);
  }, [loaded.data]);
  const units = useQuery(orgQueries.list({ includeClosed: true }));
  const catalogue = useQuery(indicatorsQueries.list({ limit: 200 }));
  const [extraIndicators, setExtraIndicators] = useState<TIndicator[]>([]);
  const indicators = useMemo(
    () => [...(catalogue.data?.items ?? []), ...extraIndicators],
    [catalogue.data, extraIndicators],
  );

  const [tab, setTab] = useState<Tab>("tasks");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<ItemEditing | null>(null);
  const [splitting, setSplitting] = useState<{ type: TItemType; id: string; text: string } | null>(null);
  const [editingPlan, setEditingPlan] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);

  const flagged = useMemo(
    () => new Set((review?.queue ?? []).filter((q) => q.flagged).map((q) => q.id)),
    [review],
  );
  const plan = review?.plan ?? null;
  const targetEntries = useMemo<ReviewItem[]>(
    () => (plan?.targets ?? []).map((item) => ({ type: "target" as const, item })),
    [plan],
  );
  const taskEntries = useMemo<ReviewItem[]>(
    () => (plan?.tasks ?? []).map((item) => ({ type: "task" as const, item })),
    [plan],
  );
  const checkTargets = targetEntries.filter((e) => needsCheck(e, flagged)).length;
  const checkTasks = taskEntries.filter((e) => needsCheck(e, flagged)).length;
  const spans = useMemo(() => (review ? reviewSpans(review) : []), [review]);
  const cells = useMemo(() => tableCells(review ?? { queue: [] }), [review]);
  const tableRemap = useTableRemap(code, setReview);
  const unitList = units.data?.items ?? [];
  const planUnit = unitList.find((u) => u.id === plan?.unit.id) ?? null;

  const select = useCallback(
    (id: string) => {
      setSelectedId(id);
      if (!review) return;
      if (review.plan.targets.some((x) => x.id === id)) setTab("targets");
      else if (review.plan.tasks.some((x) => x.id === id)) setTab("tasks");
      else if (id.startsWith("unparsed-")) setTab("unparsed");
      // After the tab renders, bring the card into view.
      setTimeout(() => {
        document
          .querySelector(`[data-item-id="${CSS.escape(id)}"]`)
          ?.scrollIntoView({ block: "nearest", behavior: scrollBehavior() });
      }, 60);
    },
    [review],
  );

  async function run(id: string, action: () => Promise<TPlanReview | null>, done?: string) {
    setBusyId(id);
    try {
      const next = await action();
      if (next) setReview(next);
      else void loaded.refetch();
      if (done) message.success(done);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusyId(null);
    }
  }

  if (loaded.isFetching && !review) return <Spin style={{ display: "block", margin: "80px auto" }} />;
  if (loaded.error && !review) {
    return (
      <Result
        status="warning"
        title={t("common.loadFailed")}
        subTitle={loadError(loaded)}
        extra={<Button onClick={() => void loaded.refetch()}>{t("common.retry")}</Button>}
      />
    );
  }
  if (!review || !plan) return null;
  if (plan.status !== "draft") {
    return (
      <Result
        status="info"
        title={plan.title}
        subTitle={t("review.notDraft")}
        extra={
          <Button type="primary" onClick={() => navigate(`/plans/${plan.code}`)}>
            {t("review.toDetail")}
          </Button>
        }
      />
    );
  }

  const blocking = review.publishCheck.blocking;
  const warnings = review.publishCheck.warnings;

  const actionsFor = (entry: ReviewItem, list: ReviewItem[]) => {
    const items = list.map((e) => e.item);
    const { prev, next } = neighbours(items, entry.item.id);
    const type = entry.type;
    const merge = (direction: "prev" | "next") => {
      const other = direction === "prev" ? prev : next;
      if (!other) return;
      const ids: [string, string] =
        direction === "prev" ? [other.id, entry.item.id] : [entry.item.id, other.id];
      modal.confirm({
        title: t("review.mergeConfirm"),
        content: (
          <div className="dt-split-text" style={{ maxHeight: 240, overflow: "auto" }}>
            {(direction === "prev" ? [other, entry.item] : [entry.item, other]).map((x) => (
              <p key={x.id}>• {x.text}</p>
            ))}
          </div>
        ),
        okText: t("common.confirm"),
        cancelText: t("common.cancel"),
        width: 600,
        onOk: () => run(entry.item.id, () => plansApi.merge(code, { type, ids }), t("review.merged")),
      });
    };
    return {
      onSelect: () => setSelectedId(entry.item.id),
      onEdit: () => {
        setSelectedId(entry.item.id);
        setEditing(
          entry.type === "target"
            ? { mode: "edit", type: "target", item: entry.item }
            : { mode: "edit", type: "task", item: entry.item },
        );
      },
      onSplit: () => setSplitting({ type, id: entry.item.id, text: entry.item.text }),
      onMerge: merge,
      canMerge: { prev: Boolean(prev), next: Boolean(next) },
      onDelete: () =>
        run(
          entry.item.id,
          async () => {
            await plansApi.deleteItem(code, type, entry.item.id);
            return plansApi.review(code);
          },
          t("review.deleted"),
        ),
      onConfirmIndicator: () => {
        const target = entry.item as TPlanTarget;
        if (!target.indicator) return;
        const indicatorCode = target.indicator.code;
        run(target.id, () =>
          plansApi.updateTarget(code, target.id, {
            indicatorCode,
            indicatorConfirmed: true,
            version: target.version,
          }),
        );
      },
      onSetLead: (unitId: string | null, none?: boolean) =>
        run(entry.item.id, () =>
          plansApi.updateTask(code, entry.item.id, {
            ...(none ? { leadNone: true, leadUnitId: null } : { leadUnitId: unitId, leadNone: false }),
            version: entry.item.version,
          }),
        ),
    };
  };

  const renderList = (list: ReviewItem[], type: TItemType) => {
    const byId = new Map(list.map((e) => [e.item.id, e]));
    const groups = groupForReview(list.map((e) => e.item) as (TPlanTarget | TPlanTask)[], (x) =>
      needsCheck(byId.get(x.id) as ReviewItem, flagged),
    );
    return (
      <>
        <Flex justify="flex-end" style={{ margin: "4px 0" }}>
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ mode: "create", type })}
            data-testid={`add-${type}`}
          >
            {t(type === "target" ? "review.addTarget" : "review.addTask")}
          </Button>
        </Flex>
        {groups.length === 0 && <Empty description={t("review.emptyTab")} />}
        {groups.map((g) => (
          <section key={g.pillar}>
            <div className="dt-pillar-title">
              {pillarLabel(g.pillar, lang)} · {g.items.length}
            </div>
            {g.items.map((x) => {
              const entry = byId.get(x.id) as ReviewItem;
              return (
                <ItemCard
                  key={x.id}
                  entry={entry}
                  selected={selectedId === x.id}
                  check={needsCheck(entry, flagged)}
                  busy={busyId === x.id}
                  actions={actionsFor(entry, list)}
                />
              );
            })}
          </section>
        ))}
      </>
    );
  };

  const countBadge = (n: number, warn = 0) => (
    <Space size={4}>
      <span>{n}</span>
      {warn > 0 && (
        <Tag color="orange" style={{ marginInlineEnd: 0 }}>
          {warn}
        </Tag>
      )}
    </Space>
  );

  const tabs = [
    {
      key: "targets",
      label: (
        <Space size={6}>
          {t("review.tab.targets")}
          {countBadge(plan.targets.length, checkTargets)}
        </Space>
      ),
      children: renderList(targetEntries, "target"),
    },
    {
      key: "reporters",
      label: (
        <Space size={6}>
          {t("review.tab.reporters")}
          {review.publishCheck.unassignedTargets.length > 0 && (
            <Tag color="orange" style={{ marginInlineEnd: 0 }}>
              {review.publishCheck.unassignedTargets.length}
            </Tag>
          )}
        </Space>
      ),
      children: <TargetUnitsTab code={code} onChanged={() => void loaded.refetch()} />,
    },
    {
      key: "cascade",
      label: t("cascade.review.tab"),
      children: <CascadeReviewTab code={code} plan={plan} onChanged={() => void loaded.refetch()} />,
    },
    {
      key: "tasks",
      label: (
        <Space size={6}>
          {t("review.tab.tasks")}
          {countBadge(plan.tasks.length, checkTasks)}
        </Space>
      ),
      children: renderList(taskEntries, "task"),
    },
    {
      key: "bulk",
      label: t("bulkItems.tab"),
      children: <BulkItemsTab code={code} plan={plan} onChanged={() => void loaded.refetch()} />,
    },
    {
      key: "bases",
      label: `${t("review.tab.bases")} ${plan.legalBases.length}`,
      children: <LegalBasisList bases={plan.legalBases} emptyText={t("review.emptyTab")} />,
    },
    {
      key: "budget",
      label: t("review.tab.budget"),
      children: <BudgetTab plan={plan} />,
    },
    {
      key: "unparsed",
      label: (
        <Space size={6}>
          {t("review.tab.unparsed")}
          {review.unparsed.length > 0 ? <Tag color="orange">{review.unparsed.length}</Tag> : <span>0</span>}
        </Space>
      ),
      children: (
        <UnparsedList
          unparsed={review.unparsed}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onAdd={(type, u) =>
            setEditing({ mode: "create", type, text: u.text, section: u.section, source: u.source })
          }
        />
      ),
    },
  ];

  const stat = (value: number, label: string, tone?: "warn" | "bad", testId?: string) => (
    <div className="dt-stat" data-testid={testId}>
      <span
        className="dt-stat-value"
        style={{
          color:
            value > 0 && tone === "bad" ? "#cf1322" : value > 0 && tone === "warn" ? "#d46b08" : undefined,
        }}
      >
        {value}
      </span>
      <span className="dt-stat-label">{label}</span>
    </div>
  );

  const subtitle = [
    plan.unit.name,
    t(`plans.kind.${plan.kind}`),
    periodText(plan),
    plan.sourceFileName,
    t("plans.versionN", { n: plan.version }),
  ]
    .filter(Boolean)
    .join(" · ");

  return (
    <div data-testid="review-page">
      <PageHeader
        title={`${t("review.title")}: ${plan.title}`}
        subtitle={subtitle}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/plans")}>
              {t("review.back")}
            </Button>
            <Button icon={<EditOutlined />} onClick={() => setEditingPlan(true)}>
              {t("review.editPlan")}
            </Button>
            <Popconfirm
              title={plan.version > 1 ? t("review.deleteAmendmentConfirm") : t("review.deleteDraftConfirm")}
              okText={t("review.deleteDraft")}
              okButtonProps={{ danger: true }}
              cancelText={t("common.cancel")}
              onConfirm={async () => {
                const { planRemains } = await plansApi.deleteDraft(plan.code);
                message.success(t("review.draftDeleted"));
                navigate(planRemains ? `/plans/${plan.code}` : "/plans");
              }}
            >
              <Button danger icon={<DeleteOutlined />} data-testid="delete-draft">
                {t("review.deleteDraft")}
              </Button>
            </Popconfirm>
            <Button type="primary" icon={<SendOutlined />} onClick={() => setPublishing(true)}>
              {t("review.publish")}
            </Button>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={28} wrap align="center">
          {stat(plan.targets.length, t("review.count.targets"))}
          {stat(plan.tasks.length, t("review.count.tasks"))}
          {stat(checkTargets + checkTasks, t("review.count.needsCheck"), "warn", "stat-check")}
          {stat(blocking.length, t("review.count.blocking"), "bad", "stat-blocking")}
          {stat(warnings.length + review.warnings.length, t("review.count.warnings"), "warn")}
          {stat(review.unparsed.length, t("review.count.unparsed"), "warn")}
          <div style={{ flex: 1 }} />
          {plan.documentNumber || plan.issuedDate ? (
            <Typography.Text type="secondary">
              {[plan.documentNumber, formatDate(plan.issuedDate)].filter(Boolean).join(" · ")}
            </Typography.Text>
          ) : null}
        </Flex>
        {(review.warnings.length > 0 || warnings.length > 0) && (
          <Collapse
            ghost
            size="small"
            style={{ marginTop: 8 }}
            items={[
              {
                key: "w",
                label: (
                  <Space>
                    <ExclamationCircleOutlined style={{ color: "#d46b08" }} />
                    {t("review.extractWarnings")} ({review.warnings.length + warnings.length})
                  </Space>
                ),
                children: (
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {[...review.warnings, ...warnings].map((w) => (
                      <li key={w}>{reviewMessageIn(w, lang)}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        )}
      </Card>

      <div className="dt-review-panes">
        <div className="dt-pane">
          <div className="dt-pane-title">{t("review.source")}</div>
          <SourcePane
            text={review.sourceText}
            spans={spans}
            selectedId={selectedId}
            onSelect={select}
            tables={review.tables}
            cells={cells}
            onRemap={tableRemap.remap}
            remapping={tableRemap.busy}
          />
        </div>
        <div className="dt-pane">
          <div className="dt-items">
            <Tabs
              activeKey={tab}
              onChange={(k) => setTab(k as Tab)}
              items={tabs}
              size="small"
              tabBarGutter={14}
            />
          </div>
        </div>
      </div>

      {editing && (
        <ItemDrawer
          code={code}
          editing={editing}
          units={unitList}
          indicators={indicators}
          sourceText={review.sourceText}
          planUnit={planUnit}
          onClose={() => setEditing(null)}
          onSaved={(next) => {
            setReview(next);
            setEditing(null);
          }}
          onIndicatorCreated={(ind) => setExtraIndicators((prev) => [...prev, ind])}
        />
      )}
      {splitting && (
        <SplitModal
          code={code}
          {...splitting}
          onCancel={() => setSplitting(null)}
          onDone={(next) => {
            setReview(next);
            setSplitting(null);
          }}
        />
      )}
      {editingPlan && (
        <PlanInfoModal
          plan={plan}
          units={unitList}
          onCancel={() => setEditingPlan(false)}
          onDone={(next) => {
            setReview(next);
            setEditingPlan(false);
          }}
        />
      )}
      {publishing && (
        <PublishModal
          review={review}
          onCancel={() => setPublishing(false)}
          onShowTargets={() => {
            setPublishing(false);
            setTab("reporters");
          }}
          onShowBlocking={() => {
            setPublishing(false);
            const first = plan.tasks.find(lacksLead);
            if (first) select(first.id);
          }}
          onDone={(version) => {
            setPublishing(false);
            message.success(t("review.publishOk", { version }));
            navigate(`/plans/${plan.code}`);
          }}
        />
      )}
    </div>
  );
}
