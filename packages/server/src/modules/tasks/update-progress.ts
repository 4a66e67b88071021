import type { TTaskDetail, TUpdateProgress } from "@dtplan/contracts";
import type { Lang } from "@dtplan/domain/text/format.ts";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { plans, planTasks, taskUpdates } from "../../db/schema.ts";
import { todayIso } from "../../db/sql.ts";
import { AppError, conflict } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { refreshPlanSummaries } from "../plans/plan-summaries.ts";
import { assertCan, readableTask, workingTask } from "./task-access.ts";
import { taskDetail } from "./task-history.ts";

/** The newest progress update of a task (by key), if any. */
export async function latestUpdate(db: Database, tenantId: string, taskKey: string) {
  const [row] = await db
    .select()
    .from(taskUpdates)
    .where(and(eq(taskUpdates.tenantId, tenantId), eq(taskUpdates.taskKey, taskKey)))
    .orderBy(desc(taskUpdates.at), desc(taskUpdates.id))
    .limit(1);
  return row ?? null;
}

/**
 * Cập nhật tiến độ — by a reporter of the lead unit (or its subtree) or a focal
 * officer, on the task in the plan's published version. 100% completes the task
 * (on `completedAt`, default today); less reopens it. The progress is copied to an
 * amendment draft in progress so publishing it does not roll the figure back.
 */
export async function updateProgress(
  db: Database,
  {
    actor,
    taskId,
    input,
    lang = "vi",
  }: { actor: Actor; taskId: string; input: TUpdateProgress; lang?: Lang },
): Promise<TTaskDetail> {
  const ctx = await readableTask(db, actor, taskId);
  assertCan(
    ctx.can.updateProgress,
    "Chỉ cán bộ báo cáo của đơn vị chủ trì hoặc chuyên viên đầu mối được cập nhật tiến độ nhiệm vụ này.",
  );
  const today = todayIso();
  if (input.completedAt && input.completedAt > today) {
    throw new AppError("validation_failed", "Ngày hoàn thành không được sau hôm nay.", [
      { path: "body.completedAt", message: "Sau ngày hôm nay" },
    ]);
  }
  const updated = await db.transaction(async (tx) => {
    const { task, plan } = await workingTask(tx, ctx, true);
    const last = await latestUpdate(tx, task.tenantId, task.key);
    if (input.lastUpdateId !== undefined && input.lastUpdateId !== (last?.id ?? null)) {
      throw conflict("Tiến độ nhiệm vụ vừa được người khác cập nhật; hãy tải lại trang rồi thử lại.");
    }
    const completedAt = input.progress === 100 ? (input.completedAt ?? task.completedAt ?? today) : null;
    // Saved as it was, with nothing to say: no line in the task's history that tells nothing.
    if (input.progress === task.progress && completedAt === task.completedAt && !input.note?.trim())
      return task.id;
    const sameCode = tx
      .select({ id: plans.id })
      .from(plans)
      .where(
        and(
          eq(plans.tenantId, plan.tenantId),
          eq(plans.code, plan.code),
          inArray(plans.status, ["published", "draft"]),
        ),
      );
    await tx
      .update(planTasks)
      .set({ progress: input.progress, completedAt })
      .where(
        and(
          eq(planTasks.tenantId, task.tenantId),
          eq(planTasks.key, task.key),
          inArray(planTasks.planId, sameCode),
        ),
      );
    await refreshPlanSummaries(tx, { tenantId: plan.tenantId, planCode: plan.code });
    const [update] = await tx
      .insert(taskUpdates)
      .values({
        tenantId: task.tenantId,
        taskKey: task.key,
        taskId: task.id,
        planId: plan.id,
        actorId: actor.id,
        progressBefore: task.progress,
        progress: input.progress,
        note: input.note || null,
        completedAt,
      })
      .returning();
    await recordAudit(tx, {
      tenantId: task.tenantId,
      actorId: actor.id,
      action: "task.progress",
      entity: "task",
      entityId: task.key,
      unitId: task.leadUnitId ?? plan.unitId,
      before: { progress: task.progress, completedAt: task.completedAt },
      after: { progress: input.progress, completedAt, note: update.note, planCode: plan.code },
    });
    return task.id;
  });
  return taskDetail(db, await readableTask(db, actor, updated), lang);
}
