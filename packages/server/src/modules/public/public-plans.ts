/**
 * Kế hoạch công khai — the published plans of every province as the public may see
 * them. Reads only published rows (a draft, or an amendment draft beside the
 * published version, never appears) and hands them to the allow-list presenter.
 */
import type { TPublicPlanDetail, TPublicPlanList } from "@dtplan/contracts";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import {
  type OrgUnitRow,
  orgUnits,
  type PlanRow,
  planLegalBases,
  planReportingRules,
  plans,
  planTargets,
  planTasks,
} from "../../db/schema.ts";
import { todayIso } from "../../db/sql.ts";
import { notFound } from "../../errors.ts";
import { planAttainment } from "../reporting/roll-up.ts";
import { statusOfTask } from "../tasks/task-status.ts";
import { presentPlanDetail, presentPlanSummary, provinceSlug } from "./public.presenter.ts";

export const publicPlanNotFound = () => notFound("Không tìm thấy kế hoạch đã ban hành này.");

/** The columns of a task that status and progress need — nothing else is read. */
const TASK_FACTS = {
  planId: planTasks.planId,
  position: planTasks.position,
  pillar: planTasks.pillar,
  text: planTasks.text,
  leadUnitId: planTasks.leadUnitId,
  leadText: planTasks.leadText,
  deadlineDate: planTasks.deadlineDate,
  deadlineText: planTasks.deadlineText,
  recurring: planTasks.recurring,
  progress: planTasks.progress,
  completedAt: planTasks.completedAt,
};

/** Root units (one per tenant: `id = tenant_id`) and the issuing units of `planRows`. */
async function unitsOf(db: Database, planRows: readonly PlanRow[]): Promise<Map<string, OrgUnitRow>> {
  const ids = [...new Set(planRows.flatMap((p) => [p.tenantId, p.unitId]))];
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(orgUnits).where(inArray(orgUnits.id, ids));
  return new Map(rows.map((u) => [u.id, u]));
}

/** Every published plan of every province, provinces by name, plans by province then year. */
export async function listPublicPlans(db: Database): Promise<TPublicPlanList> {
  const planRows = await db.select().from(plans).where(eq(plans.status, "published"));
  if (planRows.length === 0) return { provinces: [], items: [] };
  const planIds = planRows.map((p) => p.id);
  const [units, tasks, targetCounts] = await Promise.all([
    unitsOf(db, planRows),
    db.select(TASK_FACTS).from(planTasks).where(inArray(planTasks.planId, planIds)),
    db
      .select({ planId: planTargets.planId, n: sql<number>`count(*)::int` })
      .from(planTargets)
      .where(inArray(planTargets.planId, planIds))
      .groupBy(planTargets.planId),
  ]);
  const today = todayIso();
  const targetsOf = new Map(targetCounts.map((r) => [r.planId, Number(r.n)]));
  const items = planRows
    .filter((p) => units.has(p.tenantId))
    .map((plan) => {
      const mine = tasks.filter((t) => t.planId === plan.id);
      return presentPlanSummary({
        plan,
        province: units.get(plan.tenantId) as OrgUnitRow,
        issuingUnit: units.get(plan.unitId) ?? null,
        targetCount: targetsOf.get(plan.id) ?? 0,
        tasks: mine.map((t) => ({ progress: t.progress, status: statusOfTask(t, today) })),
      });
    })
    .sort(
      (a, b) =>
        a.province.name.localeCompare(b.province.name, "vi") ||
        (b.periodStart ?? 0) - (a.periodStart ?? 0) ||
        a.title.localeCompare(b.title, "vi"),
    );
  const provinces = new Map(items.map((i) => [i.province.slug, i.province]));
  return {
    provinces: [...provinces.values()].sort((a, b) => a.name.localeCompare(b.name, "vi")),
    items,
  };
}

/** The province whose root unit's code gives `slug` (`vlg` → the tenant of unit `VLG`); one per tenant. */
async function findProvince(db: Database, slug: string): Promise<OrgUnitRow | null> {
  const roots = await db.select().from(orgUnits).where(eq(orgUnits.id, orgUnits.tenantId));
  return roots.find((u) => provinceSlug(u) === slug) ?? null;
}

/**
 * One published plan: targets by pillar with the latest figures of APPROVED unit
 * reports only — a figure submitted but not yet accepted by the focal officer may
 * still be returned and corrected, so the public never sees it — and the tasks'
 * progress by pillar. Task progress is the task's recorded progress (what the lead
 * unit reported; the task record itself, not a pending report).
 */
export async function publicPlanDetail(
  db: Database,
  { province: slug, code, nearThreshold }: { province: string; code: string; nearThreshold: number },
): Promise<TPublicPlanDetail> {
  const province = await findProvince(db, slug);
  if (!province) throw publicPlanNotFound();
  const [plan] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.tenantId, province.tenantId), eq(plans.code, code), eq(plans.status, "published")))
    .limit(1);
  if (!plan) throw publicPlanNotFound();
  const [units, tasks, targetRows, legalBases, rules, attainment] = await Promise.all([
    unitsOf(db, [plan]),
    db
      .select(TASK_FACTS)
      .from(planTasks)
      .where(and(eq(planTasks.tenantId, plan.tenantId), eq(planTasks.planId, plan.id)))
      .orderBy(asc(planTasks.position)),
    db
      .select({ key: planTargets.key })
      .from(planTargets)
      .where(and(eq(planTargets.tenantId, plan.tenantId), eq(planTargets.planId, plan.id))),
    db
      .select()
      .from(planLegalBases)
      .where(and(eq(planLegalBases.tenantId, plan.tenantId), eq(planLegalBases.planId, plan.id)))
      .orderBy(asc(planLegalBases.position)),
    db
      .select()
      .from(planReportingRules)
      .where(and(eq(planReportingRules.tenantId, plan.tenantId), eq(planReportingRules.planId, plan.id)))
      .orderBy(asc(planReportingRules.position)),
    planAttainment(db, { ctx: { plan }, nearThreshold, approvedOnly: true }),
  ]);
  const leadIds = [...new Set(tasks.map((t) => t.leadUnitId).filter((id): id is string => Boolean(id)))];
  const leads = leadIds.length
    ? await db
        .select({ id: orgUnits.id, name: orgUnits.name })
        .from(orgUnits)
        .where(and(eq(orgUnits.tenantId, plan.tenantId), inArray(orgUnits.id, leadIds)))
    : [];
  const today = todayIso();
  return presentPlanDetail({
    plan,
    province,
    issuingUnit: units.get(plan.unitId) ?? null,
    targetCount: targetRows.length,
    tasks: tasks.map((t) => ({ ...t, status: statusOfTask(t, today) })),
    leadNames: new Map(leads.map((l) => [l.id, l.name])),
    attainment,
    legalBases,
    rules,
  });
}
