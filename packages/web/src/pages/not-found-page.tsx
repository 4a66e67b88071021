import { Button, Result } from "antd";
import { useNavigate } from "react-router";
import { useT } from "../i18n/i18n.tsx";

export default function NotFoundPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t("error.notFoundTitle")}
      subTitle={t("error.notFound")}
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          {t("error.toHome")}
        </Button>
      }
    />
  );
}
