import "../../i18n/cascade-messages.ts";
import type { TPlanCascade } from "@dtplan/contracts/cascade.ts";
import type { TPlanTarget } from "@dtplan/contracts/plans.ts";
import { Empty, Space, Tag, Tooltip, Typography } from "antd";
import { Link } from "react-router";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { formatNumber } from "../../lib/format.ts";
import { AttainmentTag } from "../public/public-tags.tsx";

type CascadeRow = TPlanCascade["targets"][number];
type ServeRow = TPlanCascade["serves"][number];

/** A figure with its unit: "81,5%", "12 sản phẩm". */
function useFigure() {
  const { lang } = useI18n();
  return (value: number | null, unit: string | null, aggregation?: string) => {
    if (value === null) return null;
    const n = formatNumber(value, lang, 1);
    const percent = unit === "%" || aggregation === "ratio" || aggregation === "boolean";
    return percent ? `${n}%` : unit ? `${n} ${unit}` : n;
  };
}

/** "2/2 xã có số liệu · kỳ Quý III năm 2026": where a rolled-up figure comes from. */
export function rollUpBasis(
  rollUp: CascadeRow["rollUp"],
  communes: number,
  t: ReturnType<typeof useI18n>["t"],
): string {
  const parts = [t("cascade.basis", { from: rollUp.from, of: Math.max(communes, rollUp.of) })];
  if (rollUp.periods.length === 1) parts.push(t("cascade.basis.period", { periods: rollUp.periods[0] }));
  if (rollUp.periods.length > 1)
    parts.push(t("cascade.basis.periods", { periods: rollUp.periods.join(", ") }));
  if (rollUp.matched < rollUp.of)
    parts.push(t("cascade.basis.matched", { matched: rollUp.matched, of: rollUp.of }));
  return parts.join(" · ");
}

/**
 * Các xã triển khai: per target of the province plan, the communes' corresponding targets with
 * their latest results, and the figure rolled up by the indicator's rule with its basis.
 */
export function CascadeTable({
  cascade,
  targets,
  onOpenTarget,
}: {
  cascade: TPlanCascade;
  targets: TPlanTarget[];
  /** A row's click opens the province target's panel; a commune's target opens in its own plan. */
  onOpenTarget?: (targetKey: string) => void;
}) {
  const { t } = useI18n();
  const figure = useFigure();
  const unitOf = new Map(targets.map((x) => [x.key, x.unit]));
  // A commune with two plans in force (one being replaced) is told apart by the plan's title.
  const names = cascade.implementers.map((p) => p.unit.name);
  const label = (p: { title: string; unit: { name: string } }) =>
    names.indexOf(p.unit.name) === names.lastIndexOf(p.unit.name)
      ? p.unit.name
      : `${p.unit.name} — ${p.title}`;
  if (cascade.implementers.length === 0) return <Empty description={t("cascade.empty")} />;
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }} data-testid="cascade-view">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t("cascade.intro", { n: cascade.implementers.length, of: cascade.communes })}{" "}
        {cascade.implementers.map((p, i) => (
          <span key={p.code}>
            {i > 0 && ", "}
            <Link to={`/plans/${p.code}`}>{label(p)}</Link>
          </span>
        ))}
      </Typography.Paragraph>
      <ResponsiveTable<CascadeRow>
        rowKey="targetKey"
        size="small"
        pagination={false}
        dataSource={cascade.targets}
        onRow={(x) =>
          onOpenTarget ? { onClick: () => onOpenTarget(x.targetKey), style: { cursor: "pointer" } } : {}
        }
        columns={[
          {
            title: t("cascade.col.target"),
            key: "target",
            render: (_: unknown, x) => (
              <>
                <div>{x.text}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {x.indicator
                    ? t(x.indicator.fromLower ? "cascade.ruleFromLower" : "cascade.rule", {
                        rule: t(`indicators.agg.${x.indicator.aggregation}`),
                      })
                    : t("cascade.noRule")}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t("cascade.col.rollUp"),
            key: "rollUp",
            width: 230,
            render: (_: unknown, x) => (
              <div data-testid="cascade-rollup">
                <b style={{ fontSize: 16 }}>
                  {figure(x.rollUp.value, unitOf.get(x.targetKey) ?? null, x.indicator?.aggregation) ?? "—"}
                </b>
                <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                  {rollUpBasis(x.rollUp, cascade.communes, t)}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t("cascade.col.communes"),
            key: "lower",
            width: "42%",
            render: (_: unknown, x) =>
              x.lower.length === 0 ? (
                <Typography.Text type="secondary">{t("cascade.noMatch")}</Typography.Text>
              ) : (
                <ul className="dt-cascade-list" style={{ margin: 0, paddingLeft: 16 }}>
                  {x.lower.map((l) => (
                    <li key={`${l.plan.code}-${l.targetKey}`}>
                      <Link
                        to={`/plans/${l.plan.code}?tab=targets&target=${l.targetKey}`}
                        onClick={(e) => e.stopPropagation()}
                      >
                        {label(l.plan)}
                      </Link>
                      :{" "}
                      <b>
                        {figure(l.value, unitOf.get(x.targetKey) ?? null, x.indicator?.aggregation) ??
                          t("cascade.noData")}
                      </b>
                      {l.period && <Typography.Text type="secondary"> ({l.period})</Typography.Text>}{" "}
                      {l.value !== null && <AttainmentTag value={l.attainment} />}{" "}
                      {!l.confirmed && (
                        <Tooltip title={t("cascade.unconfirmedHint")}>
                          <Tag color="gold">{t("cascade.unconfirmed")}</Tag>
                        </Tooltip>
                      )}
                      <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                        {l.text}
                      </Typography.Text>
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
    </Space>
  );
}

/** "Phục vụ chỉ tiêu của tỉnh": the province target a commune target serves, in its own column. */
export function ServesCell({ serve }: { serve: ServeRow | undefined }) {
  const { t } = useI18n();
  if (!serve?.higher) return <Typography.Text type="secondary">{t("cascade.servesNone")}</Typography.Text>;
  return (
    <span data-testid="serves-cell">
      {serve.higher.text}{" "}
      {!serve.confirmed && (
        <Tooltip title={t("cascade.unconfirmedHint")}>
          <Tag color="gold">{t("cascade.unconfirmed")}</Tag>
        </Tooltip>
      )}
    </span>
  );
}
