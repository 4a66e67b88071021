import { ArrowDownOutlined, ArrowRightOutlined, ArrowUpOutlined } from "@ant-design/icons";
import type { TDashboardTarget } from "@dtplan/contracts/dashboard.ts";
import { ATTAINMENT_LABELS } from "@dtplan/domain/attainment/attainment.ts";
import { TREND_LABELS } from "@dtplan/domain/attainment/trend.ts";
import { Tag, Tooltip } from "antd";
import { useI18n } from "../../i18n/i18n.tsx";
import { ATTAINMENT_COLOR } from "../../lib/status-colors.ts";
import { goalText } from "../plans/review-model.ts";

type Num = (v: number | null | undefined) => string;

export function goalOf(x: TDashboardTarget, num: Num): string {
  return goalText(
    { comparator: x.comparator, value: x.targetValue, unit: x.unit, year: x.year } as Parameters<
      typeof goalText
    >[0],
    (v) => num(v),
  );
}

/** `75%` or `12 hệ thống`, "—" without a figure. */
export function figureText(
  value: number | null,
  x: Pick<TDashboardTarget, "percent" | "unit">,
  num: Num,
): string {
  if (value === null) return "—";
  return `${num(value)}${x.percent ? "%" : x.unit ? ` ${x.unit}` : ""}`;
}

export function StatusTag({ target }: { target: Pick<TDashboardTarget, "attainment"> }) {
  const { lang } = useI18n();
  return <Tag color={ATTAINMENT_COLOR[target.attainment]}>{ATTAINMENT_LABELS[target.attainment][lang]}</Tag>;
}

/** An arrow in the indicator's own sense (up = improving), with its label for screen readers. */
export function TrendIcon({ target }: { target: Pick<TDashboardTarget, "trend"> }) {
  const { lang } = useI18n();
  const label = TREND_LABELS[target.trend][lang];
  const icon =
    target.trend === "up" ? (
      <ArrowUpOutlined style={{ color: "#237804" }} />
    ) : target.trend === "down" ? (
      <ArrowDownOutlined style={{ color: "#cf1322" }} />
    ) : (
      <ArrowRightOutlined style={{ color: "#8c8c8c" }} />
    );
  return (
    <Tooltip title={label}>
      <span role="img" aria-label={label}>
        {icon}
      </span>
    </Tooltip>
  );
}
