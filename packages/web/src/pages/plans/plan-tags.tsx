import { WarningOutlined } from "@ant-design/icons";
import { Tag, Tooltip } from "antd";
import type { TPlanKind, TPlanStatus, TTaskStatus } from "../../api/endpoints.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { formatPercent } from "../../lib/format.ts";
import { PLAN_STATUS_COLOR, TASK_STATUS_COLOR } from "../../lib/status-colors.ts";

export function PlanStatusTag({ status }: { status: TPlanStatus }) {
  const { t } = useI18n();
  return <Tag color={PLAN_STATUS_COLOR[status]}>{t(`plans.status.${status}`)}</Tag>;
}

export function PlanKindText({ kind }: { kind: TPlanKind }) {
  const { t } = useI18n();
  return <>{t(`plans.kind.${kind}`)}</>;
}

export function TaskStatusTag({ status }: { status: TTaskStatus }) {
  const { t } = useI18n();
  return <Tag color={TASK_STATUS_COLOR[status]}>{t(`taskStatus.${status}`)}</Tag>;
}

/** "Cần kiểm tra" plus the extraction's confidence. */
export function CheckFlag({ confidence }: { confidence: number }) {
  const { t, lang } = useI18n();
  return (
    <Tooltip title={t("review.confidence", { value: formatPercent(confidence * 100, lang, 0) })}>
      <Tag color="orange" icon={<WarningOutlined />} className="dt-check-flag">
        {t("review.needsCheck")}
      </Tag>
    </Tooltip>
  );
}

export function periodText(p: { periodStart: number | null; periodEnd: number | null }): string {
  if (p.periodStart && p.periodEnd && p.periodStart !== p.periodEnd) return `${p.periodStart}–${p.periodEnd}`;
  return String(p.periodStart ?? p.periodEnd ?? "");
}
