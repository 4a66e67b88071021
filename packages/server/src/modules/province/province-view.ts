import type { TLocality, TProvinceView } from "@dtplan/contracts";
import { attainment } from "@dtplan/domain/attainment/attainment.ts";
import { unitKindLabel } from "@dtplan/domain/org/unit-kinds.ts";
import { compareVi } from "@dtplan/domain/text/collate.ts";
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { readTogetherBuiltOnce } from "../../db/json-rows.ts";
import {
  type OrgUnitRow,
  orgUnits,
  type PlanHead,
  type PlanTargetRow,
  planTasks,
  type ReportingPeriodRow,
} from "../../db/schema.ts";
import { todayIso } from "../../db/sql.ts";
import { AppError, forbidden } from "../../errors.ts";
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
} from "../dashboard/plan-figures.ts";
import { findUnitsByIds } from "../org/org.repository.ts";
import { type StoredTimeliness, timelinessFromJson, timelinessPart } from "../summary/reporting-status.ts";
import { taskStatusSql } from "../tasks/task-status.ts";

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

/** What the view takes of a plan and of a period (read as such, not as whole rows). */
type ViewPlan = Pick<PlanHead, "id" | "code" | "title" | "unitId" | "periodStart" | "periodEnd">;
type ViewPeriod = Pick<ReportingPeriodRow, "key" | "label">;
type ViewUnit = Pick<OrgUnitRow, "id" | "name" | "kind" | "validTo">;

const yearsOf = (p: ViewPlan) =>
  p.periodStart && p.periodEnd && p.periodEnd !== p.periodStart
    ? `${p.periodStart}–${p.periodEnd}`
    : p.periodStart || p.periodEnd
      ? String(p.periodStart ?? p.periodEnd)
      : null;

interface PlanFigures {
  plan: ViewPlan;
  period: { key: string; label: string } | null;
  notStarted: boolean;
  counts: ReturnType<typeof countAttainment>;
  tasks: TaskTotals;
  timeliness: TimelinessTotals;
}

/** A target as the province view judges it: its goal, and whether its indicator is known. */
interface JudgedTarget {
  comparator: PlanTargetRow["comparator"];
  value: PlanTargetRow["value"];
  year: PlanTargetRow["year"];
  measured: boolean;
  /** Its stored figure in its plan's compared period (null: none, or no compared period). */
  figure: number | null;
}

/**
 * One plan's figures for the compared period: its attainment (the stored figures, judged by
 * the domain's rule as planAttainment judges them) and its reports' stored timeliness in that
 * period only (none when its calendar has no such period), and its tasks as of today (added
 * up in the statement that reads them).
 */
function figuresOf(
  plan: ViewPlan,
  {
    today,
    nearThreshold,
    targets,
    tasks,
    period,
    reporting,
  }: {
    today: string;
    nearThreshold: number;
    targets: readonly JudgedTarget[];
    tasks: TaskTotals | undefined;
    period: ViewPeriod | null;
    /** The plan's stored timeliness in the period (none when its calendar has no such period). */
    reporting: StoredTimeliness | undefined;
  },
): PlanFigures {
  const judged = period
    ? targets.map((t) => ({
        attainment: attainment(
          { comparator: t.comparator, value: t.value, year: t.year ?? 0 },
          t.measured ? t.figure : null,
          { nearThreshold },
        ),
      }))
    : [];
  const timeliness = emptyTimeliness();
  if (period && reporting) addTimeliness(timeliness, reporting);
  return {
    plan,
    period: period ? { key: period.key, label: period.label } : null,
    notStarted: plan.periodStart !== null && plan.periodStart > Number(today.slice(0, 4)),
    counts: countAttainment(judged),
    tasks: tasks ?? { total: 0, done: 0, overdue: 0, progressSum: 0 },
    timeliness,
  };
}

/**
 * The tasks of the plans `planIds` added up per plan as of today by the domain's status rule
 * (taskStatusSql, held to statusOfTask by a test): done, overdue (only when the lead unit
 * still exists on today) and the sum of progress (100 once done) — a part of the statement
 * that reads the plans' figures.
 */
function taskTotalsPart(tenantId: string, planIds: SQL, today: string): SQL {
  const status = taskStatusSql(today);
  const done = sql`${status} IN ('done', 'done_late')`;
  return sql`(SELECT coalesce(json_agg(json_build_array(x.plan_id, x.total, x.done, x.overdue, x.progress_sum)), '[]')
    FROM (SELECT ${planTasks.planId} AS plan_id, count(*)::int AS total,
                 count(*) FILTER (WHERE ${done})::int AS done,
                 count(*) FILTER (WHERE ${status} = 'overdue'
                   AND (${orgUnits.validTo} IS NULL OR ${orgUnits.validTo} >= ${today}::date))::int AS overdue,
                 coalesce(sum(CASE WHEN ${done} THEN 100
                   ELSE least(greatest(coalesce(${planTasks.progress}, 0), 0), 100) END), 0)::int AS progress_sum
            FROM ${planTasks}
            LEFT JOIN ${orgUnits} ON ${orgUnits.tenantId} = ${tenantId} AND ${orgUnits.id} = ${planTasks.leadUnitId}
           WHERE ${planTasks.tenantId} = ${tenantId} AND ${planTasks.planId} IN (${planIds})
           GROUP BY ${planTasks.planId}) x)`;
}

function taskTotalsFromJson(value: unknown): Map<string, TaskTotals> {
  return new Map(
    (value as [string, number, number, number, number][]).map(
      ([planId, total, done, overdue, progressSum]) => [planId, { total, done, overdue, progressSum }],
    ),
  );
}

/**
 * The targets of each plan in force (`pv` of the statement) that has a compared period (`cp`;
 * a plan without one is not judged), each as what judging it needs: its goal, whether its
 * indicator is in the catalogue and its stored figure (all reports in) in that period. Plan by
 * plan: the planner then looks each figure up by its period and key instead of scanning the
 * province's figures (a part).
 */
function targetsPart(tenantId: string): SQL {
  return sql`(SELECT coalesce(json_agg(json_build_array(pv.id, x.targets)), '[]')
    FROM pv
    JOIN cp ON cp.plan_code = pv.code
    CROSS JOIN LATERAL (
      SELECT coalesce(json_agg(json_build_array(g.comparator, g.value, g.year, i.code IS NOT NULL, f.value)),
                      '[]') AS targets
        FROM plan_targets g
        LEFT JOIN indicators i ON i.tenant_id = ${tenantId} AND i.code = g.indicator_code
        LEFT JOIN target_figures f ON f.tenant_id = ${tenantId} AND f.period_id = cp.id AND f.target_key = g.key
                                  AND NOT f.approved_only
       WHERE g.tenant_id = ${tenantId} AND g.plan_id = pv.id) x)`;
}

type TargetJson = [
  JudgedTarget["comparator"],
  JudgedTarget["value"],
  JudgedTarget["year"],
  JudgedTarget["measured"],
  JudgedTarget["figure"],
];

function targetsFromJson(value: unknown): Map<string, JudgedTarget[]> {
  return new Map(
    (value as [string, TargetJson[]][]).map(([planId, targets]) => [
      planId,
      targets.map(([comparator, v, year, measured, figure]) => ({
        comparator,
        value: v,
        year,
        measured,
        figure,
      })),
    ]),
  );
}

function locality(unit: ViewUnit, list: readonly PlanFigures[], today: string): TLocality {
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
      notStarted: f.notStarted,
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
 * What the view reads, as the WITH clause of its one statement:
 * - `pv`: the version in force of each published plan (amendments supersede the older ones);
 * - `ks`: the period keys of the published plans (not ad hoc), each added up over the plans
 *   that have it (its label, latest last day, whether one is due by `today`, how many plans),
 *   numbered newest first (`n`: last day, then more plans, then the key);
 * - `chosen`: the key compared — the one asked for, else the first one due, else the oldest;
 * - `cp`: each plan's period of that key.
 */
function provinceWith(tenantId: string, today: string, asked: string | null): SQL {
  const published = sql`SELECT p.code FROM plans p WHERE p.tenant_id = ${tenantId} AND p.status = 'published'`;
  return sql`WITH
    pv AS (SELECT DISTINCT ON (p.code) p.id, p.code, p.title, p.unit_id, p.period_start, p.period_end
             FROM plans p WHERE p.tenant_id = ${tenantId} AND p.status = 'published'
            ORDER BY p.code, p.version DESC),
    ks AS (SELECT x.*, row_number() OVER (ORDER BY x.end_date DESC, x.plans DESC, x.key COLLATE "C") AS n
             FROM (SELECT rp.key, min(rp.label) AS label, max(rp.end_date) AS end_date,
                          bool_or(rp.due_date <= ${today}::date) AS due, count(DISTINCT rp.plan_code)::int AS plans
                     FROM reporting_periods rp
                    WHERE rp.tenant_id = ${tenantId} AND NOT rp.adhoc AND rp.plan_code IN (${published})
                    GROUP BY rp.key) x),
    chosen AS (SELECT ks.key FROM ks
                WHERE ${
                  asked === null
                    ? sql`ks.n = coalesce((SELECT min(d.n) FROM ks d WHERE d.due), (SELECT max(a.n) FROM ks a))`
                    : sql`ks.key = ${asked}`
                }),
    cp AS (SELECT rp.id, rp.plan_code, rp.key, rp.label FROM reporting_periods rp
            WHERE rp.tenant_id = ${tenantId} AND NOT rp.adhoc AND rp.key IN (SELECT key FROM chosen)
              AND rp.plan_code IN (${published}))`;
}

/**
 * Toàn tỉnh: every locality side by side on ONE period (year and quarter, say) — each unit
 * that issued a published plan, and each current commune, ward or special zone (those
 * without a plan show none) — with target attainment and reporting timeliness in that
 * period and task progress as of today, added up over its plans. Closed units and plans
 * not yet started are left out unless `showAll`.
 */
export async function provinceView(
  db: Database,
  {
    actor,
    tenantId: requested,
    period: requestedPeriod,
    showAll = false,
    nearThreshold,
    now = new Date(),
  }: {
    actor: Actor;
    tenantId?: string;
    period?: string;
    showAll?: boolean;
    nearThreshold: number;
    now?: Date;
  },
): Promise<TProvinceView> {
  const today = todayIso(now);
  const { tenantId, tenants } = await provinceOf(db, actor, requested);
  // Everything in one statement, built once per province, day and period asked (its values
  // decide it entirely): the province's units, the plans in force, the period keys and the
  // one compared, and each plan's targets with their figures there, task totals and stored
  // timeliness — a province has a hundred communes and more, each with its plan.
  // An empty period asked is none asked (the default period), as before.
  const asked = requestedPeriod || null;
  const read = await readTogetherBuiltOnce(db, JSON.stringify(["province", tenantId, today, asked]), () => ({
    with: provinceWith(tenantId, today, asked),
    parts: {
      units: sql`(SELECT coalesce(json_agg(json_build_array(u.id, u.name, u.kind, u.valid_to) ORDER BY u.code), '[]')
                      FROM org_units u WHERE u.tenant_id = ${tenantId})`,
      plans: sql`(SELECT coalesce(json_agg(json_build_array(pv.id, pv.code, pv.title, pv.unit_id, pv.period_start,
                           pv.period_end) ORDER BY pv.code), '[]') FROM pv)`,
      periods: sql`(SELECT coalesce(json_agg(json_build_array(ks.key, ks.label, ks.plans) ORDER BY ks.n), '[]') FROM ks)`,
      chosen: sql`(SELECT key FROM chosen)`,
      compared: sql`(SELECT coalesce(json_agg(json_build_array(cp.plan_code, cp.key, cp.label)), '[]') FROM cp)`,
      targets: targetsPart(tenantId),
      tasks: taskTotalsPart(tenantId, sql`SELECT id FROM pv`, today),
      reporting: timelinessPart({ tenantId, periodIds: sql`SELECT id FROM cp`, today, by: ["plan"] }),
    },
  }));
  const units = (read.units as [string, string, OrgUnitRow["kind"], string | null][]).map(
    ([id, name, kind, validTo]): ViewUnit => ({ id, name, kind, validTo }),
  );
  const byId = new Map(units.map((u) => [u.id, u]));
  // The provinces to pick from: this one's root is among its units; others are looked up.
  const roots: Pick<OrgUnitRow, "id" | "name">[] =
    tenants.length === 1 && tenants[0] === tenantId && byId.has(tenantId)
      ? [byId.get(tenantId) as ViewUnit]
      : await findUnitsByIds(db, tenants);
  const current = (read.plans as [string, string, string, string, number | null, number | null][]).map(
    ([id, code, title, unitId, periodStart, periodEnd]): ViewPlan => ({
      id,
      code,
      title,
      unitId,
      periodStart,
      periodEnd,
    }),
  );
  const periodList = (read.periods as [string, string, number][]).map(([key, label, plans]) => ({
    key,
    label,
    plans,
  }));
  const compared = periodList.find((p) => p.key === read.chosen) ?? null;
  if (requestedPeriod && compared?.key !== requestedPeriod) {
    throw new AppError("validation_failed", `Không có kế hoạch nào trong tỉnh có kỳ "${requestedPeriod}".`, [
      { path: "query.period", message: "Kỳ không có trong các kế hoạch" },
    ]);
  }
  const periodOf = new Map(
    (read.compared as [string, string, string][]).map(([planCode, key, label]) => [planCode, { key, label }]),
  );
  const targets = targetsFromJson(read.targets);
  const tasks = taskTotalsFromJson(read.tasks);
  const reporting = timelinessFromJson(read.reporting, ["plan"]);
  const figures: PlanFigures[] = current.map((plan) =>
    figuresOf(plan, {
      today,
      nearThreshold,
      targets: targets.get(plan.id) ?? [],
      tasks: tasks.get(plan.id),
      period: periodOf.get(plan.code) ?? null,
      reporting: reporting.plan.get(plan.code),
    }),
  );

  const isClosed = (u: ViewUnit) => u.validTo !== null && u.validTo < today;
  const shownFigures = showAll ? figures : figures.filter((f) => !f.notStarted);
  const byIssuer = new Map<string, PlanFigures[]>();
  for (const f of shownFigures) byIssuer.set(f.plan.unitId, [...(byIssuer.get(f.plan.unitId) ?? []), f]);
  const issuers = [...byIssuer.keys()].map((id) => byId.get(id)).filter((u): u is ViewUnit => Boolean(u));
  const closedIssuers = issuers.filter(isClosed);
  const withoutPlan = units.filter((u) => GRASSROOTS.has(u.kind) && !isClosed(u) && !byIssuer.has(u.id));
  const localities = [
    ...issuers
      .filter((u) => showAll || !isClosed(u))
      .map((u) => locality(u, byIssuer.get(u.id) ?? [], today)),
    ...withoutPlan.map((u) => locality(u, [], today)),
  ].sort(
    (a, b) =>
      Number(a.plans.length === 0) - Number(b.plans.length === 0) || compareVi(a.unit.name, b.unit.name),
  );
  return {
    province: { id: tenantId, name: byId.get(tenantId)?.name ?? "—" },
    provinces: roots.map((u) => ({ id: u.id, name: u.name })).sort((a, b) => compareVi(a.name, b.name)),
    today,
    period: compared ? { key: compared.key, label: compared.label } : null,
    periods: periodList.map((p) => ({ key: p.key, label: p.label, plans: p.plans })),
    showAll,
    hidden: {
      closedUnits: showAll ? 0 : closedIssuers.length,
      notStartedPlans: showAll ? 0 : figures.filter((f) => f.notStarted).length,
    },
    localities,
  };
}
