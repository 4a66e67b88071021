import { SearchOutlined } from "@ant-design/icons";
import type { TPublicPlanList, TPublicPlanSummary } from "@dtplan/contracts/public.ts";
import type { UseQueryResult } from "@tanstack/react-query";
import { Alert, Card, Col, Empty, Input, Progress, Row, Select, Skeleton, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { loadError } from "../../api/query.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { formatDate } from "../../lib/format.ts";
import { filterPlans, periodYears } from "./public-model.ts";

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

/** Danh sách kế hoạch công khai with a folded search and a province filter. */
export function PublicPlanList({ data }: { data: UseQueryResult<TPublicPlanList> }) {
  const { t } = useI18n();
  const [query, setQuery] = useState("");
  const [province, setProvince] = useState<string | null>(null);
  const items = useMemo(
    () => filterPlans(data.data?.items ?? [], query, province),
    [data.data, query, province],
  );
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
        <Col xs={24} md={14}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t("public.search")}
            aria-label={t("public.search")}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </Col>
        <Col xs={24} md={10}>
          <Select
            allowClear
            style={{ width: "100%" }}
            aria-label={t("public.province")}
            placeholder={t("public.allProvinces")}
            value={province}
            onChange={(v) => setProvince(v ?? null)}
            options={(data.data?.provinces ?? []).map((p) => ({ value: p.slug, label: p.name }))}
          />
        </Col>
      </Row>
      {data.error && <Alert type="error" showIcon title={loadError(data)} />}
      {data.isPending && <Skeleton active />}
      {data.data && (
        <>
          <Typography.Text type="secondary" style={{ display: "block", marginBottom: 8 }}>
            {t("public.count", { n: items.length })}
          </Typography.Text>
          {items.length === 0 ? (
            <Empty description={data.data.items.length ? t("public.noMatch") : t("public.empty")} />
          ) : (
            <Row gutter={[16, 16]}>
              {items.map((p) => (
                <Col key={`${p.province.slug}/${p.code}`} xs={24} md={12} xl={8}>
                  <PlanCard plan={p} />
                </Col>
              ))}
            </Row>
          )}
        </>
      )}
    </>
  );
}
