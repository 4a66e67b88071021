import type { TMyWork, TMyWorkTask } from "@dtplan/contracts";
import { grantRoots } from "@dtplan/domain/access/access.ts";
import { TASK_STATUS_LABELS } from "@dtplan/domain/tasks/status.ts";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { orgUnitLineage, orgUnits, plans, planTargets, planTasks } from "../../db/schema.ts";
import { sqlList, todayIso } from "../../db/sql.ts";
import { subtreeIdsByTenant } from "../access/access.repository.ts";
import { rootsByTenant } from "../access/access.ts";
import type { Actor } from "../access/actor.ts";
import { actorTenants, grantTenants, readablePlanUnits } from "../plans/plan-access.ts";
import { statusOfTask } from "../tasks/task-status.ts";

const DUE_SOON_DAYS = 30;
const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** The units' predecessors (units merged or split into them), followed back through history. */
async function withPredecessors(
  db: Database,
  tenants: readonly string[],
  unitIds: Set<string>,
): Promise<Set<string>> {
  const all = new Set(unitIds);
  let frontier = [...unitIds];
  for (let depth = 0; frontier.length && depth < 16; depth++) {
    const rows = await db
      .select({ id: orgUnitLineage.predecessorId })
      .from(orgUnitLineage)
      .where(
        and(inArray(orgUnitLineage.tenantId, [...tenants]), inArray(orgUnitLineage.successorId, frontier)),
      );
    frontier = rows.map((r) => r.id).filter((id) => !all.has(id));
    for (const id of frontier) all.add(id);
  }
  return all;
}

/**
 * Việc của tôi — for the units the user works for (grants with `reports.submit` or
 * `plans.read`): the tasks of published plans their units (with subunits and the
 * units they succeeded) lead or coordinate, grouped into overdue, due within 30
 * days, in progress and done; and the targets of those plans in the same pillars.
 */
export async function myWork(db: Database, actor: Actor, today = todayIso()): Promise<TMyWork> {
  const roots = [
    ...new Set([...grantRoots(actor.grants, "reports.submit"), ...grantRoots(actor.grants, "plans.read")]),
  ];
  const empty: TMyWork = {
    today,
    units: [],
    overdue: [],
    dueSoon: [],
    inProgress: [],
    done: [],
    targets: [],
    counts: { overdue: 0, dueSoon: 0, inProgress: 0, done: 0 },
  };
  const tenants = actorTenants(actor);
  if (roots.length === 0 || tenants.length === 0) return empty;
  const mine = await withPredecessors(
    db,
    grantTenants(actor),
    new Set(await subtreeIdsByTenant(db, rootsByTenant(actor.grants, roots))),
  );
  const readable = await readablePlanUnits(db, actor);
  const ids = [...mine];
  const coordinated = sql`EXISTS (SELECT 1 FROM jsonb_array_elements(${planTasks.coordinators}) AS c
                                   WHERE c->>'unitId' IN ${sqlList(ids)})`;
  const rows = await db
    .select({
      task: planTasks,
      plan: { id: plans.id, code: plans.code, title: plans.title, unitId: plans.unitId },
    })
    .from(planTasks)
    .innerJoin(plans, and(eq(plans.tenantId, planTasks.tenantId), eq(plans.id, planTasks.planId)))
    .where(
      and(
        inArray(planTasks.tenantId, tenants),
        eq(plans.status, "published"),
        inArray(plans.unitId, [...readable]),
        or(inArray(planTasks.leadUnitId, ids), coordinated),
      ),
    )
    .orderBy(asc(plans.code), asc(planTasks.position));
  const leadIds = [...new Set(rows.map((r) => r.task.leadUnitId).filter((x): x is string => Boolean(x)))];
  const unitRows = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(
      and(
        inArray(orgUnits.tenantId, grantTenants(actor)),
        inArray(orgUnits.id, [...new Set([...leadIds, ...roots])]),
      ),
    );
  const names = new Map(unitRows.map((u) => [u.id, u.name]));

  const tasks: TMyWorkTask[] = rows.map(({ task, plan }) => {
    const status = statusOfTask(task, today);
    return {
      id: task.id,
      key: task.key,
      text: task.text,
      pillar: task.pillar,
      plan: { code: plan.code, title: plan.title },
      lead: task.leadUnitId ? { id: task.leadUnitId, name: names.get(task.leadUnitId) ?? "" } : null,
      role: task.leadUnitId && mine.has(task.leadUnitId) ? "lead" : "coordinator",
      deadline:
        task.deadlineText === null && task.deadlineDate === null
          ? null
          : { text: task.deadlineText, date: task.deadlineDate },
      recurring: task.recurring,
      cadence: task.cadence,
      progress: task.progress ?? 0,
      completedAt: task.completedAt,
      status,
      statusLabel: TASK_STATUS_LABELS[status].vi,
      daysLeft: task.deadlineDate && !task.recurring ? daysBetween(today, task.deadlineDate) : null,
    };
  });
  const byDeadline = (a: TMyWorkTask, b: TMyWorkTask) =>
    (a.deadline?.date ?? "9999").localeCompare(b.deadline?.date ?? "9999");
  const done = tasks.filter((t) => t.status === "done" || t.status === "done_late");
  const overdue = tasks.filter((t) => t.status === "overdue").sort(byDeadline);
  const open = tasks.filter((t) => t.status === "not_started" || t.status === "in_progress");
  const dueSoon = open.filter((t) => t.daysLeft !== null && t.daysLeft <= DUE_SOON_DAYS).sort(byDeadline);
  const inProgress = open.filter((t) => !dueSoon.includes(t));

  const planIds = [...new Set(rows.map((r) => r.plan.id))];
  const pillars = [...new Set(rows.map((r) => r.task.pillar))];
  const titles = new Map(rows.map((r) => [r.plan.id, { code: r.plan.code, title: r.plan.title }]));
  const targets = planIds.length
    ? await db
        .select()
        .from(planTargets)
        .where(
          and(
            inArray(planTargets.tenantId, tenants),
            inArray(planTargets.planId, planIds),
            inArray(planTargets.pillar, pillars),
          ),
        )
        .orderBy(asc(planTargets.planId), asc(planTargets.position))
    : [];
  return {
    today,
    units: roots.map((id) => ({ id, name: names.get(id) ?? "" })),
    overdue,
    dueSoon,
    inProgress,
    done,
    targets: targets.map((t) => ({
      id: t.id,
      key: t.key,
      text: t.text,
      pillar: t.pillar,
      value: t.value === null ? null : Number(t.value),
      unit: t.unit,
      comparator: t.comparator,
      year: t.year,
      plan: titles.get(t.planId) ?? { code: "", title: "" },
    })),
    counts: {
      overdue: overdue.length,
      dueSoon: dueSoon.length,
      inProgress: inProgress.length,
      done: done.length,
    },
  };
}
