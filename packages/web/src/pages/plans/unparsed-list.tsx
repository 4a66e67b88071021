import type { TPlanReview } from "@dtplan/contracts/plans.ts";
import { Alert, Button, Typography } from "antd";
import type { TItemType } from "../../api/endpoints.ts";
import { useI18n } from "../../i18n/i18n.tsx";

type Unparsed = TPlanReview["unparsed"][number];

/** The blocks no rule understood, each addable as a target or a task (ids `unparsed-<i>`). */
export function UnparsedList({
  unparsed,
  selectedId,
  onSelect,
  onAdd,
}: {
  unparsed: Unparsed[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onAdd: (type: TItemType, block: Unparsed) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <Alert
        type={unparsed.length > 0 ? "warning" : "success"}
        showIcon
        style={{ margin: "8px 0 12px" }}
        title={unparsed.length > 0 ? t("review.unparsedIntro") : t("review.unparsedNone")}
      />
      {unparsed.map((u, i) => {
        const id = `unparsed-${i}`;
        return (
          // biome-ignore lint/a11y/useSemanticElements: a card holding buttons cannot itself be a <button>
          <div
            key={id}
            data-item-id={id}
            className={`dt-item${selectedId === id ? " dt-item-selected" : ""}`}
            role="button"
            tabIndex={0}
            onClick={() => onSelect(id)}
            onKeyDown={(e) => e.key === "Enter" && onSelect(id)}
          >
            {u.section && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("review.section")}: {u.section}
              </Typography.Text>
            )}
            <div className="dt-item-text dt-split-text">{u.text}</div>
            <div className="dt-item-actions">
              <Button
                size="small"
                onClick={(e) => {
                  e.stopPropagation();
                  onAdd("target", u);
                }}
              >
                {t("review.addAsTarget")}
              </Button>
              <Button
                size="small"
                onClick={(e) => {
                  e.stopPropagation();
                  onAdd("task", u);
                }}
              >
                {t("review.addAsTask")}
              </Button>
            </div>
          </div>
        );
      })}
    </>
  );
}
