import { Alert, Button } from "antd";
import type { CSSProperties } from "react";
import { loadError } from "../api/query.ts";
import { useI18n } from "../i18n/i18n.tsx";

/** A read that failed: the server's message and a button to try again. Nothing while it has not failed. */
export function LoadError({
  query,
  style,
}: {
  query: { error: unknown; refetch: () => unknown };
  style?: CSSProperties;
}) {
  const { t } = useI18n();
  const error = loadError(query);
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={t("common.loadFailed")}
      description={error}
      style={style}
      action={<Button onClick={() => void query.refetch()}>{t("common.retry")}</Button>}
    />
  );
}
