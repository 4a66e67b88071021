import type { TTodo, TTodoItem } from "@dtplan/contracts";
import { isAllowed } from "@dtplan/domain/access/access.ts";
import { REVIEWER_ROLES, UNIT_STAFF_ROLES } from "@dtplan/domain/access/roles.ts";
import { TODO_KINDS, type TodoKind } from "@dtplan/domain/reminders/notifications.ts";
import { reportingUnits } from "@dtplan/domain/reporting/who-reports.ts";
import { formatDate } from "@dtplan/domain/text/format.ts";
import { daysBetween } from "@dtplan/domain/time/vietnam.ts";
import { and, desc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";
import { type PlanRow, plans, planTasks, type ReportingPeriodRow, taskComments } from "../../db/schema.ts";
import { sqlList, todayIso } from "../../db/sql.ts";
import { subtreeIdsByTenant } from "../access/access.repository.ts";
import { rootsByTenant } from "../access/access.ts";
import type { Actor } from "../access/actor.ts";
import { pathIn } from "../access/tree-access.ts";
import { grantTenants, readablePlanUnits } from "../plans/plan-access.ts";
import { reportsOfPeriods } from "../reporting/period-status.ts";
import {
  listPeriods,
  loadBasis,
  loadTenantTree,
  type ReportingBasis,
  type TenantTree,
} from "../reporting/reporting.repository.ts";
import { myWork } from "./my-work.ts";

/** Reports still unwritten this long after their due date are left to the chase screen. */
const FILL_STOP_DAYS = 90;
/** Directions are news for a month. */
const DIRECTION_DAYS = 30;
/** Items listed per kind; the counts are complete. */
const LIST = 10;

/** The units whose reports and tasks are the caller's own work: a staff role's subtrees. */
export async function staffUnitsOf(db: Database, actor: Actor): Promise<Set<string>> {
  const grants = actor.grants.filter((g) => UNIT_STAFF_ROLES.includes(g.role));
  const roots = [...new Set(grants.map((g) => g.unitId))];
  return new Set(roots.length ? await subtreeIdsByTenant(db, rootsByTenant(grants, roots)) : []);
}

/** The published plans the caller may read, with their provinces' trees. */
export async function publishedPlansOf(
  db: Database,
  actor: Actor,
): Promise<{ published: PlanRow[]; trees: Map<string, TenantTree> }> {
  const tenants = grantTenants(actor);
  const readable = tenants.length ? [...(await readablePlanUnits(db, actor))] : [];
  const published = readable.length
    ? await db
        .select()
        .from(plans)
        .where(
          and(
            inArray(plans.tenantId, tenants),
            eq(plans.status, "published"),
            inArray(plans.unitId, readable),
          ),
        )
    : [];
  const trees = new Map(
    await Promise.all(
      [...new Set(published.map((p) => p.tenantId))].map(
        async (t) => [t, await loadTenantTree(db, t)] as const,
      ),
    ),
  );
  return { published, trees };
}

/** Each report one of `units` owes in the periods given. */
export function* owedReports(
  basis: ReportingBasis,
  periods: readonly ReportingPeriodRow[],
  units: ReadonlySet<string>,
): Generator<{ period: ReportingPeriodRow; unitId: string }> {
  for (const period of periods)
    for (const unitId of reportingUnits(basis, period).keys())
      if (units.has(unitId)) yield { period, unitId };
}

export const reportLink = (code: string, key: string, unitId: string) =>
  `/periods/${encodeURIComponent(code)}/${encodeURIComponent(key)}/units/${unitId}`;

/**
 * Việc chờ tôi — what waits for the caller on the home page, whatever their role: their
 * units' reports to fill (with the due date) and those sent back (with the reason); the
 * submissions they review; the overdue tasks of "Nhiệm vụ của tôi"; the directions given
 * on their units' tasks this month; their units' DTI self-assessments in open rounds.
 * "Their units" are those of the staff roles (a unit reporter's), and the submissions and
 * overdue tasks theirs to review or chase are a focal officer's or a leader's: neither an
 * administrator's reach over the whole province nor a province viewer's reading of it.
 */
export async function myTodo(db: Database, actor: Actor, now = new Date()): Promise<TTodo> {
  const today = todayIso(now);
  const found: Record<TodoKind, TTodoItem[]> = Object.fromEntries(TODO_KINDS.map((k) => [k, []])) as never;
  const tenants = grantTenants(actor);
  const staffUnits = await staffUnitsOf(db, actor);
  const reviewerGrants = actor.grants.filter((g) => REVIEWER_ROLES.includes(g.role));
  const workGrants = actor.grants.filter(
    (g) => REVIEWER_ROLES.includes(g.role) || UNIT_STAFF_ROLES.includes(g.role),
  );

  if (tenants.length) {
    const { published, trees } = await publishedPlansOf(db, actor);
    // A plan of a unit that no longer exists (a district's plan after the 2025 reform) is
    // history: its reports and late tasks wait for nobody.
    const history = new Set(
      published
        .filter((p) => {
          const validTo = trees.get(p.tenantId)?.units.get(p.unitId)?.validTo;
          return validTo != null && validTo < today;
        })
        .map((p) => p.code),
    );
    for (const plan of published) {
      const tree = trees.get(plan.tenantId);
      if (!tree || history.has(plan.code)) continue;
      const reviewer = isAllowed(reviewerGrants, "reports.review", pathIn(tree.units, plan.unitId));
      const periods = await listPeriods(db, plan);
      const open = periods.filter(
        (p) => p.startDate <= today && daysBetween(p.dueDate, today) <= FILL_STOP_DAYS,
      );
      if (!reviewer && (staffUnits.size === 0 || periods.length === 0)) continue;
      const reports = await reportsOfPeriods(db, periods);
      const byPeriod = new Map(periods.map((p) => [p.id, p]));
      const unitName = (id: string) => tree.units.get(id)?.name ?? "";
      for (const r of reports) {
        const period = byPeriod.get(r.periodId);
        if (!period) continue;
        const item = {
          title: `${period.label} — ${unitName(r.unitId)}`,
          period: { key: period.key, label: period.label },
          detail: plan.title,
          due: period.dueDate,
          late: false,
          link: reportLink(plan.code, period.key, r.unitId),
        };
        if (r.status === "returned" && staffUnits.has(r.unitId))
          found.returned.push({ ...item, kind: "returned", reason: r.returnComment ?? null });
        if (r.status === "submitted" && reviewer)
          found.approve.push({ ...item, kind: "approve", due: null, reason: null });
      }
      if (staffUnits.size === 0 || open.length === 0) continue;
      const basis = await loadBasis(db, plan, tree);
      const status = new Map(reports.map((r) => [`${r.periodId}:${r.unitId}`, r.status]));
      for (const { period, unitId } of owedReports(basis, open, staffUnits)) {
        const s = status.get(`${period.id}:${unitId}`) ?? null;
        if (s !== null && s !== "draft") continue;
        found.fill.push({
          kind: "fill",
          title: `${period.label} — ${unitName(unitId)}`,
          period: { key: period.key, label: period.label },
          detail: plan.title,
          due: period.dueDate,
          late: period.dueDate < today,
          reason: null,
          link: reportLink(plan.code, period.key, unitId),
        });
      }
    }

    const work = workGrants.length
      ? await myWork(db, { ...actor, grants: workGrants }, today)
      : { overdue: [] };
    found.overdue = work.overdue
      .filter((t) => !history.has(t.plan.code))
      .map((t) => ({
        kind: "overdue",
        title: t.text,
        period: null,
        detail: t.plan.title,
        due: t.deadline?.date ?? null,
        late: true,
        reason: null,
        link: `/my-tasks?task=${t.id}`,
      }));
  }

  if (staffUnits.size) {
    const since = new Date(now.getTime() - DIRECTION_DAYS * 86_400_000);
    const directions = await db
      .select({
        comment: taskComments,
        task: { id: planTasks.id, text: planTasks.text },
        plan: { title: plans.title },
      })
      .from(taskComments)
      .innerJoin(
        planTasks,
        and(eq(planTasks.tenantId, taskComments.tenantId), eq(planTasks.id, taskComments.taskId)),
      )
      .innerJoin(plans, and(eq(plans.tenantId, planTasks.tenantId), eq(plans.id, planTasks.planId)))
      .where(
        and(
          inArray(taskComments.tenantId, tenants),
          eq(taskComments.kind, "direction"),
          gte(taskComments.at, since),
          ne(taskComments.authorId, actor.id),
          inArray(planTasks.leadUnitId, [...staffUnits]),
        ),
      )
      .orderBy(desc(taskComments.at));
    found.direction = directions.map(({ comment, task, plan }) => ({
      kind: "direction",
      title: task.text,
      period: null,
      detail: `${plan.title} · ${formatDate(todayIso(comment.at))}`,
      due: null,
      late: false,
      reason: comment.body,
      link: `/my-tasks?task=${task.id}`,
    }));

    const dti = await queryRows<{
      round_id: string;
      unit_id: string;
      name: string;
      due_date: string;
      unit_name: string;
    }>(
      db,
      sql`SELECT ru.round_id, ru.unit_id, r.name, r.due_date::text AS due_date, u.name AS unit_name
            FROM dti_round_units ru
            JOIN dti_rounds r ON r.tenant_id = ru.tenant_id AND r.id = ru.round_id
            JOIN org_units u ON u.tenant_id = ru.tenant_id AND u.id = ru.unit_id
           WHERE ru.tenant_id IN ${sqlList(tenants)} AND r.tenant_id IN ${sqlList(tenants)}
             AND u.tenant_id IN ${sqlList(tenants)}
             AND r.status = 'open' AND (ru.status IS NULL OR ru.status IN ('draft', 'returned'))
             AND ru.unit_id IN ${sqlList([...staffUnits])}
           ORDER BY r.due_date, u.name`,
    );
    found.dti = dti.map((r) => ({
      kind: "dti",
      title: `${r.name} — ${r.unit_name}`,
      period: null,
      detail: "Tự đánh giá DTI",
      due: r.due_date,
      late: r.due_date < today,
      reason: null,
      link: `/dti/rounds/${r.round_id}/units/${r.unit_id}`,
    }));
  }

  const byDue = (a: TTodoItem, b: TTodoItem) => (a.due ?? "9999").localeCompare(b.due ?? "9999");
  found.fill.sort(byDue);
  found.returned.sort(byDue);
  return {
    today,
    counts: Object.fromEntries(TODO_KINDS.map((k) => [k, found[k].length])) as TTodo["counts"],
    items: TODO_KINDS.flatMap((k) => found[k].slice(0, LIST)),
  };
}
