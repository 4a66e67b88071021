import {
  CheckOutlined,
  DeleteOutlined,
  EditOutlined,
  MergeCellsOutlined,
  ScissorOutlined,
} from "@ant-design/icons";
import type { TPlanTarget, TPlanTask } from "@dtplan/contracts/plans.ts";
import { Button, Dropdown, Popconfirm, Space, Tag, Tooltip, Typography } from "antd";
import { useI18n } from "../../i18n/i18n.tsx";
import { formatDate, formatPercent } from "../../lib/format.ts";
import { CheckFlag } from "./plan-tags.tsx";
import { goalText, lacksLead, type ReviewItem } from "./review-model.ts";

export interface ItemActions {
  onSelect: () => void;
  onEdit: () => void;
  onSplit: () => void;
  onMerge: (direction: "prev" | "next") => void;
  onDelete: () => void;
  canMerge: { prev: boolean; next: boolean };
  /** Quick fixes that save at once. */
  onConfirmIndicator: () => void;
  onSetLead: (unitId: string | null, none?: boolean) => void;
}

/** One extracted target or task in the review list, with its quick fixes. */
export function ItemCard({
  entry,
  selected,
  check,
  busy,
  actions,
}: {
  entry: ReviewItem;
  selected: boolean;
  check: boolean;
  busy: boolean;
  actions: ItemActions;
}) {
  const { t, lang } = useI18n();
  const stop = (fn: () => void) => (e: React.MouseEvent) => {
    e.stopPropagation();
    fn();
  };
  const className = `dt-item${selected ? " dt-item-selected" : ""}${check ? " dt-item-check" : ""}`;

  return (
    // biome-ignore lint/a11y/useSemanticElements: a card holding buttons cannot itself be a <button>
    <div
      className={className}
      data-item-id={entry.item.id}
      data-testid={`review-item-${entry.type}`}
      role="button"
      tabIndex={0}
      onClick={actions.onSelect}
      onKeyDown={(e) => {
        if (e.key === "Enter" && e.target === e.currentTarget) actions.onSelect();
      }}
    >
      <div className="dt-item-text">
        {check && <CheckFlag confidence={entry.item.confidence} />}
        {entry.type === "task" && entry.item.kind === "solution" && <Tag>{t("review.solution")}</Tag>}
        <Typography.Paragraph
          ellipsis={selected ? false : { rows: 3 }}
          style={{ display: "inline", marginBottom: 0 }}
        >
          {entry.item.text}
        </Typography.Paragraph>
      </div>
      {entry.type === "target" ? <TargetMeta target={entry.item} /> : <TaskMeta task={entry.item} />}
      <div className="dt-item-actions">
        {entry.type === "target" && entry.item.indicator && !entry.item.indicator.confirmed && (
          <Tooltip title={entry.item.indicator.name}>
            <Button
              size="small"
              icon={<CheckOutlined />}
              loading={busy}
              onClick={stop(actions.onConfirmIndicator)}
            >
              {t("item.indicatorConfirm")} {entry.item.indicator.code}
            </Button>
          </Tooltip>
        )}
        {entry.type === "task" && lacksLead(entry.item) && (
          <>
            {entry.item.lead.suggestions.slice(0, 2).map((s) => (
              <Button
                key={s.unitId}
                size="small"
                loading={busy}
                onClick={stop(() => actions.onSetLead(s.unitId))}
                data-testid="quick-lead"
              >
                {t("review.lead")}: {s.unitName} · {formatPercent(s.score * 100, lang, 0)}
              </Button>
            ))}
            <Button
              size="small"
              loading={busy}
              onClick={stop(() => actions.onSetLead(null, true))}
              data-testid="mark-no-lead"
            >
              {t("review.markNoLead")}
            </Button>
          </>
        )}
        <div style={{ flex: 1 }} />
        <Space size={2}>
          <Tooltip title={t("review.edit")}>
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              onClick={stop(actions.onEdit)}
              aria-label={t("review.edit")}
            />
          </Tooltip>
          <Tooltip title={t("review.split")}>
            <Button
              size="small"
              type="text"
              icon={<ScissorOutlined />}
              onClick={stop(actions.onSplit)}
              aria-label={t("review.split")}
            />
          </Tooltip>
          <Dropdown
            trigger={["click"]}
            menu={{
              items: [
                { key: "prev", label: t("review.mergePrev"), disabled: !actions.canMerge.prev },
                { key: "next", label: t("review.mergeNext"), disabled: !actions.canMerge.next },
              ],
              onClick: ({ key, domEvent }) => {
                domEvent.stopPropagation();
                actions.onMerge(key as "prev" | "next");
              },
            }}
          >
            <Button
              size="small"
              type="text"
              icon={<MergeCellsOutlined />}
              onClick={(e) => e.stopPropagation()}
              aria-label={t("review.merge")}
              title={t("review.merge")}
            />
          </Dropdown>
          <Popconfirm
            title={t("review.deleteConfirm")}
            okText={t("review.delete")}
            cancelText={t("common.cancel")}
            okButtonProps={{ danger: true }}
            onConfirm={(e) => {
              e?.stopPropagation();
              actions.onDelete();
            }}
            onPopupClick={(e) => e.stopPropagation()}
          >
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              onClick={(e) => e.stopPropagation()}
              aria-label={t("review.delete")}
            />
          </Popconfirm>
        </Space>
      </div>
    </div>
  );
}

function TargetMeta({ target }: { target: TPlanTarget }) {
  const { t, num, lang } = useI18n();
  const goal = goalText(target, (v) => num(v));
  return (
    <div className="dt-item-meta">
      {goal && (
        <span>
          <b>{goal}</b>
        </span>
      )}
      {target.scope && <span>{target.scope}</span>}
      {target.indicator ? (
        <span>
          {t("review.indicator")}: <b>{target.indicator.code}</b>{" "}
          <Tag color={target.indicator.confirmed ? "green" : "gold"} style={{ marginInlineEnd: 0 }}>
            {target.indicator.confirmed
              ? t("review.indicatorConfirmed")
              : target.indicator.score !== null
                ? t("review.score", { value: formatPercent(target.indicator.score * 100, lang, 0) })
                : t("review.indicatorUnconfirmed")}
          </Tag>
        </span>
      ) : (
        <Tag color="default">{t("review.noIndicator")}</Tag>
      )}
    </div>
  );
}

function TaskMeta({ task }: { task: TPlanTask }) {
  const { t } = useI18n();
  const deadline = task.recurring
    ? t("review.recurring")
    : task.deadline?.date
      ? `${formatDate(task.deadline.date)}${task.deadline.text ? ` (${task.deadline.text})` : ""}`
      : (task.deadline?.text ?? null);
  return (
    <div className="dt-item-meta">
      <span>
        {t("review.lead")}:{" "}
        {task.lead.unit ? (
          <b data-testid="task-lead">{task.lead.unit.name}</b>
        ) : task.lead.none ? (
          <i>{t("review.leadNone")}</i>
        ) : (
          <Tag color="red">{t("review.noLead")}</Tag>
        )}
        {!task.lead.unit && task.lead.text && (
          <Typography.Text type="secondary">
            {" "}
            — {t("review.leadAsWritten", { text: task.lead.text })}
          </Typography.Text>
        )}
      </span>
      {task.coordinators.length > 0 && (
        <span>
          {t("review.coordinators")}:{" "}
          {task.coordinators
            .map((c) => c.unit?.name ?? c.text ?? "")
            .filter(Boolean)
            .join("; ")}
        </span>
      )}
      <span>
        {t("review.deadline")}: {deadline ? <b>{deadline}</b> : <Tag>{t("review.noDeadline")}</Tag>}
      </span>
    </div>
  );
}
