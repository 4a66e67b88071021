import type { TReportTask } from "@dtplan/contracts/reporting.ts";
import { Form, Input, InputNumber, Slider, Space, Tag, Typography } from "antd";
import { memo } from "react";
import { useI18n } from "../../../i18n/i18n.tsx";
import { formatDate } from "../../../lib/format.ts";

/** A form item's error state, as antd's `Form.Item` takes it. */
export interface FieldState {
  validateStatus?: "error";
  help?: string;
}

/** The error state of a field from its message (none when the field is right). */
export function fieldState(message: string | undefined): FieldState {
  return message ? { validateStatus: "error", help: message } : {};
}

export type TaskDraft = { progress: number | null; note: string };

/**
 * One task the unit reports on: its progress (when it leads it) and a note.
 * Memoised with a stable `onEdit`, so a keystroke re-renders its own row only:
 * a report holds dozens of rows, and re-rendering them all on each key was slow.
 */
export const TaskRow = memo(function TaskRow({
  index,
  task,
  draft,
  progressError,
  editable,
  onEdit,
  onOpen,
}: {
  index: number;
  task: TReportTask;
  editable: boolean;
  draft: TaskDraft;
  /** The progress field's error message, already in the user's language. */
  progressError: string | undefined;
  onEdit: (taskKey: string, patch: Partial<TaskDraft>) => void;
  /** Opens the task's panel (the one of Nhiệm vụ của tôi); stable, like `onEdit`. */
  onOpen: (taskId: string) => void;
}) {
  const { t, num } = useI18n();
  const onChange = (patch: Partial<TaskDraft>) => onEdit(task.key, patch);
  const deadline = task.recurring
    ? t("review.recurring")
    : task.deadline.date
      ? formatDate(task.deadline.date)
      : (task.deadline.text ?? t("common.notSet"));
  return (
    <div className="dt-report-row" data-testid="report-task" data-task-key={task.key}>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <b>{index}.</b>{" "}
        <Typography.Link
          // A real address (the task in Nhiệm vụ của tôi) for a keyboard or a new tab; a click opens the panel here.
          href={`/my-tasks?task=${task.taskId}`}
          onClick={(e) => {
            e.preventDefault();
            onOpen(task.taskId);
          }}
        >
          {task.text}
        </Typography.Link>
      </Typography.Paragraph>
      <Space size={6} wrap style={{ marginBottom: 8 }}>
        <Tag color={task.role === "lead" ? "blue" : "default"}>{t(`myTasks.role.${task.role}`)}</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("report.task.deadline", { value: deadline })}
        </Typography.Text>
        {task.lastProgress !== null && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            · {t("report.task.lastProgress", { value: `${num(task.lastProgress)}%` })}
          </Typography.Text>
        )}
      </Space>
      <div className="dt-report-fields">
        {task.progressRequired ? (
          <Form.Item
            label={t("report.task.progress")}
            style={{ minWidth: 320, marginBottom: 8 }}
            data-field={`task:${task.key}.progress`}
            {...fieldState(progressError)}
          >
            <Space align="center">
              <Slider
                min={0}
                max={100}
                style={{ width: 200 }}
                value={Math.min(100, Math.max(0, draft.progress ?? 0))}
                onChange={(v) => onChange({ progress: v })}
              />
              <InputNumber
                aria-label={t("report.task.progress")}
                value={draft.progress}
                onChange={(v) => onChange({ progress: v === null ? null : Math.round(Number(v)) })}
                suffix="%"
                style={{ width: 100 }}
              />
            </Space>
          </Form.Item>
        ) : (
          <Typography.Text type="secondary" style={{ display: "block", minWidth: 320, marginBottom: 8 }}>
            {t("report.task.coordinated")}
          </Typography.Text>
        )}
        <Form.Item label={t("report.task.note")} style={{ flex: 1, marginBottom: 8 }}>
          <Input.TextArea
            aria-label={t("report.task.note")}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={5000}
            placeholder={editable ? t("report.task.notePlaceholder") : undefined}
            value={draft.note}
            onChange={(e) => onChange({ note: e.target.value })}
          />
        </Form.Item>
      </div>
    </div>
  );
});
