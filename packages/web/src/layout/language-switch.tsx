import { Segmented, Tooltip } from "antd";
import { reloadWordedReads } from "../api/query.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { Lang } from "../lib/format.ts";

/** VI / EN; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Tooltip title={t("app.language")}>
      <Segmented<Lang>
        aria-label={t("app.language")}
        size="small"
        value={lang}
        onChange={(next) => {
          setLang(next);
          void reloadWordedReads();
        }}
        options={[
          { label: <span title={t("app.lang.vi")}>VI</span>, value: "vi" },
          { label: <span title={t("app.lang.en")}>EN</span>, value: "en" },
        ]}
      />
    </Tooltip>
  );
}
