import type { TPillar, ZPlanTaskListQuery } from "@dtplan/contracts";
import { and, asc, count, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "../../db/database.ts";
import { orgUnits, plans, planTasks } from "../../db/schema.ts";
import { todayIso } from "../../db/sql.ts";
import { forbidden } from "../../errors.ts";
import { subtreeIds } from "../access/access.repository.ts";
import type { Actor } from "../access/actor.ts";
import { grantTenants, readablePlanUnits } from "../plans/plan-access.ts";
import { presentTask } from "../plans/plans.presenter.ts";
import { statusOfTask, taskStatusSql } from "./task-status.ts";

/**
 * Tasks of the plans the actor may read (published versions unless `includeDrafts`),
 * filtered by plan, lead unit (and its subtree), pillar, deadline range and status, and
 * paged, in the query (status by the SQL form of the domain rule).
 */
export async function listPlanTasks(db: Database, actor: Actor, query: z.infer<typeof ZPlanTaskListQuery>) {
  const readable = await readablePlanUnits(db, actor);
  if (query.unitId && !readable.has(query.unitId)) throw forbidden();
  const leadUnits = query.unitId ? await subtreeIds(db, [query.unitId]) : null;
  const conditions: (SQL | undefined)[] = [
    inArray(plans.tenantId, grantTenants(actor)),
    inArray(plans.unitId, [...readable]),
    query.includeDrafts ? inArray(plans.status, ["published", "draft"]) : eq(plans.status, "published"),
    query.planCode ? eq(plans.code, query.planCode) : undefined,
    leadUnits ? inArray(planTasks.leadUnitId, leadUnits) : undefined,
    query.pillar ? eq(planTasks.pillar, query.pillar) : undefined,
    query.deadlineFrom ? gte(planTasks.deadlineDate, query.deadlineFrom) : undefined,
    query.deadlineTo ? lte(planTasks.deadlineDate, query.deadlineTo) : undefined,
  ];
  if (readable.size === 0) return { items: [], total: 0 };
  const today = todayIso();
  const status = taskStatusSql(today);
  if (query.status) conditions.push(sql`${status} = ${query.status}`);
  const where = and(...conditions);
  const join = and(eq(plans.tenantId, planTasks.tenantId), eq(plans.id, planTasks.planId));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ task: planTasks, plan: { code: plans.code, title: plans.title, version: plans.version } })
      .from(planTasks)
      .innerJoin(plans, join)
      .where(where)
      .orderBy(asc(plans.code), asc(planTasks.position))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: count() }).from(planTasks).innerJoin(plans, join).where(where),
  ]);
  const page = rows.map((r) => ({ ...r, status: statusOfTask(r.task, today) }));
  const unitIds = [
    ...new Set(page.flatMap((r) => [r.task.leadUnitId, ...r.task.coordinators.map((c) => c.unitId)])),
  ].filter((x): x is string => Boolean(x));
  const names = unitIds.length
    ? await db
        .select({ id: orgUnits.id, name: orgUnits.name })
        .from(orgUnits)
        .where(and(inArray(orgUnits.tenantId, grantTenants(actor)), inArray(orgUnits.id, unitIds)))
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
    total,
  };
}
