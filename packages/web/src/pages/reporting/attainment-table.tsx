import "../../i18n/reporting-messages.ts";
import { ArrowDownOutlined, ArrowRightOutlined, ArrowUpOutlined } from "@ant-design/icons";
import type { TReportingPeriod, TTargetAttainment } from "@dtplan/contracts/reporting.ts";
import { ATTAINMENT_LABELS } from "@dtplan/domain/attainment/attainment.ts";
import { TREND_LABELS } from "@dtplan/domain/attainment/trend.ts";
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Select, Space, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { loadError } from "../../api/query.ts";
import { reportingQueries } from "../../api/reporting.ts";
import { ExportMenu, exportSources } from "../../components/export-menu.tsx";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { ATTAINMENT_COLOR } from "../../lib/status-colors.ts";
import { TargetDrawer } from "../dashboard/target-drawer.tsx";
import { goalText, pillarLabel } from "../plans/review-model.ts";

/** Mức độ đạt chỉ tiêu of a plan in a period: the rolled-up figure, the assessment and the trend. */
export function AttainmentCard({ planCode, periods }: { planCode: string; periods: TReportingPeriod[] }) {
  const { t, lang, num, period: periodName } = useI18n();
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [openTarget, setOpenTarget] = useState<string | null>(null);
  const data = useQuery(reportingQueries.attainment(planCode, period));
  const counts = data.data?.counts;

  return (
    <Card
      title={t("periods.attainment")}
      data-testid="attainment"
      extra={
        <Space>
          <Typography.Text type="secondary">{t("periods.attainmentPeriod")}</Typography.Text>
          <Select
            style={{ width: 220 }}
            value={period ?? data.data?.period?.key}
            onChange={setPeriod}
            options={periods.map((p) => ({ value: p.key, label: periodName(p) }))}
          />
          <ExportMenu
            sources={[
              exportSources.targets(planCode, { period: period ?? data.data?.period?.key }),
              exportSources.indicatorValues(planCode, { period: period ?? data.data?.period?.key }),
            ]}
          />
        </Space>
      }
    >
      {data.error && <Alert type="error" showIcon title={loadError(data)} />}
      {data.data && !data.data.period && <Alert type="info" showIcon title={t("attainment.noPeriod")} />}
      {counts && (
        <Typography.Paragraph type="secondary">
          {t("attainment.summary", {
            achieved: counts.achieved,
            near: counts.near,
            notAchieved: counts.notAchieved,
            noData: counts.noData,
          })}
        </Typography.Paragraph>
      )}
      <ResponsiveTable<TTargetAttainment>
        rowKey="targetKey"
        size="small"
        loading={data.isFetching}
        dataSource={data.data?.targets ?? []}
        onRow={(x) => ({ onClick: () => setOpenTarget(x.targetKey), style: { cursor: "pointer" } })}
        pagination={{ pageSize: 15, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          {
            title: t("attainment.col.target"),
            dataIndex: "text",
            render: (text: string, x) => (
              <>
                <div>{text}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {pillarLabel(x.pillar, lang)}
                  {x.indicator ? ` · ${x.indicator.name}` : ""}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t("attainment.col.goal"),
            key: "goal",
            width: 150,
            render: (_: unknown, x) =>
              goalText(
                { comparator: x.comparator, value: x.targetValue, unit: x.unit, year: x.year } as Parameters<
                  typeof goalText
                >[0],
                (v) => num(v),
              ),
          },
          {
            title: t("attainment.col.value"),
            key: "value",
            width: 150,
            align: "right",
            render: (_: unknown, x) =>
              x.value === null ? (
                "—"
              ) : (
                <>
                  <b>
                    {num(x.value)}
                    {x.unit === "%" || x.indicator?.aggregation === "ratio"
                      ? "%"
                      : x.unit
                        ? ` ${x.unit}`
                        : ""}
                  </b>
                  {x.numerator !== null && x.denominator !== null && (
                    <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                      {num(x.numerator)}/{num(x.denominator)}
                    </Typography.Text>
                  )}
                </>
              ),
          },
          {
            title: t("attainment.col.units"),
            dataIndex: "reportingUnits",
            width: 110,
            align: "right",
            render: (n: number) => num(n),
          },
          {
            title: t("attainment.col.status"),
            key: "status",
            width: 140,
            render: (_: unknown, x) => (
              <Tag color={ATTAINMENT_COLOR[x.attainment]}>{ATTAINMENT_LABELS[x.attainment][lang]}</Tag>
            ),
          },
          {
            title: t("attainment.col.trend"),
            key: "trend",
            width: 90,
            align: "center",
            render: (_: unknown, x) => (
              <Tooltip
                title={
                  <>
                    <div>{TREND_LABELS[x.trend][lang]}</div>
                    {x.series.map((s) => (
                      <div key={s.periodKey}>
                        {periodName({ key: s.periodKey, label: s.label })}:{" "}
                        {s.value === null ? "—" : num(s.value)}
                      </div>
                    ))}
                  </>
                }
              >
                <span role="img" aria-label={TREND_LABELS[x.trend][lang]} style={{ fontSize: 16 }}>
                  {x.trend === "up" ? (
                    <ArrowUpOutlined
                      style={{ color: x.indicator?.direction === "decrease" ? "#cf1322" : "#389e0d" }}
                    />
                  ) : x.trend === "down" ? (
                    <ArrowDownOutlined
                      style={{ color: x.indicator?.direction === "decrease" ? "#389e0d" : "#cf1322" }}
                    />
                  ) : (
                    <ArrowRightOutlined style={{ color: "#8c8c8c" }} />
                  )}
                </span>
              </Tooltip>
            ),
          },
        ]}
      />
      <TargetDrawer
        planCode={planCode}
        targetKey={openTarget}
        periodKey={period ?? data.data?.period?.key}
        onClose={() => setOpenTarget(null)}
      />
    </Card>
  );
}
