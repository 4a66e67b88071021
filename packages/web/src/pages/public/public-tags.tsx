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

// Each state has its own icon and words: the colour only repeats what they say.
const ATTAINMENT: Record<TPublicTarget["attainment"], { color: string; icon: ReactNode }> = {
  achieved: { color: "success", icon: <CheckCircleOutlined /> },
  near: { color: "warning", icon: <ExclamationCircleOutlined /> },
  not_achieved: { color: "error", icon: <CloseCircleOutlined /> },
  no_data: { color: "default", icon: <MinusCircleOutlined /> },
  qualitative: { color: "purple", icon: <FileTextOutlined /> },
};

const TASK_STATUS: Record<TPublicTask["status"], { color: string; icon: ReactNode }> = {
  not_started: { color: "default", icon: <MinusCircleOutlined /> },
  in_progress: { color: "processing", icon: <SyncOutlined /> },
  done: { color: "success", icon: <CheckCircleOutlined /> },
  done_late: { color: "success", icon: <ClockCircleOutlined /> },
  overdue: { color: "error", icon: <ExclamationCircleOutlined /> },
};

export function AttainmentTag({ value }: { value: TPublicTarget["attainment"] }) {
  const { lang } = useI18n();
  const { color, icon } = ATTAINMENT[value];
  return (
    <Tag color={color} icon={icon} data-testid="attainment-tag" style={{ marginInlineEnd: 0 }}>
      {ATTAINMENT_LABELS[value][lang]}
    </Tag>
  );
}

export function TaskStatusTag({ value }: { value: TPublicTask["status"] }) {
  const { lang } = useI18n();
  const { color, icon } = TASK_STATUS[value];
  return (
    <Tag color={color} icon={icon} style={{ marginInlineEnd: 0 }}>
      {TASK_STATUS_LABELS[value][lang]}
    </Tag>
  );
}
