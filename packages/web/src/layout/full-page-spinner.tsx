import { Flex, Spin } from "antd";
import { useT } from "../i18n/i18n.tsx";

export function FullPageSpinner() {
  const t = useT();
  return (
    <Flex align="center" justify="center" style={{ minHeight: "60vh" }}>
      <Spin size="large" description={t("app.loading")} />
    </Flex>
  );
}
