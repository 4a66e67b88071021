import type { TReportingPeriod } from "@dtplan/contracts/reporting.ts";
import { Alert, Button } from "antd";
import { Link } from "react-router";
import { useSession } from "../../auth/session.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

/**
 * Why a period expects no unit (or leaves tasks unreported): the lead and coordinating
 * units closed with no successor — with the way out, passing their work on.
 */
export function UnownedAlert({ periods }: { periods: readonly TReportingPeriod[] }) {
  const { t, period } = useI18n();
  const { can } = useSession();
  const empty = periods.filter((p) => p.counts.expected === 0);
  const partial = periods.filter((p) => p.counts.expected > 0 && p.unowned.length > 0);
  const shown = empty.length ? empty : partial;
  if (shown.length === 0) return null;
  const labels =
    shown
      .map((p) => period(p))
      .slice(0, 4)
      .join(", ") + (shown.length > 4 ? ", …" : "");
  const units = [...new Map(shown.flatMap((p) => p.unowned).map((u) => [u.id, u.name])).values()];
  if (units.length === 0) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={t("periods.unowned.noTasks", { periods: labels })}
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      className="dt-unowned"
      style={{ marginBottom: 12 }}
      title={t(empty.length ? "periods.unowned.none" : "periods.unowned.some", { periods: labels })}
      description={
        <>
          {t("periods.unowned.why", { units: units.join(", ") })}{" "}
          {!can("org.manage") && t("periods.unowned.askAdmin")}
        </>
      }
      action={
        can("org.manage") && (
          <Link to="/admin/org">
            <Button>{t("periods.unowned.reassign")}</Button>
          </Link>
        )
      }
    />
  );
}
