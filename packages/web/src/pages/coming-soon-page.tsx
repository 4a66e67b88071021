import { ToolOutlined } from "@ant-design/icons";
import { Card, Result, Typography } from "antd";
import { useT } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/translate.ts";

export type Feature = "plans" | "myTasks" | "periods" | "reports" | "dti" | "indicators";

const POINTS: Record<Feature, MessageKey[]> = {
  plans: ["soon.plans.1", "soon.plans.2", "soon.plans.3"],
  myTasks: ["soon.myTasks.1", "soon.myTasks.2", "soon.myTasks.3"],
  periods: ["soon.periods.1", "soon.periods.2", "soon.periods.3"],
  reports: ["soon.reports.1", "soon.reports.2", "soon.reports.3"],
  dti: ["soon.dti.1", "soon.dti.2", "soon.dti.3"],
  indicators: ["soon.indicators.1", "soon.indicators.2", "soon.indicators.3"],
};

const TITLES: Record<Feature, MessageKey> = {
  plans: "nav.plans",
  myTasks: "nav.myTasks",
  periods: "nav.periods",
  reports: "nav.reports",
  dti: "nav.dti",
  indicators: "nav.indicators",
};

/** An honest placeholder for a capability not built yet: what it will do, no invented data. */
export default function ComingSoonPage({ feature }: { feature: Feature }) {
  const t = useT();
  return (
    <Card>
      <Result
        icon={<ToolOutlined style={{ color: "#1d4f91" }} />}
        title={t(TITLES[feature])}
        subTitle={t("soon.title")}
      >
        <div style={{ maxWidth: 640, margin: "0 auto" }}>
          <Typography.Paragraph strong>{t("soon.willDo")}</Typography.Paragraph>
          <ul style={{ paddingInlineStart: 20, marginTop: 0 }}>
            {POINTS[feature].map((key) => (
              <li key={key} style={{ marginBottom: 6 }}>
                {t(key)}
              </li>
            ))}
          </ul>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t("soon.meanwhile")}
          </Typography.Paragraph>
        </div>
      </Result>
    </Card>
  );
}
