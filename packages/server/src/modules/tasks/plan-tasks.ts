import type { TPillar, ZPlanTaskListQuery } from "@dtplan/contracts";
import { and, asc, eq, gte, inArray, lte, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "../../db/database.ts";
import { orgUnits, plans, planTasks } from "../../db/schema.ts";
import { todayIso } from "../../db/sql.ts";
import { forbidden } from "../../errors.ts";
import { subtreeIds } from "../access/access.repository.ts";
import type { Actor } from "../access/actor.ts";
import { readablePlanUnits } from "../plans/plan-access.ts";
import { presentTask } from "../plans/plans.presenter.ts";
import { statusOfTask } from "./task-status.ts";

/**
 * Tasks of the plans the actor may read (published versions unless `includeDrafts`),
 * filtered by plan, lead unit (and its subtree), pillar, deadline range and status.
 * Status is computed from the facts, so it is filtered after the query.
 */
export async function listPlanTasks(db: Database, actor: Actor, query: z.infer<typeof ZPlanTaskListQuery>) {
  const readable = await readablePlanUnits(db, actor);
  if (query.unitId && !readable.has(query.unitId)) throw forbidden();
  const leadUnits = query.unitId ? await subtreeIds(db, [query.unitId]) : null;
  const conditions: (SQL | undefined)[] = [
    inArray(plans.unitId, [...readable]),
    query.includeDrafts ? inArray(plans.status, ["published", "draft"]) : eq(plans.status, "published"),
    query.planCode ? eq(plans.code, query.planCode) : undefined,
    leadUnits ? inArray(planTasks.leadUnitId, leadUnits) : undefined,
    query.pillar ? eq(planTasks.pillar, query.pillar) : undefined,
    query.deadlineFrom ? gte(planTasks.deadlineDate, query.deadlineFrom) : undefined,
    query.deadlineTo ? lte(planTasks.deadlineDate, query.deadlineTo) : undefined,
  ];
  if (readable.size === 0) return { items: [], total: 0 };
  const rows = await db
    .select({ task: planTasks, plan: { code: plans.code, title: plans.title, version: plans.version } })
    .from(planTasks)
    .innerJoin(plans, and(eq(plans.tenantId, planTasks.tenantId), eq(plans.id, planTasks.planId)))
    .where(and(...conditions))
    .orderBy(asc(plans.code), asc(planTasks.position));
  const today = todayIso();
  const withStatus = rows
    .map((r) => ({
      ...r,
      status: statusOfTask(r.task, today),
    }))
    .filter((r) => !query.status || r.status === query.status);
  const page = withStatus.slice(query.offset, query.offset + query.limit);
  const unitIds = [
    ...new Set(page.flatMap((r) => [r.task.leadUnitId, ...r.task.coordinators.map((c) => c.unitId)])),
  ].filter((x): x is string => Boolean(x));
  const names = unitIds.length
    ? await db
        .select({ id: orgUnits.id, name: orgUnits.name })
        .from(orgUnits)
        .where(inArray(orgUnits.id, unitIds))
    : [];
  const ctx = { unitNames: new Map(names.map((n) => [n.id, n.name])), indicators: new Map() };
  return {
    items: page.map((r) => ({
      ...presentTask(
        {
          ...r.task,
          leadSuggestions: [],
          coordinators: r.task.coordinators.map((c) => ({ ...c, suggestions: [] })),
        },
        ctx,
      ),
      pillar: r.task.pillar as TPillar,
      plan: r.plan,
      status: r.status,
    })),
    total: withStatus.length,
  };
}
