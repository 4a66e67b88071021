import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  FileTextOutlined,
  MinusCircleOutlined,
  SyncOutlined,
} from "@ant-design/icons";
import type { TPublicTarget, TPublicTask } from "@dtplan/contracts/public.ts";
import { ATTAINMENT_LABELS } from "@dtplan/domain/attainment/attainment.ts";
import { TASK_STATUS_LABELS } from "@dtplan/domain/tasks/status.ts";
import { Tag } from "antd";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { ATTAINMENT_COLOR, TASK_STATUS_COLOR } from "../../lib/status-colors.ts";

// Each state has its own icon and words: the colour only repeats what they say.
const ATTAINMENT_ICON: Record<TPublicTarget["attainment"], ReactNode> = {
  achieved: <CheckCircleOutlined />,
  near: <ExclamationCircleOutlined />,
  not_achieved: <CloseCircleOutlined />,
  no_data: <MinusCircleOutlined />,
  qualitative: <FileTextOutlined />,
};

const TASK_STATUS_ICON: Record<TPublicTask["status"], ReactNode> = {
  not_started: <MinusCircleOutlined />,
  in_progress: <SyncOutlined />,
  done: <CheckCircleOutlined />,
  done_late: <ClockCircleOutlined />,
  overdue: <ExclamationCircleOutlined />,
};

export function AttainmentTag({ value }: { value: TPublicTarget["attainment"] }) {
  const { lang } = useI18n();
  const [color, icon] = [ATTAINMENT_COLOR[value], ATTAINMENT_ICON[value]];
  return (
    <Tag color={color} icon={icon} data-testid="attainment-tag" style={{ marginInlineEnd: 0 }}>
      {ATTAINMENT_LABELS[value][lang]}
    </Tag>
  );
}

export function TaskStatusTag({ value }: { value: TPublicTask["status"] }) {
  const { lang } = useI18n();
  const [color, icon] = [TASK_STATUS_COLOR[value], TASK_STATUS_ICON[value]];
  return (
    <Tag color={color} icon={icon} style={{ marginInlineEnd: 0 }}>
      {TASK_STATUS_LABELS[value][lang]}
    </Tag>
  );
}
