import type { TPublicPlanSummary } from "@dtplan/contracts/public.ts";
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Col, Empty, Pagination, Progress, Row, Select, Skeleton, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { publicQueries } from "../../api/public.ts";
import { loadError } from "../../api/query.ts";
import { SearchBox } from "../../components/search-box.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { foldedSearch } from "../../lib/fold.ts";
import { formatDate } from "../../lib/format.ts";
import { periodYears } from "./public-model.ts";

/** Số 12/KH-UBND, ngày 05/02/2025 — whichever of the two the plan has. */
export function documentLine(
  p: Pick<TPublicPlanSummary, "documentNumber" | "issuedDate">,
  t: ReturnType<typeof useI18n>["t"],
): string | null {
  const date = p.issuedDate ? formatDate(p.issuedDate) : null;
  if (p.documentNumber && date) return t("public.document", { number: p.documentNumber, date });
  if (p.documentNumber) return t("public.documentNumber", { number: p.documentNumber });
  if (date) return t("public.documentDate", { date });
  return null;
}

export function periodLine(
  p: Pick<TPublicPlanSummary, "periodStart" | "periodEnd" | "visionYear">,
  t: ReturnType<typeof useI18n>["t"],
): string | null {
  const years = periodYears(p);
  if (!years) return null;
  const base = years.includes("–") ? years : t("public.year", { year: years });
  return p.visionYear ? `${base}, ${t("public.vision", { year: p.visionYear })}` : base;
}

function PlanCard({ plan }: { plan: TPublicPlanSummary }) {
  const { t } = useI18n();
  const href = `/cong-khai/${plan.province.slug}/${plan.code}`;
  const doc = documentLine(plan, t);
  const period = periodLine(plan, t);
  return (
    <Card
      size="small"
      style={{ height: "100%" }}
      styles={{ body: { height: "100%", display: "flex", flexDirection: "column" } }}
      data-testid="public-plan-card"
    >
      <div style={{ flex: 1 }}>
        <Tag color="blue" style={{ marginBottom: 8 }}>
          {plan.province.name}
        </Tag>
        <Typography.Title level={5} style={{ marginTop: 0, marginBottom: 6 }}>
          <Link to={href}>{plan.title}</Link>
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t("public.issuedBy")}: {plan.issuingUnit}
          {doc && (
            <>
              <br />
              {doc}
            </>
          )}
          {period && (
            <>
              <br />
              {t("public.period")}: {period}
            </>
          )}
        </Typography.Paragraph>
        <Typography.Text>
          {t("public.targetsCount", { n: plan.targetCount })} ·{" "}
          {t("public.tasksCount", { n: plan.taskCount })}
        </Typography.Text>
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("public.averageProgress")} ·{" "}
            {t("public.tasksDone", { done: plan.progress.done, total: plan.progress.total })}
          </Typography.Text>
          <Progress
            percent={plan.progress.averageProgress ?? 0}
            size="small"
            aria-label={t("public.averageProgress")}
          />
        </div>
      </div>
      <Link to={href}>{t("public.open")} →</Link>
    </Card>
  );
}

/** The public list's filters, kept in the address so a link or the back button restores them. */
export interface PublicFilters {
  province: string | null;
  unit: string | null;
  q: string;
  page: number;
}

const PAGE_SIZE = 24;

/** The provinces with published plans, as tiles to choose from: the page's first step. */
function ProvincePicker({ onPick }: { onPick: (slug: string) => void }) {
  const { t } = useI18n();
  const provinces = useQuery(publicQueries.provinces());
  if (provinces.error) return <Alert type="error" showIcon title={loadError(provinces)} />;
  if (!provinces.data) return <Skeleton active />;
  if (provinces.data.provinces.length === 0) return <Empty description={t("public.empty")} />;
  return (
    <>
      <Typography.Title level={5}>{t("public.pickProvince")}</Typography.Title>
      <Row gutter={[12, 12]}>
        {provinces.data.provinces.map((p) => (
          <Col key={p.slug} xs={12} md={8} xl={6}>
            <Card
              size="small"
              hoverable
              data-testid="public-province"
              onClick={() => onPick(p.slug)}
              onKeyDown={(e) => {
                if (e.key === "Enter" || e.key === " ") onPick(p.slug);
              }}
              tabIndex={0}
              role="button"
            >
              <Typography.Text strong>{p.name}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{t("public.count", { n: p.planCount })}</Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}

/**
 * Danh sách kế hoạch công khai: a province first (tiles), then its communes, wards and
 * departments, words typed with or without diacritics, and pages of plans — all
 * filtered and paged by the server, so the page stays light with every province present.
 */
export function PublicPlanList({
  filters,
  onChange,
}: {
  filters: PublicFilters;
  onChange: (next: PublicFilters) => void;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(filters.q);
  useEffect(() => setTyped(filters.q), [filters.q]);
  // Search as the visitor types, a moment after the last key (one request, not one per letter).
  useEffect(() => {
    if (typed === filters.q) return;
    const timer = setTimeout(() => onChange({ ...filters, q: typed, page: 1 }), 350);
    return () => clearTimeout(timer);
  }, [typed, filters, onChange]);

  const provinces = useQuery(publicQueries.provinces());
  const units = useQuery({
    ...publicQueries.units(filters.province ?? ""),
    enabled: Boolean(filters.province),
  });
  const searching = Boolean(filters.province || filters.q.trim());
  const plans = useQuery({
    ...publicQueries.plans({
      province: filters.province ?? undefined,
      unit: filters.unit ?? undefined,
      q: filters.q.trim() || undefined,
      page: filters.page,
      pageSize: PAGE_SIZE,
    }),
    enabled: searching,
  });
  const provinceName = provinces.data?.provinces.find((p) => p.slug === filters.province)?.name;

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("public.listTitle")}
      </Typography.Title>
      <Typography.Paragraph style={{ maxWidth: 780 }}>{t("public.intro")}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 780 }}>
        {t("public.privacy")}
      </Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Select
            allowClear
            showSearch={foldedSearch}
            style={{ width: "100%" }}
            aria-label={t("public.province")}
            placeholder={t("public.allProvinces")}
            value={filters.province}
            onChange={(v) => onChange({ province: v ?? null, unit: null, q: filters.q, page: 1 })}
            options={(provinces.data?.provinces ?? []).map((p) => ({ value: p.slug, label: p.name }))}
          />
        </Col>
        <Col xs={24} md={8}>
          <Select
            allowClear
            showSearch={foldedSearch}
            style={{ width: "100%" }}
            disabled={!filters.province}
            aria-label={t("public.unit")}
            placeholder={filters.province ? t("public.allUnits") : t("public.unitAfterProvince")}
            value={filters.unit}
            onChange={(v) => onChange({ ...filters, unit: v ?? null, page: 1 })}
            options={(units.data?.units ?? []).map((u) => ({
              value: u.code,
              label: `${u.name} (${u.planCount})`,
            }))}
          />
        </Col>
        <Col xs={24} md={8}>
          <SearchBox placeholder={t("public.search")} value={typed} onChange={setTyped} />
        </Col>
      </Row>
      {!searching && (
        <ProvincePicker onPick={(slug) => onChange({ province: slug, unit: null, q: "", page: 1 })} />
      )}
      {searching && plans.error && <Alert type="error" showIcon title={loadError(plans)} />}
      {searching && plans.isPending && <Skeleton active />}
      {searching && plans.data && (
        <>
          <Typography.Text
            type="secondary"
            style={{ display: "block", marginBottom: 8 }}
            data-testid="public-count"
          >
            {provinceName ? `${provinceName} · ` : ""}
            {t("public.count", { n: plans.data.total })}
          </Typography.Text>
          {plans.data.items.length === 0 ? (
            <Empty description={t("public.noMatch")} />
          ) : (
            <Row gutter={[16, 16]}>
              {plans.data.items.map((p) => (
                <Col key={`${p.province.slug}/${p.code}`} xs={24} md={12} xl={8}>
                  <PlanCard plan={p} />
                </Col>
              ))}
            </Row>
          )}
          {plans.data.total > plans.data.pageSize && (
            <Pagination
              style={{ marginTop: 16, textAlign: "center" }}
              current={plans.data.page}
              pageSize={plans.data.pageSize}
              total={plans.data.total}
              showSizeChanger={false}
              onChange={(page) => {
                onChange({ ...filters, page });
                window.scrollTo({ top: 0 });
              }}
            />
          )}
        </>
      )}
    </>
  );
}
