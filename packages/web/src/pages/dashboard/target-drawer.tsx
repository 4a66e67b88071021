import "../../i18n/dashboard-messages.ts";
import { useQuery } from "@tanstack/react-query";
import { Alert, Descriptions, Drawer, List, Space, Spin, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { dashboardQueries } from "../../api/dashboard.ts";
import { loadError } from "../../api/query.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { pillarLabel } from "../plans/review-model.ts";
import { TargetUnits } from "./drill-down.tsx";
import { figureText, goalOf, StatusTag, TrendIcon } from "./target-cells.tsx";

interface Props {
  /** The published plan the target belongs to. */
  planCode: string;
  targetKey: string | null;
  /** The period whose figures show; the latest with figures when not given. */
  periodKey?: string;
  onClose: () => void;
  /** On the dashboard itself the panel does not offer to open it. */
  onDashboard?: boolean;
}

/**
 * Bảng chỉ tiêu — one target wherever its row is shown (plan page, dashboard, periods,
 * consolidated report, report form): its goal, its result in the period with its basis and
 * trend, its figures over the periods, and each unit's figure with the evidence it sent.
 */
export function TargetDrawer({ planCode, targetKey, periodKey, onClose, onDashboard = false }: Props) {
  const { t, num, lang, period } = useI18n();
  const [unitId, setUnitId] = useState<string | null>(null);
  const loaded = useQuery({
    ...dashboardQueries.target(planCode, targetKey ?? "", periodKey),
    enabled: targetKey !== null,
  });
  const detail = loaded.data && loaded.data.target.targetKey === targetKey ? loaded.data : null;
  const target = detail?.target ?? null;

  return (
    <Drawer
      open={targetKey !== null}
      onClose={() => {
        setUnitId(null);
        onClose();
      }}
      size={720}
      title={t("dashboard.panel.title")}
      destroyOnHidden
      data-testid="target-drawer"
    >
      {loaded.error && <Alert type="error" showIcon title={loadError(loaded)} />}
      {!detail && !loaded.error && <Spin />}
      {detail && target && (
        <>
          <Typography.Paragraph strong style={{ fontSize: 15 }}>
            {target.text}
          </Typography.Paragraph>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t("dashboard.panel.pillar")}>
              {pillarLabel(target.pillar, lang)}
            </Descriptions.Item>
            {target.indicatorName && (
              <Descriptions.Item label={t("dashboard.panel.indicator")}>
                {target.indicatorName}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t("dashboard.col.goal")}>
              {goalOf(target, num) || "—"}
            </Descriptions.Item>
            <Descriptions.Item
              label={
                detail.period
                  ? t("dashboard.panel.result", { period: period(detail.period) })
                  : t("dashboard.panel.noPeriod")
              }
            >
              <Space wrap size={[8, 4]}>
                <b data-testid="target-value">{figureText(target.value, target, num)}</b>
                <StatusTag target={target} />
                <TrendIcon target={target} />
                {target.expectedUnits > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t("dashboard.panel.basis", {
                      reported: num(target.reportingUnits),
                      expected: num(target.expectedUnits),
                    })}
                  </Typography.Text>
                )}
              </Space>
            </Descriptions.Item>
          </Descriptions>
          {detail.series.length > 1 && (
            <>
              <Typography.Title level={5}>{t("dashboard.panel.series")}</Typography.Title>
              <List
                size="small"
                style={{ marginBottom: 16 }}
                dataSource={detail.series}
                renderItem={(s) => (
                  <List.Item style={{ paddingInline: 0 }}>
                    <span>{period({ key: s.periodKey, label: s.label })}</span>
                    <b>{figureText(s.value, target, num)}</b>
                  </List.Item>
                )}
              />
            </>
          )}
          {detail.ownUnitsOnly && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t("dashboard.panel.ownUnits")}
              data-testid="target-own-units"
            />
          )}
          <TargetUnits
            target={target}
            units={detail.units}
            loading={loaded.isFetching}
            unitId={unitId}
            onUnit={setUnitId}
          />
          {!onDashboard && (
            <Typography.Paragraph style={{ marginTop: 16 }}>
              <Link to={`/dashboard/${encodeURIComponent(planCode)}`}>
                {t("dashboard.panel.openDashboard")}
              </Link>
            </Typography.Paragraph>
          )}
        </>
      )}
    </Drawer>
  );
}
