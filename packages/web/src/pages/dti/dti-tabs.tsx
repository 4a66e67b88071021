import { Segmented } from "antd";
import { useNavigate } from "react-router";
import { useI18n } from "../../i18n/i18n.tsx";

/** Between the DTI's two lists: rounds (everyone with a part in them) and frameworks. */
export function DtiTabs({ active }: { active: "rounds" | "frameworks" }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Segmented
      style={{ marginBottom: 12 }}
      value={active}
      onChange={(v) => navigate(v === "rounds" ? "/dti" : "/dti/frameworks")}
      options={[
        { value: "rounds", label: t("dti.tab.rounds") },
        { value: "frameworks", label: t("dti.tab.frameworks") },
      ]}
    />
  );
}
