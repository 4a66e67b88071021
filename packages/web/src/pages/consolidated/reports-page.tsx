import "../../i18n/consolidated-messages.ts";
import { useQuery } from "@tanstack/react-query";
import { Alert, Col, Row, Select, Space } from "antd";
import { consolidatedQueries } from "../../api/consolidated.ts";
import { loadError } from "../../api/query.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { PageHeader } from "../../layout/page-header.tsx";
import { foldedSearch } from "../../lib/fold.ts";
import { planLabel } from "../../lib/plan-label.ts";
import { ConsolidatedSummary } from "./consolidated-summary.tsx";
import { ConsolidatedTables } from "./consolidated-tables.tsx";
import { NarrativeCard } from "./narrative-card.tsx";
import { sentOf, usePlanPeriod } from "./use-plan-period.ts";

/** Báo cáo tổng hợp: choose a plan and a period, check the figures, write the text, download. */
export default function ReportsPage() {
  const { t, period } = useI18n();
  const { plans, periods, ordered, planCode, periodKey, choosePlan, choosePeriod } = usePlanPeriod();
  const loaded = useQuery({
    ...consolidatedQueries.report(planCode ?? "", periodKey ?? ""),
    enabled: planCode !== null && periodKey !== null,
    // The narrative form starts from the loaded version: never from a copy left in the cache.
    gcTime: 0,
  });
  const report = loaded.data;

  return (
    <>
      <PageHeader
        title={t("consolidated.title")}
        subtitle={t("consolidated.subtitle")}
        extra={
          <Space wrap>
            <Select
              showSearch={foldedSearch}
              style={{ width: 380 }}
              placeholder={t("consolidated.choosePlan")}
              loading={plans.isFetching}
              value={planCode ?? undefined}
              onChange={choosePlan}
              options={(plans.data?.items ?? []).map((p) => ({
                value: p.code,
                label: planLabel(p),
              }))}
              aria-label={t("consolidated.choosePlan")}
              data-testid="consolidated-plan"
            />
            <Select
              style={{ width: 300 }}
              placeholder={t("consolidated.choosePeriod")}
              loading={periods.isFetching}
              value={periodKey ?? undefined}
              onChange={choosePeriod}
              options={ordered.map((p) => ({
                value: p.key,
                label:
                  sentOf(p) > 0
                    ? t("consolidated.periodWithData", { label: period(p), n: sentOf(p) })
                    : t("consolidated.periodNoData", { label: period(p) }),
              }))}
              aria-label={t("consolidated.choosePeriod")}
              data-testid="consolidated-period"
            />
          </Space>
        }
      />
      {plans.error && <Alert type="error" showIcon title={loadError(plans)} style={{ marginBottom: 12 }} />}
      {plans.data && plans.data.items.length === 0 && (
        <Alert type="info" showIcon title={t("consolidated.noPlans")} style={{ marginBottom: 12 }} />
      )}
      {periods.data && ordered.length === 0 && (
        <Alert type="info" showIcon title={t("consolidated.noPeriods")} style={{ marginBottom: 12 }} />
      )}
      {(periods.error || loaded.error) && (
        <Alert
          type="error"
          showIcon
          title={loadError(periods) ?? loadError(loaded)}
          style={{ marginBottom: 12 }}
        />
      )}
      {report && planCode && periodKey && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={14}>
            <ConsolidatedSummary report={report} planCode={planCode} periodKey={periodKey} />
            <ConsolidatedTables report={report} />
          </Col>
          <Col xs={24} xxl={10}>
            <NarrativeCard
              // A save or a reload brings a new version: the form starts again from it.
              key={`${report.plan.code}:${report.period.key}:${report.version}`}
              report={report}
              planCode={planCode}
              periodKey={periodKey}
              onReload={() => void loaded.refetch()}
            />
          </Col>
        </Row>
      )}
    </>
  );
}
