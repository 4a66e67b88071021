import { Alert } from "antd";
import { useUser } from "../auth/session.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { formatDate } from "../lib/format.ts";

/**
 * Shown from sign-in on when a grant of the user is on a unit that no longer exists
 * (merged, split, closed): what they see there is history until an administrator
 * moves the grant to the successor.
 */
export function ClosedGrantsBanner() {
  const { t } = useI18n();
  const user = useUser();
  const closed = user.grants.filter((g) => g.unitClosedOn);
  if (closed.length === 0) return null;
  const units = [...new Map(closed.map((g) => [g.unitId, g])).values()]
    .map((g) => `${g.unitName} (${t("grants.closed", { date: formatDate(g.unitClosedOn) })})`)
    .join("; ");
  return (
    <Alert
      type="warning"
      showIcon
      className="dt-closed-grants"
      style={{ marginBottom: 16 }}
      title={t("grants.closedBanner", { units })}
    />
  );
}
