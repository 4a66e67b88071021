/**
 * Tóm tắt kế hoạch — each plan's headline figures (targets, tasks by state, progress)
 * stored beside it, so lists of thousands of plans read one row per plan shown
 * instead of counting every task of every plan on each request.
 *
 * Every operation that changes a plan's tasks or targets calls `refreshPlanSummaries`
 * in its own transaction; the figures are the domain's (tasks/summary.ts), never a
 * second copy of the status rule in SQL. A test compares the stored rows with a fresh
 * count after the flows that write tasks.
 */
import { summariseTasks } from "@dtplan/domain/tasks/summary.ts";
import { foldedSearchText, foldVietnamese } from "@dtplan/domain/text/fold.ts";
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";
import { planSummaries, plans, planTargets, planTasks, publicDataVersions } from "../../db/schema.ts";

/** Recomputes the summaries of `planIds` (all of one tenant) from their tasks and targets. */
export async function writePlanSummaries(
  tx: Database,
  tenantId: string,
  planIds: readonly string[],
): Promise<void> {
  if (planIds.length === 0) return;
  const ids = [...planIds];
  const [tasks, targetCounts, planRows] = await Promise.all([
    tx
      .select({
        planId: planTasks.planId,
        deadline: planTasks.deadlineDate,
        recurring: planTasks.recurring,
        progress: planTasks.progress,
        completedAt: planTasks.completedAt,
      })
      .from(planTasks)
      .where(and(eq(planTasks.tenantId, tenantId), inArray(planTasks.planId, ids))),
    tx
      .select({ planId: planTargets.planId, n: sql<number>`count(*)::int` })
      .from(planTargets)
      .where(and(eq(planTargets.tenantId, tenantId), inArray(planTargets.planId, ids)))
      .groupBy(planTargets.planId),
    queryRows<{
      id: string;
      title: string;
      code: string;
      document_number: string | null;
      unit_name: string | null;
      province_name: string | null;
    }>(
      tx,
      sql`SELECT p.id, p.title, p.code, p.document_number, iu.name AS unit_name, prov.name AS province_name
            FROM plans p
            LEFT JOIN org_units iu ON iu.tenant_id = p.tenant_id AND iu.id = p.unit_id
            LEFT JOIN org_units prov ON prov.tenant_id = p.tenant_id AND prov.id = p.tenant_id
           WHERE p.tenant_id = ${tenantId} AND p.id IN (${sql.join(
             ids.map((id) => sql`${id}`),
             sql`, `,
           )})`,
    ),
  ]);
  const planOf = new Map(planRows.map((p) => [p.id, p]));
  const targetsOf = new Map(targetCounts.map((r) => [r.planId, Number(r.n)]));
  const tasksOf = new Map<string, typeof tasks>(ids.map((id) => [id, []]));
  for (const t of tasks) tasksOf.get(t.planId)?.push(t);
  const now = new Date();
  const rows = ids.map((planId) => {
    const plan = planOf.get(planId);
    const s = summariseTasks((tasksOf.get(planId) ?? []).map((t) => ({ ...t, progress: t.progress ?? 0 })));
    return {
      tenantId,
      planId,
      targetCount: targetsOf.get(planId) ?? 0,
      taskTotal: s.total,
      taskDone: s.done,
      taskDoneLate: s.doneLate,
      taskStarted: s.started,
      progressSum: s.progressSum,
      dueDates: s.dueDates,
      searchText: foldedSearchText(
        plan?.title,
        plan?.code,
        plan?.document_number,
        plan?.unit_name,
        plan?.province_name,
      ),
      titleKey: foldVietnamese(plan?.title ?? ""),
      refreshedAt: now,
    };
  });
  await tx
    .insert(planSummaries)
    .values(rows)
    .onConflictDoUpdate({
      target: [planSummaries.tenantId, planSummaries.planId],
      set: {
        targetCount: sql`excluded.target_count`,
        taskTotal: sql`excluded.task_total`,
        taskDone: sql`excluded.task_done`,
        taskDoneLate: sql`excluded.task_done_late`,
        taskStarted: sql`excluded.task_started`,
        progressSum: sql`excluded.progress_sum`,
        dueDates: sql`excluded.due_dates`,
        searchText: sql`excluded.search_text`,
        titleKey: sql`excluded.title_key`,
        refreshedAt: sql`excluded.refreshed_at`,
      },
    });
}

/**
 * What the public may see of `tenantId` changed: cached public answers made before
 * are stale. Call it in the transaction that makes the change.
 */
export async function publicDataChanged(tx: Database, tenantId: string): Promise<void> {
  await tx
    .insert(publicDataVersions)
    .values({ tenantId })
    .onConflictDoUpdate({
      target: publicDataVersions.tenantId,
      set: { version: sql`${publicDataVersions.version} + 1`, changedAt: sql`now()` },
    });
}

/**
 * Refreshes the summaries of the plan `planCode` of `tenantId` — its published version
 * and its draft, which share task keys — and marks the province's public data changed.
 */
export async function refreshPlanSummaries(
  tx: Database,
  { tenantId, planCode }: { tenantId: string; planCode: string },
): Promise<void> {
  const versions = await tx
    .select({ id: plans.id })
    .from(plans)
    .where(
      and(
        eq(plans.tenantId, tenantId),
        eq(plans.code, planCode),
        inArray(plans.status, ["published", "draft"]),
      ),
    );
  await writePlanSummaries(
    tx,
    tenantId,
    versions.map((v) => v.id),
  );
  await publicDataChanged(tx, tenantId);
}
