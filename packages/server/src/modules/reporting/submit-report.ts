import type { TReportAction } from "@dtplan/contracts";
import { unitTargets } from "@dtplan/domain/reporting/who-reports.ts";
import { vietnamDate } from "@dtplan/domain/time/vietnam.ts";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { plans, planTasks, taskUpdates, type UnitReportRow, type unitReportTasks } from "../../db/schema.ts";
import { conflict, type ErrorDetail } from "../../errors.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { refreshPlanSummaries } from "../plans/plan-summaries.ts";
import { loadReportRows, type ReportScope } from "./get-report.ts";
import { timelinessOf } from "./period-status.ts";
import { findReport } from "./reporting.repository.ts";
import { assertEditor, assertVersion, validationError } from "./save-draft.ts";
import { transition } from "./workflow.ts";

/**
 * Nộp báo cáo: every led task has a progress and every indicator its figures
 * (numerator and denominator for a ratio). The first submission decides on time or
 * late. Each led task's progress that moved is written to the task (`task_updates`),
 * so the task page shows it.
 */
export async function submitReport(
  db: Database,
  { scope, input, now = new Date() }: { scope: ReportScope; input: TReportAction; now?: Date },
): Promise<UnitReportRow> {
  assertEditor(scope);
  const { period, ru, basis } = scope;
  const actor = scope.ctx.actor;
  return db.transaction(async (tx) => {
    const report = await findReport(tx, period, ru.unit.id, true);
    if (!report) throw conflict("Báo cáo chưa được lập; hãy mở và lưu báo cáo trước khi nộp.");
    if (report.status !== "draft" && report.status !== "returned") {
      throw conflict(
        report.status === "approved"
          ? "Báo cáo đã được duyệt và khoá số liệu."
          : "Báo cáo đã được nộp, đang chờ duyệt.",
      );
    }
    await assertVersion(tx, report, input.version);
    const { taskRows, valueRows } = await loadReportRows(tx, report);
    const progress = new Map(taskRows.map((t) => [t.taskKey, t]));
    const values = new Map(valueRows.map((v) => [v.targetKey, v]));
    const details: ErrorDetail[] = [];
    for (const { task, role } of ru.tasks) {
      if (role === "lead" && (progress.get(task.key)?.progress ?? null) === null) {
        details.push({
          path: `tasks.${task.key}.progress`,
          message: `Chưa nhập tiến độ nhiệm vụ «${task.text.slice(0, 80)}»`,
        });
      }
    }
    for (const { target, indicator } of unitTargets(basis, ru)) {
      const v = values.get(target.key);
      if (indicator.aggregation === "ratio") {
        if (v?.numerator == null) {
          details.push({
            path: `values.${target.key}.numerator`,
            message: `Thiếu ${indicator.numeratorLabel ?? "tử số"} của chỉ số «${indicator.name}»`,
          });
        }
        if (v?.denominator == null) {
          details.push({
            path: `values.${target.key}.denominator`,
            message: `Thiếu ${indicator.denominatorLabel ?? "mẫu số"} của chỉ số «${indicator.name}»`,
          });
        }
      } else if (v?.value == null) {
        details.push({
          path: `values.${target.key}.value`,
          message: `Thiếu số liệu chỉ số «${indicator.name}»`,
        });
      }
    }
    if (details.length) throw validationError(details);

    const first = report.firstSubmittedAt ?? now;
    const { timeliness, daysLate } = timelinessOf(period, { firstSubmittedAt: first }, vietnamDate(now));
    const updated = await transition(tx, scope, report, {
      action: "submitted",
      to: "submitted",
      now,
      set: { submittedAt: now, submittedBy: actor.id, firstSubmittedAt: first, returnComment: null },
      extra: { timeliness, daysLate },
    });
    await writeTaskProgress(tx, scope, taskRows, now);
    await refreshPlanSummaries(tx, { tenantId: scope.ctx.plan.tenantId, planCode: scope.ctx.plan.code });
    return updated;
  });
}

/** The led tasks whose progress moved, written as task progress updates. */
async function writeTaskProgress(
  tx: Database,
  scope: ReportScope,
  rows: readonly (typeof unitReportTasks.$inferSelect)[],
  now: Date,
): Promise<void> {
  const { ctx, ru, period } = scope;
  const byKey = new Map(rows.map((r) => [r.taskKey, r]));
  const sameCode = tx
    .select({ id: plans.id })
    .from(plans)
    .where(
      and(
        eq(plans.tenantId, ctx.plan.tenantId),
        eq(plans.code, ctx.plan.code),
        inArray(plans.status, ["published", "draft"]),
      ),
    );
  for (const { task, role } of ru.tasks) {
    const row = byKey.get(task.key);
    if (role !== "lead" || row?.progress == null || row.progress === task.progress) continue;
    const completedAt = row.progress === 100 ? (task.completedAt ?? vietnamDate(now)) : null;
    await tx
      .update(planTasks)
      .set({ progress: row.progress, completedAt })
      .where(
        and(
          eq(planTasks.tenantId, task.tenantId),
          eq(planTasks.key, task.key),
          inArray(planTasks.planId, sameCode),
        ),
      );
    const note = `Báo cáo ${period.label}${row.note ? `: ${row.note}` : ""}`;
    await tx.insert(taskUpdates).values({
      tenantId: task.tenantId,
      taskKey: task.key,
      taskId: task.id,
      planId: ctx.plan.id,
      actorId: ctx.actor.id,
      progressBefore: task.progress,
      progress: row.progress,
      note,
      completedAt,
      at: now,
    });
    await recordAudit(tx, {
      tenantId: task.tenantId,
      actorId: ctx.actor.id,
      action: "task.progress",
      entity: "task",
      entityId: task.key,
      unitId: task.leadUnitId ?? ctx.plan.unitId,
      before: { progress: task.progress, completedAt: task.completedAt },
      after: { progress: row.progress, completedAt, note, planCode: ctx.plan.code, period: period.key },
    });
  }
}
