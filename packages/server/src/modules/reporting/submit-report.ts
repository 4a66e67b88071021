import type { TReportAction } from "@dtplan/contracts";
import { reportNote } from "@dtplan/domain/reporting/period-label.ts";
import { unitTargets } from "@dtplan/domain/reporting/who-reports.ts";
import { vietnamDate } from "@dtplan/domain/time/vietnam.ts";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { preparedRead, rowsFromJson } from "../../db/json-rows.ts";
import { taskUpdates, type UnitReportRow, unitReports, type unitReportTasks } from "../../db/schema.ts";
import { conflict, type ErrorDetail } from "../../errors.ts";
import { recordAudits } from "../audit/audit.repository.ts";
import { audienceRoles, peopleFromJson, peoplePart } from "../notify/notify.ts";
import { refreshPlanSummaries } from "../plans/plan-summaries.ts";
import { type ReportRows, type ReportScope, reportRowsFromJson, reportRowsParts } from "./get-report.ts";
import { timelinessOf } from "./period-status.ts";
import { lockedReportParts } from "./reporting.repository.ts";
import { assertEditor, assertVersion, validationError } from "./save-draft.ts";
import { transition, transitionAudience } from "./workflow.ts";

/**
 * Nộp báo cáo: every led task has a progress and every indicator its figures
 * (numerator and denominator for a ratio). The first submission decides on time or
 * late. Each led task's progress that moved is written to the task (`task_updates`),
 * so the task page shows it, and only then the plan's stored summary is refreshed (a
 * submission changes no published figure by itself). Returns the report with the rows it
 * checked, which the submission leaves as they are (the answer needs no second read).
 */
export async function submitReport(
  db: Database,
  { scope, input, now = new Date() }: { scope: ReportScope; input: TReportAction; now?: Date },
): Promise<{ report: UnitReportRow; rows: ReportRows }> {
  assertEditor(scope);
  const { period, ru, basis } = scope;
  const actor = scope.ctx.actor;
  const audience = transitionAudience(scope, ru.unit.id, "submitted");
  return db.transaction(async (tx) => {
    const read = await readForSubmission(tx, {
      t: period.tenantId,
      period: period.id,
      unit: ru.unit.id,
      units: audience.unitIds,
      roles: audienceRoles(audience),
      actor: audience.except,
    });
    const [report] = rowsFromJson(unitReports, read.report);
    if (!report) throw conflict("Báo cáo chưa được lập; hãy mở và lưu báo cáo trước khi nộp.");
    if (report.status !== "draft" && report.status !== "returned") {
      throw conflict(
        report.status === "approved"
          ? "Báo cáo đã được duyệt và khoá số liệu."
          : "Báo cáo đã được nộp, đang chờ duyệt.",
      );
    }
    await assertVersion(tx, report, input.version);
    const rows: ReportRows = reportRowsFromJson(read);
    const { taskRows, valueRows } = rows;
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
      set: {
        submittedAt: now,
        submittedBy: actor.id,
        firstSubmittedAt: first,
        returnComment: null,
        onBehalfBy: scope.onBehalf ? actor.id : null,
      },
      // Nhập thay shows in the audit log beside who did it.
      extra: { timeliness, daysLate, ...(scope.onBehalf ? { onBehalf: true, unit: ru.unit.name } : {}) },
      targetKeys: valueRows.map((v) => v.targetKey),
      periodLocked: true,
      recipients: audience.unitIds.length ? peopleFromJson(read.reviewers) : [],
    });
    if (await writeTaskProgress(tx, scope, taskRows, now)) {
      await refreshPlanSummaries(tx, { tenantId: scope.ctx.plan.tenantId, planCode: scope.ctx.plan.code });
    }
    return { report: updated, rows };
  });
}

/**
 * What a submission reads first, in one statement: the report locked with its period
 * (lockedReportParts), its task lines and figures (what the completeness check reads) and the
 * plan's reviewers who hear of it (peoplePart) — three round trips in the transaction before.
 */
const readForSubmission = preparedRead(() => {
  const t = sql.placeholder("t");
  const locked = lockedReportParts(t, sql.placeholder("period"), sql.placeholder("unit"));
  return {
    with: locked.with,
    parts: {
      ...locked.parts,
      ...reportRowsParts(t, sql`(SELECT id FROM r)`),
      reviewers: peoplePart({
        tenantId: t,
        unitIds: sql`${sql.placeholder("units")}::uuid[]`,
        roles: sql`${sql.placeholder("roles")}::text[]`,
        except: sql`${sql.placeholder("actor")}::uuid`,
      }),
    },
  };
});

/** The led tasks whose progress moved, written as task progress updates; whether any moved. */
async function writeTaskProgress(
  tx: Database,
  scope: ReportScope,
  rows: readonly (typeof unitReportTasks.$inferSelect)[],
  now: Date,
): Promise<boolean> {
  const { ctx, ru, period } = scope;
  const byKey = new Map(rows.map((r) => [r.taskKey, r]));
  const moved = ru.tasks.flatMap(({ task, role }) => {
    const row = byKey.get(task.key);
    if (role !== "lead" || row?.progress == null || row.progress === task.progress) return [];
    const completedAt = row.progress === 100 ? (task.completedAt ?? vietnamDate(now)) : null;
    const note = reportNote(period, row.note);
    return [{ task, progress: row.progress, completedAt, note }];
  });
  if (moved.length === 0) return false;
  // Three statements for all the tasks, not three per task.
  const values = moved.map((m) => sql`(${m.task.key}::uuid, ${m.progress}::integer, ${m.completedAt}::date)`);
  await tx.execute(
    sql`UPDATE plan_tasks AS t SET progress = v.progress, completed_at = v.completed_at
          FROM (VALUES ${sql.join(values, sql`, `)}) AS v (key, progress, completed_at)
         WHERE t.tenant_id = ${ctx.plan.tenantId} AND t.key = v.key
           AND t.plan_id IN (SELECT id FROM plans WHERE tenant_id = ${ctx.plan.tenantId}
                               AND code = ${ctx.plan.code} AND status IN ('published', 'draft'))`,
  );
  await tx.insert(taskUpdates).values(
    moved.map((m) => ({
      tenantId: m.task.tenantId,
      taskKey: m.task.key,
      taskId: m.task.id,
      planId: ctx.plan.id,
      actorId: ctx.actor.id,
      progressBefore: m.task.progress,
      progress: m.progress,
      note: m.note,
      completedAt: m.completedAt,
      at: now,
    })),
  );
  await recordAudits(
    tx,
    moved.map((m) => ({
      tenantId: m.task.tenantId,
      actorId: ctx.actor.id,
      action: "task.progress",
      entity: "task",
      entityId: m.task.key,
      unitId: m.task.leadUnitId ?? ctx.plan.unitId,
      before: { progress: m.task.progress, completedAt: m.task.completedAt },
      after: {
        progress: m.progress,
        completedAt: m.completedAt,
        note: m.note,
        planCode: ctx.plan.code,
        period: period.key,
      },
    })),
  );
  return true;
}
