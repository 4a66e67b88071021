import { ToolOutlined } from "@ant-design/icons";
import { Card, Result, Typography } from "antd";
import { useT } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/translate.ts";

/** Capabilities still to come (the DTI index). */
export type Feature = "dti";

const POINTS: Record<Feature, MessageKey[]> = {
  dti: ["soon.dti.1", "soon.dti.2", "soon.dti.3"],
};

const TITLES: Record<Feature, MessageKey> = {
  dti: "nav.dti",
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
