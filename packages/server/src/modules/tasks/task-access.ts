import { grantRoots, isAllowed } from "@dtplan/domain/access/access.ts";
import type { Permission } from "@dtplan/domain/access/roles.ts";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type PlanRow, type PlanTaskRow, plans, planTasks } from "../../db/schema.ts";
import { conflict, forbidden, notFound } from "../../errors.ts";
import { unitPath, unitPaths } from "../access/access.repository.ts";
import type { Actor } from "../access/actor.ts";
import { actorTenants, readablePlanUnits } from "../plans/plan-access.ts";

export const taskNotFound = () => notFound("Không tìm thấy nhiệm vụ.");

/** A task row with its plan and what the actor may do with it. */
export interface TaskContext {
  task: PlanTaskRow;
  plan: PlanRow;
  can: { updateProgress: boolean; comment: boolean; direct: boolean; attachEvidence: boolean };
}

async function pathOf(db: Database, unitId: string | null): Promise<string[]> {
  return unitId ? ((await unitPath(db, unitId))?.ids ?? []) : [];
}

/**
 * Whether `permission` reaches `unitId` from above (a grant on it or an ancestor) or
 * from below (a grant on a unit inside its subtree): "reporters of the lead unit or
 * its subtree".
 */
async function reachesUnit(
  db: Database,
  actor: Actor,
  permission: Permission,
  unitId: string | null,
  path: string[],
): Promise<boolean> {
  if (!unitId) return false;
  if (isAllowed(actor.grants, permission, path)) return true;
  const roots = grantRoots(actor.grants, permission);
  if (roots.length === 0) return false;
  const paths = await unitPaths(db, roots);
  return roots.some((root) => paths.get(root)?.ids.includes(unitId));
}

/** What the actor may do on a task (reading is checked separately). */
export async function taskPermissions(db: Database, actor: Actor, task: PlanTaskRow, plan: PlanRow) {
  const [planPath, leadPath] = await Promise.all([pathOf(db, plan.unitId), pathOf(db, task.leadUnitId)]);
  const focal =
    isAllowed(actor.grants, "plans.manage", planPath) || isAllowed(actor.grants, "plans.manage", leadPath);
  const leadReporter = await reachesUnit(db, actor, "reports.submit", task.leadUnitId, leadPath);
  let coordinatorReporter = false;
  for (const c of task.coordinators) {
    if (coordinatorReporter || !c.unitId) continue;
    coordinatorReporter = await reachesUnit(
      db,
      actor,
      "reports.submit",
      c.unitId,
      await pathOf(db, c.unitId),
    );
  }
  const direct =
    isAllowed(actor.grants, "reports.review", planPath) ||
    isAllowed(actor.grants, "reports.review", leadPath);
  const updateProgress = focal || leadReporter;
  return {
    updateProgress,
    comment: updateProgress || coordinatorReporter || direct,
    direct,
    attachEvidence: updateProgress || coordinatorReporter,
  };
}

/** The task with this id if the actor may read its plan; 404 otherwise (no hint it exists). */
export async function readableTask(db: Database, actor: Actor, taskId: string): Promise<TaskContext> {
  const tenants = actorTenants(actor);
  if (tenants.length === 0) throw taskNotFound();
  const [row] = await db
    .select({ task: planTasks, plan: plans })
    .from(planTasks)
    .innerJoin(plans, and(eq(plans.tenantId, planTasks.tenantId), eq(plans.id, planTasks.planId)))
    .where(and(inArray(planTasks.tenantId, tenants), eq(planTasks.id, taskId)))
    .limit(1);
  if (!row) throw taskNotFound();
  const readable = await readablePlanUnits(db, actor);
  if (!readable.has(row.plan.unitId)) throw taskNotFound();
  return { ...row, can: await taskPermissions(db, actor, row.task, row.plan) };
}

/** Any task row with this key that the actor may read (evidence and history go by key). */
export async function readableTaskByKey(
  db: Database,
  actor: Actor,
  tenantId: string,
  key: string,
): Promise<TaskContext> {
  const [row] = await db
    .select({ id: planTasks.id })
    .from(planTasks)
    .innerJoin(plans, and(eq(plans.tenantId, planTasks.tenantId), eq(plans.id, planTasks.planId)))
    .where(and(eq(planTasks.tenantId, tenantId), eq(planTasks.key, key)))
    .orderBy(desc(plans.version))
    .limit(1);
  if (!row) throw taskNotFound();
  return readableTask(db, actor, row.id);
}

/**
 * The row people work on: the same task (by key) in the plan's published version.
 * Progress, comments and evidence go there, whichever version the caller opened.
 */
export async function workingTask(db: Database, ctx: TaskContext, lock = false): Promise<TaskContext> {
  const query = db
    .select({ task: planTasks, plan: plans })
    .from(planTasks)
    .innerJoin(plans, and(eq(plans.tenantId, planTasks.tenantId), eq(plans.id, planTasks.planId)))
    .where(
      and(
        eq(planTasks.tenantId, ctx.task.tenantId),
        eq(planTasks.key, ctx.task.key),
        eq(plans.code, ctx.plan.code),
        eq(plans.status, "published"),
      ),
    )
    .limit(1);
  const [row] = lock ? await query.for("update", { of: planTasks }) : await query;
  if (!row) {
    throw conflict(
      ctx.plan.status === "draft"
        ? "Kế hoạch chưa ban hành nên chưa theo dõi được tiến độ nhiệm vụ."
        : "Nhiệm vụ không còn trong phiên bản kế hoạch đang có hiệu lực.",
    );
  }
  return { ...row, can: ctx.can };
}

export function assertCan(allowed: boolean, message: string): void {
  if (!allowed) throw forbidden(message);
}
