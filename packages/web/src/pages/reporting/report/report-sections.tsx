import { Card, Empty, Form, Input } from "antd";
import { useCallback, useState } from "react";
import type { ReportRef } from "../../../api/reporting.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { TargetDrawer } from "../../dashboard/target-drawer.tsx";
import { TaskDrawer } from "../../tasks/lazy-task-drawer.tsx";
import type { ReportDraft } from "../report-model.ts";
import { type TaskDraft, TaskRow } from "./report-task-row.tsx";
import { ValueRow } from "./report-value-row.tsx";
import type { ReportAutosave } from "./use-report-autosave.ts";

/** The report's editable sections: tasks, figures, difficulties and proposals. */
export function ReportSections({
  autosave,
  reportRef,
  editable,
}: {
  autosave: ReportAutosave;
  reportRef: ReportRef;
  editable: boolean;
}) {
  const { t } = useI18n();
  const { report, draft, errors, edit } = autosave;
  // A task's or target's panel, opened from its text.
  const [openTask, setOpenTask] = useState<string | null>(null);
  const [openTarget, setOpenTarget] = useState<string | null>(null);

  const errorText = (path: string): string | undefined => {
    const e = errors[path];
    return e ? t(e) : undefined;
  };
  // Stable across renders (`edit` is), so the memoised rows re-render only when their own draft changes.
  const editTask = useCallback(
    (key: string, patch: Partial<TaskDraft>) =>
      edit(`task:${key}`, (d) => ({ ...d, tasks: { ...d.tasks, [key]: { ...d.tasks[key], ...patch } } })),
    [edit],
  );
  const editValue = useCallback(
    (key: string, patch: Partial<ReportDraft["values"][string]>) =>
      edit(`value:${key}`, (d) => ({ ...d, values: { ...d.values, [key]: { ...d.values[key], ...patch } } })),
    [edit],
  );

  return (
    <>
      <Form layout="vertical" component="div" disabled={!editable}>
        <Card title={t("report.section.tasks")} style={{ marginBottom: 12 }} data-testid="report-tasks">
          {report.tasks.length === 0 && <Empty description={t("report.noTasks")} />}
          {report.tasks.map((task, i) => (
            <TaskRow
              key={task.key}
              index={i + 1}
              task={task}
              draft={draft.tasks[task.key]}
              progressError={errorText(`task:${task.key}.progress`)}
              editable={editable}
              onEdit={editTask}
              onOpen={setOpenTask}
            />
          ))}
        </Card>

        <Card title={t("report.section.values")} style={{ marginBottom: 12 }} data-testid="report-values">
          {report.values.length === 0 && <Empty description={t("report.noValues")} />}
          {report.values.map((v, i) => (
            <ValueRow
              key={v.targetKey}
              index={i + 1}
              value={v}
              draft={draft.values[v.targetKey]}
              reportRef={reportRef}
              editable={editable}
              numeratorError={errorText(`value:${v.targetKey}.numerator`)}
              denominatorError={errorText(`value:${v.targetKey}.denominator`)}
              valueError={errorText(`value:${v.targetKey}.value`)}
              onEdit={editValue}
              onOpen={setOpenTarget}
            />
          ))}
        </Card>

        <Card title={t("report.section.difficulties")} style={{ marginBottom: 12 }}>
          <Input.TextArea
            aria-label={t("report.section.difficulties")}
            rows={4}
            maxLength={20_000}
            placeholder={editable ? t("report.difficultiesPlaceholder") : undefined}
            value={draft.difficulties}
            onChange={(e) => edit("difficulties", (d) => ({ ...d, difficulties: e.target.value }))}
          />
        </Card>
        <Card title={t("report.section.proposals")} style={{ marginBottom: 12 }}>
          <Input.TextArea
            aria-label={t("report.section.proposals")}
            rows={4}
            maxLength={20_000}
            placeholder={editable ? t("report.proposalsPlaceholder") : undefined}
            value={draft.proposals}
            onChange={(e) => edit("proposals", (d) => ({ ...d, proposals: e.target.value }))}
          />
        </Card>
      </Form>
      {/* Outside the form: a report no longer editable must not disable the panels' own actions. */}
      <TaskDrawer taskId={openTask} onClose={() => setOpenTask(null)} />
      <TargetDrawer
        planCode={reportRef.code}
        targetKey={openTarget}
        periodKey={reportRef.periodKey}
        onClose={() => setOpenTarget(null)}
      />
    </>
  );
}
