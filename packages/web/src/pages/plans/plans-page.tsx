import "../../i18n/plans-messages.ts";
import { ImportOutlined } from "@ant-design/icons";
import type { TPlanListItem } from "@dtplan/contracts/plans.ts";
import { PLAN_KINDS, PLAN_STATUSES } from "@dtplan/domain/plans/lists.ts";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Card, Flex, InputNumber, Select, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { orgQueries, plansQueries, type TPlanKind, type TPlanStatus } from "../../api/endpoints.ts";
import { rememberPlanProvince } from "../../api/plan-province.ts";
import { loadError } from "../../api/query.ts";
import { useSession } from "../../auth/session.tsx";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { SearchBox } from "../../components/search-box.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { PageHeader } from "../../layout/page-header.tsx";
import { formatDate } from "../../lib/format.ts";
import { serverPagination, useDebounced } from "../../lib/server-paging.ts";
import { UnitTreeSelect } from "../org/unit-tree-select.tsx";
import { ImportModal } from "./import-modal.tsx";
import { PlanKindText, PlanStatusTag, periodText } from "./plan-tags.tsx";

const PAGE_SIZE = 20;

/** Kế hoạch: every plan the user can see, and the door to importing a new one. */
export default function PlansPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can, user } = useSession();
  const navigate = useNavigate();
  const canManage = can("plans.manage");
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 300);
  const [kind, setKind] = useState<TPlanKind | undefined>();
  const [status, setStatus] = useState<TPlanStatus | undefined>();
  const [year, setYear] = useState<number | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [importing, setImporting] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: any filter change returns to page 1
  useEffect(() => setPage(1), [q, kind, status, year, unitId]);

  const list = useQuery(
    plansQueries.list({
      q: q || undefined,
      kind,
      status,
      year: year ?? undefined,
      unitId: unitId ?? undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
  );
  const units = useQuery(orgQueries.list({ includeClosed: true }));
  // The import picks among the units the user manages plans for (their grants' units and below).
  const manageable = useMemo(() => units.data?.items ?? [], [units.data]);
  const defaultUnit = user?.grants.find(
    (g) => g.role === "focal_officer" || g.role === "administrator",
  )?.unitId;
  // The plan's province goes with it, so its pages resolve there (codes repeat across provinces).
  const openPlan = (p: TPlanListItem, page: "" | "/review") => {
    rememberPlanProvince(p.code, p.tenantId);
    navigate(`/plans/${p.code}${page}`);
  };

  const columns = [
    {
      title: t("plans.col.code"),
      dataIndex: "code",
      width: 180,
      render: (code: string) => (
        <Typography.Text code style={{ wordBreak: "break-all" }}>
          {code}
        </Typography.Text>
      ),
    },
    {
      title: t("plans.col.title"),
      dataIndex: "title",
      render: (title: string, p: TPlanListItem) => {
        const doc = [p.documentNumber, formatDate(p.issuedDate)].filter(Boolean).join(", ");
        return (
          <>
            <Link
              to={p.status === "draft" && canManage ? `/plans/${p.code}/review` : `/plans/${p.code}`}
              onClick={() => rememberPlanProvince(p.code, p.tenantId)}
            >
              {title}
            </Link>
            {doc && (
              <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                {doc}
              </Typography.Text>
            )}
          </>
        );
      },
    },
    { title: t("plans.col.unit"), dataIndex: ["unit", "name"], width: 170 },
    {
      title: t("plans.col.kind"),
      dataIndex: "kind",
      width: 130,
      render: (k: TPlanKind) => <PlanKindText kind={k} />,
    },
    {
      title: t("plans.col.period"),
      key: "period",
      width: 100,
      render: (_: unknown, p: TPlanListItem) => (
        <>
          {periodText(p)}
          {p.visionYear && (
            <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
              {t("plans.vision", { year: p.visionYear })}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t("plans.col.status"),
      dataIndex: "status",
      width: 120,
      render: (s: TPlanStatus) => <PlanStatusTag status={s} />,
    },
    { title: t("plans.col.version"), dataIndex: "version", width: 96, align: "center" as const },
    {
      title: "",
      key: "open",
      width: 100,
      render: (_: unknown, p: TPlanListItem) =>
        p.status === "draft" && canManage ? (
          <Button size="small" type="primary" ghost onClick={() => openPlan(p, "/review")}>
            {t("plans.review")}
          </Button>
        ) : (
          <Button size="small" onClick={() => openPlan(p, "")}>
            {t("plans.open")}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("plans.title")}
        subtitle={t("plans.subtitle")}
        extra={
          canManage && (
            <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)}>
              {t("plans.import")}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <SearchBox
            placeholder={t("plans.filter.search")}
            value={search}
            onChange={setSearch}
            style={{ width: 280 }}
          />
          <div style={{ width: 240 }}>
            <UnitTreeSelect
              units={units.data?.items ?? []}
              value={unitId}
              onChange={(v) => setUnitId(typeof v === "string" ? v : null)}
              placeholder={t("plans.filter.unit")}
              history
            />
          </div>
          <Select
            allowClear
            placeholder={t("plans.filter.kind")}
            value={kind}
            onChange={setKind}
            style={{ width: 180 }}
            options={PLAN_KINDS.map((k) => ({
              value: k,
              label: t(`plans.kind.${k}`),
            }))}
          />
          <Select
            allowClear
            placeholder={t("plans.filter.status")}
            value={status}
            onChange={setStatus}
            style={{ width: 160 }}
            options={PLAN_STATUSES.map((s) => ({
              value: s,
              label: t(`plans.status.${s}`),
            }))}
          />
          <InputNumber
            placeholder={t("plans.filter.year")}
            value={year}
            onChange={(v) => setYear(typeof v === "number" ? v : null)}
            min={1900}
            max={2200}
            style={{ width: 110 }}
          />
        </Flex>
        {list.error && <Typography.Text type="danger">{loadError(list)}</Typography.Text>}
        <ResponsiveTable<TPlanListItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t("plans.empty") }}
          pagination={serverPagination({
            page,
            pageSize: PAGE_SIZE,
            total: list.data?.total,
            onChange: setPage,
            showTotal: (n) => t("plans.total", { n }),
          })}
          data-testid="plans-table"
        />
      </Card>
      {importing && (
        <ImportModal
          units={manageable}
          defaultUnitId={defaultUnit ?? null}
          onCancel={() => setImporting(false)}
          onDone={(review) => {
            setImporting(false);
            message.success(t("import.done", { title: review.plan.title }));
            navigate(`/plans/${review.plan.code}/review`);
          }}
        />
      )}
    </>
  );
}
