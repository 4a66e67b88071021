import type { TPlanDiff } from "@dtplan/contracts/plans.ts";
import { Tag, Typography } from "antd";
import { useI18n } from "../../i18n/i18n.tsx";
import { isMessageKey } from "../../i18n/translate.ts";
import { formatDate } from "../../lib/format.ts";
import { pillarLabel } from "./review-model.ts";

/** A diff value as a person reads it: dates dd/mm/yyyy, pillars and kinds by name, money in đồng. */
function useValueText() {
  const { t, lang, vnd, num } = useI18n();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return t("diff.empty");
    if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
    if (field === "pillar") return pillarLabel(String(value), lang);
    if (field === "kind") {
      const key = `plans.kind.${value}`;
      const itemKey = `item.kind.${value}`;
      if (isMessageKey(key)) return t(key);
      if (isMessageKey(itemKey)) return t(itemKey);
    }
    if (field === "budget" && typeof value === "number") return vnd(value);
    if (typeof value === "number") return num(value);
    if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (typeof value === "string") return value;
    return JSON.stringify(value);
  };
}

function FieldLabel({ field }: { field: string }) {
  const { t } = useI18n();
  const key = `diff.field.${field}`;
  return <>{isMessageKey(key) ? t(key) : field}</>;
}

function Change({ field, before, after }: { field: string; before: unknown; after: unknown }) {
  const text = useValueText();
  return (
    <div className="dt-diff-field">
      <FieldLabel field={field} />: <span className="dt-diff-old">{text(field, before)}</span> →{" "}
      <span className="dt-diff-new">{text(field, after)}</span>
    </div>
  );
}

/** Added / removed / changed items and plan fields, before → after. */
export function PlanDiffView({ diff }: { diff: TPlanDiff }) {
  const { t } = useI18n();
  const section = (label: string, d: TPlanDiff["targets"]) =>
    d.added.length + d.removed.length + d.changed.length > 0 && (
      <div style={{ marginTop: 8 }}>
        <Typography.Text strong>{label}</Typography.Text>
        <ul style={{ margin: "4px 0", paddingLeft: 18 }}>
          {d.added.map((x) => (
            <li key={`a-${x.key}`}>
              <Tag color="green">{t("detail.diff.added")}</Tag>
              <span className="dt-diff-new">{x.text}</span>
            </li>
          ))}
          {d.removed.map((x) => (
            <li key={`r-${x.key}`}>
              <Tag color="red">{t("detail.diff.removed")}</Tag>
              <span className="dt-diff-old">{x.text}</span>
            </li>
          ))}
          {d.changed.map((x) => (
            <li key={`c-${x.key}`}>
              <Tag color="blue">{t("detail.diff.changed")}</Tag>
              {x.text}
              {x.fields.map((f) => (
                <Change key={f.field} {...f} />
              ))}
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <div data-testid="plan-diff">
      {diff.plan.length > 0 && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text strong>{t("detail.diff.plan")}</Typography.Text>
          {diff.plan.map((f) => (
            <Change key={f.field} {...f} />
          ))}
        </div>
      )}
      {section(t("detail.diff.targets"), diff.targets)}
      {section(t("detail.diff.tasks"), diff.tasks)}
    </div>
  );
}
