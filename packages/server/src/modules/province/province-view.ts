import type { TLocality, TProvinceView } from "@dtplan/contracts";
import { unitKindLabel } from "@dtplan/domain/org/unit-kinds.ts";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type OrgUnitRow, type PlanRow, plans } from "../../db/schema.ts";
import { todayIso } from "../../db/sql.ts";
import { forbidden } from "../../errors.ts";
import { reachOf } from "../access/access.ts";
import type { Actor } from "../access/actor.ts";
import {
  achievedPercent,
  addTimeliness,
  averageProgress,
  countAttainment,
  emptyTimeliness,
  presentTimeliness,
  type TaskTotals,
  type TimelinessTotals,
  taskFigures,
  taskTotals,
  timelinessByUnit,
} from "../dashboard/plan-figures.ts";
import { findUnitsByIds, listTenantUnits } from "../org/org.repository.ts";
import { reportsOfPeriods } from "../reporting/period-status.ts";
import {
  listPeriods,
  loadBasis,
  loadTenantTree,
  type TenantTree,
} from "../reporting/reporting.repository.ts";
import { planAttainment } from "../reporting/roll-up.ts";

/** Communes, wards and special zones: every one is a locality even before it has a plan. */
const GRASSROOTS = new Set(["commune", "ward", "special_zone"]);

/**
 * The province the caller looks at: `dashboard.read` over the whole tenant (a province
 * officer, viewer, leader or administrator there); a superadmin with several picks one.
 */
export async function provinceOf(
  db: Database,
  actor: Actor,
  tenantId: string | undefined,
): Promise<{ tenantId: string; tenants: string[] }> {
  const { wholeTenants } = await reachOf(db, actor, "dashboard.read");
  const tenants = [...wholeTenants];
  const chosen = tenantId ?? (wholeTenants.has(actor.tenantId) ? actor.tenantId : tenants[0]);
  if (!chosen || !wholeTenants.has(chosen)) {
    throw forbidden("Chỉ cán bộ theo dõi, lãnh đạo hoặc quản trị cấp tỉnh xem được số liệu toàn tỉnh.");
  }
  return { tenantId: chosen, tenants };
}

const yearsOf = (p: PlanRow) =>
  p.periodStart && p.periodEnd && p.periodEnd !== p.periodStart
    ? `${p.periodStart}–${p.periodEnd}`
    : p.periodStart || p.periodEnd
      ? String(p.periodStart ?? p.periodEnd)
      : null;

interface PlanFigures {
  plan: PlanRow;
  period: { key: string; label: string } | null;
  counts: ReturnType<typeof countAttainment>;
  tasks: TaskTotals;
  timeliness: TimelinessTotals;
}

const PLANS_AT_ONCE = 6;

/** One plan's figures: planAttainment, its tasks and its reports — a fixed handful of queries. */
async function figuresOf(
  db: Database,
  plan: PlanRow,
  { today, nearThreshold, tree }: { today: string; nearThreshold: number; tree: TenantTree },
): Promise<PlanFigures> {
  const basis = await loadBasis(db, plan, tree);
  const result = await planAttainment(db, { ctx: { plan }, nearThreshold, basis });
  const periods = await listPeriods(db, plan);
  const reports = await reportsOfPeriods(db, periods);
  const timeliness = [...timelinessByUnit(basis, periods, reports, today).values()].reduce(
    (sum, u) => addTimeliness(sum, u.totals),
    emptyTimeliness(),
  );
  return {
    plan,
    period: result.period ? { key: result.period.key, label: result.period.label } : null,
    counts: countAttainment(result.targets),
    tasks: taskTotals(taskFigures(basis.tasks, today)),
    timeliness,
  };
}

function locality(unit: OrgUnitRow, list: readonly PlanFigures[], today: string): TLocality {
  const counts = countAttainment([]);
  const tasks: TaskTotals = { total: 0, done: 0, overdue: 0, progressSum: 0 };
  const timeliness = emptyTimeliness();
  for (const f of list) {
    for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += f.counts[k];
    tasks.total += f.tasks.total;
    tasks.done += f.tasks.done;
    tasks.overdue += f.tasks.overdue;
    tasks.progressSum += f.tasks.progressSum;
    addTimeliness(timeliness, f.timeliness);
  }
  return {
    unit: {
      id: unit.id,
      name: unit.name,
      kind: unit.kind,
      kindLabel: unitKindLabel(unit.kind),
      closed: unit.validTo !== null && unit.validTo < today,
    },
    plans: list.map((f) => ({
      code: f.plan.code,
      title: f.plan.title,
      years: yearsOf(f.plan),
      period: f.period,
    })),
    targets: { ...counts, achievedPercent: achievedPercent(counts) },
    tasks: {
      total: tasks.total,
      done: tasks.done,
      overdue: tasks.overdue,
      averageProgress: averageProgress(tasks),
    },
    reporting: presentTimeliness(timeliness),
  };
}

/**
 * Toàn tỉnh: every locality side by side — each unit that issued a published plan, and
 * each current commune, ward or special zone (those without a plan show none) — with
 * target attainment, task progress and reporting timeliness added up over its plans.
 */
export async function provinceView(
  db: Database,
  {
    actor,
    tenantId: requested,
    nearThreshold,
    now = new Date(),
  }: { actor: Actor; tenantId?: string; nearThreshold: number; now?: Date },
): Promise<TProvinceView> {
  const today = todayIso(now);
  const { tenantId, tenants } = await provinceOf(db, actor, requested);
  const [units, roots] = await Promise.all([listTenantUnits(db, tenantId), findUnitsByIds(db, tenants)]);
  const byId = new Map(units.map((u) => [u.id, u]));
  // The version in force of each plan code (amendments supersede the older ones).
  const published = await db
    .select()
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.status, "published")))
    .orderBy(asc(plans.code), desc(plans.version));
  // Newest version first within a code: the first row of each code is the one in force.
  const seen = new Set<string>();
  const current = published.filter((p) => !seen.has(p.code) && Boolean(seen.add(p.code)));
  // The province's tree once, not once per plan: a province has a hundred communes and more.
  const tree = await loadTenantTree(db, tenantId);
  // A few plans at a time: PostgreSQL answers them on several connections (PGlite takes turns anyway).
  const figures: PlanFigures[] = [];
  for (let i = 0; i < current.length; i += PLANS_AT_ONCE) {
    const batch = current.slice(i, i + PLANS_AT_ONCE);
    figures.push(
      ...(await Promise.all(batch.map((plan) => figuresOf(db, plan, { today, nearThreshold, tree })))),
    );
  }

  const byIssuer = new Map<string, PlanFigures[]>();
  for (const f of figures) byIssuer.set(f.plan.unitId, [...(byIssuer.get(f.plan.unitId) ?? []), f]);
  const issuers = [...byIssuer.keys()];
  const withoutPlan = units.filter(
    (u) => GRASSROOTS.has(u.kind) && (u.validTo === null || u.validTo >= today) && !byIssuer.has(u.id),
  );
  const localities = [
    ...issuers
      .map((id) => byId.get(id))
      .filter((u): u is OrgUnitRow => Boolean(u))
      .map((u) => locality(u, byIssuer.get(u.id) ?? [], today)),
    ...withoutPlan.map((u) => locality(u, [], today)),
  ].sort(
    (a, b) =>
      Number(a.plans.length === 0) - Number(b.plans.length === 0) ||
      a.unit.name.localeCompare(b.unit.name, "vi"),
  );
  return {
    province: { id: tenantId, name: byId.get(tenantId)?.name ?? "—" },
    provinces: roots
      .map((u) => ({ id: u.id, name: u.name }))
      .sort((a, b) => a.name.localeCompare(b.name, "vi")),
    today,
    localities,
  };
}
