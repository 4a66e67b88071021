import type { TBudgetItem, TCreateBudgetItem, TUpdateBudgetItem } from "@dtplan/contracts";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type BudgetItemRow, budgetItems, type PlanRow, planTasks } from "../../db/schema.ts";
import { AppError, notFound } from "../../errors.ts";
import { staleVersion } from "../../stale-version.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { readablePlanVersions } from "../plans/plan-access.ts";
import { currentVersion } from "../plans/plans.repository.ts";

const itemNotFound = () => notFound("Không tìm thấy hạng mục kinh phí.");

/** The plan's tasks by key (newest version's text), for linking and presenting items. */
async function tasksByKey(db: Database, versions: readonly PlanRow[]) {
  const current = currentVersion(versions);
  const rows = await db
    .select({ key: planTasks.key, id: planTasks.id, text: planTasks.text, planId: planTasks.planId })
    .from(planTasks)
    .where(
      and(
        eq(planTasks.tenantId, current.tenantId),
        inArray(
          planTasks.planId,
          versions.map((v) => v.id),
        ),
      ),
    );
  const rank = new Map(
    versions.map((v) => [v.id, v.id === current.id ? Number.MAX_SAFE_INTEGER : v.version]),
  );
  const byKey = new Map<string, { id: string | null; text: string; rank: number }>();
  for (const r of rows) {
    const seen = byKey.get(r.key);
    const rk = rank.get(r.planId) ?? 0;
    if (!seen || rk > seen.rank)
      byKey.set(r.key, { id: r.planId === current.id ? r.id : null, text: r.text, rank: rk });
  }
  return byKey;
}

export function presentBudgetItem(
  row: BudgetItemRow,
  tasks: Map<string, { id: string | null; text: string }>,
): TBudgetItem {
  const task = row.taskKey ? tasks.get(row.taskKey) : undefined;
  return {
    id: row.id,
    planCode: row.planCode,
    task: row.taskKey ? { key: row.taskKey, id: task?.id ?? null, text: task?.text ?? "" } : null,
    title: row.title,
    amountPlanned: Number(row.amountPlanned),
    amountDisbursed: Number(row.amountDisbursed),
    source: row.source,
    year: row.year,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Every line item of a plan (all versions share them: they go by plan code), presented. */
export async function listBudgetItems(db: Database, versions: readonly PlanRow[]): Promise<TBudgetItem[]> {
  const plan = versions[0];
  const [rows, tasks] = await Promise.all([
    db
      .select()
      .from(budgetItems)
      .where(and(eq(budgetItems.tenantId, plan.tenantId), eq(budgetItems.planCode, plan.code)))
      .orderBy(asc(budgetItems.year), asc(budgetItems.createdAt), asc(budgetItems.id)),
    tasksByKey(db, versions),
  ]);
  return rows.map((r) => presentBudgetItem(r, tasks));
}

async function assertTaskOfPlan(
  db: Database,
  versions: readonly PlanRow[],
  taskKey: string | null | undefined,
) {
  if (!taskKey) return;
  if (!(await tasksByKey(db, versions)).has(taskKey)) {
    throw new AppError("validation_failed", "Nhiệm vụ không thuộc kế hoạch này.", [
      { path: "body.taskKey", message: "Không thuộc kế hoạch" },
    ]);
  }
}

async function findItem(db: Database, plan: PlanRow, itemId: string): Promise<BudgetItemRow> {
  const [row] = await db
    .select()
    .from(budgetItems)
    .where(
      and(
        eq(budgetItems.tenantId, plan.tenantId),
        eq(budgetItems.planCode, plan.code),
        eq(budgetItems.id, itemId),
      ),
    )
    .limit(1);
  if (!row) throw itemNotFound();
  return row;
}

const auditValues = (r: BudgetItemRow) => ({
  title: r.title,
  taskKey: r.taskKey,
  amountPlanned: Number(r.amountPlanned),
  amountDisbursed: Number(r.amountDisbursed),
  source: r.source,
  year: r.year,
});

/** Hạng mục kinh phí of a plan the actor reads. */
export async function planBudgetItems(
  db: Database,
  { actor, code }: { actor: Actor; code: string },
): Promise<TBudgetItem[]> {
  return listBudgetItems(db, await readablePlanVersions(db, actor, code));
}

/** Thêm hạng mục kinh phí (the route has checked `plans.manage` on the plan's unit). */
export async function createBudgetItem(
  db: Database,
  { actor, code, input }: { actor: Actor; code: string; input: TCreateBudgetItem },
): Promise<TBudgetItem> {
  const versions = await readablePlanVersions(db, actor, code);
  const plan = versions[0];
  await assertTaskOfPlan(db, versions, input.taskKey);
  const row = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(budgetItems)
      .values({
        tenantId: plan.tenantId,
        planCode: plan.code,
        taskKey: input.taskKey ?? null,
        title: input.title,
        amountPlanned: input.amountPlanned,
        amountDisbursed: input.amountDisbursed ?? 0,
        source: input.source ?? null,
        year: input.year ?? null,
        createdBy: actor.id,
      })
      .returning();
    await recordAudit(tx, {
      tenantId: plan.tenantId,
      actorId: actor.id,
      action: "budget.item.create",
      entity: "budget_item",
      entityId: row.id,
      unitId: plan.unitId,
      after: { planCode: plan.code, ...auditValues(row) },
    });
    return row;
  });
  return presentBudgetItem(row, await tasksByKey(db, versions));
}

export async function updateBudgetItem(
  db: Database,
  { actor, code, itemId, input }: { actor: Actor; code: string; itemId: string; input: TUpdateBudgetItem },
): Promise<TBudgetItem> {
  const versions = await readablePlanVersions(db, actor, code);
  const plan = versions[0];
  await assertTaskOfPlan(db, versions, input.taskKey);
  const { version, ...fields } = input;
  const what = "Hạng mục kinh phí này";
  const updated = await db.transaction(async (tx) => {
    const before = await findItem(tx, plan, itemId);
    if (version !== undefined && version !== before.version) throw await staleVersion(tx, what, before);
    const [row] = await tx
      .update(budgetItems)
      .set({ ...fields, version: before.version + 1, updatedBy: actor.id, updatedAt: new Date() })
      // The version in the condition: of two saves racing from one version, one wins.
      .where(
        and(
          eq(budgetItems.tenantId, plan.tenantId),
          eq(budgetItems.id, itemId),
          eq(budgetItems.version, before.version),
        ),
      )
      .returning();
    if (!row) throw await staleVersion(tx, what, await findItem(tx, plan, itemId));
    await recordAudit(tx, {
      tenantId: plan.tenantId,
      actorId: actor.id,
      action: "budget.item.update",
      entity: "budget_item",
      entityId: row.id,
      unitId: plan.unitId,
      before: auditValues(before),
      after: auditValues(row),
    });
    return row;
  });
  return presentBudgetItem(updated, await tasksByKey(db, versions));
}

export async function deleteBudgetItem(
  db: Database,
  { actor, code, itemId }: { actor: Actor; code: string; itemId: string },
): Promise<void> {
  const plan = (await readablePlanVersions(db, actor, code))[0];
  await db.transaction(async (tx) => {
    const before = await findItem(tx, plan, itemId);
    await tx
      .delete(budgetItems)
      .where(and(eq(budgetItems.tenantId, plan.tenantId), eq(budgetItems.id, itemId)));
    await recordAudit(tx, {
      tenantId: plan.tenantId,
      actorId: actor.id,
      action: "budget.item.delete",
      entity: "budget_item",
      entityId: itemId,
      unitId: plan.unitId,
      before: { planCode: plan.code, ...auditValues(before) },
    });
  });
}
