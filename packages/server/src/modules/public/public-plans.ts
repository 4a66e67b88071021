/**
 * Kế hoạch công khai — the published plans of every province as the public may see
 * them. Reads only published rows (a draft, or an amendment draft beside the
 * published version, never appears) and hands them to the allow-list presenter.
 */
import type {
  TPublicPlanDetail,
  TPublicPlanList,
  TPublicPlanQuery,
  TPublicProvinceList,
  TPublicUnitList,
} from "@dtplan/contracts";
import type { IndicatorAggregation, IndicatorDirection } from "@dtplan/domain/indicators/lists.ts";
import type { TaskStatus } from "@dtplan/domain/tasks/status.ts";
import { and, eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";
import { jsonRows, preparedRead, rowsFromJson } from "../../db/json-rows.ts";
import {
  type OrgUnitRow,
  orgUnits,
  PLAN_DOCUMENT,
  planLegalBases,
  planReportingRules,
  plans,
  planTargets,
  planTasks,
  reportingPeriods,
} from "../../db/schema.ts";
import { acrossTenants, holdsFoldedWords, todayIso } from "../../db/sql.ts";
import { notFound } from "../../errors.ts";
import { presentPeriodRef } from "../reporting/period-status.ts";
import { judgeFigures } from "../reporting/roll-up.ts";
import { figuresFromJson, targetFiguresPart } from "../summary/target-figures.ts";
import { statusOfTask } from "../tasks/task-status.ts";
import {
  type ListedPlanRow,
  presentListedPlan,
  presentPlanDetail,
  presentProvince,
  provinceSlug,
  type TaskFacts,
} from "./public.presenter.ts";
import { rootsReadWith } from "./public-cache.ts";

export const publicPlanNotFound = () => notFound("Không tìm thấy kế hoạch đã ban hành này.");

/** Every province (root unit): a few dozen rows, read through their partial index. */
async function provinceRoots(db: Database): Promise<OrgUnitRow[]> {
  return rootsReadWith(db) ?? db.select().from(orgUnits).where(eq(orgUnits.id, orgUnits.tenantId));
}

/** The province whose root unit's code gives `slug` (`vlg` → the tenant of unit `VLG`); one per tenant. */
async function findProvince(db: Database, slug: string): Promise<OrgUnitRow | null> {
  return (await provinceRoots(db)).find((u) => provinceSlug(u) === slug) ?? null;
}

/**
 * One page of published plans, filtered and ordered in SQL: province by name, newest
 * period first, then title. Each plan's figures and folded search words come from its
 * stored summary, so nothing is counted or folded per request and the work beyond the
 * index look-ups follows the page size, not the number of plans in the country.
 */
export async function listPublicPlans(
  db: Database,
  query: TPublicPlanQuery,
  today: string = todayIso(),
): Promise<TPublicPlanList> {
  const { page, pageSize } = query;
  const roots = await provinceRoots(db);
  let tenantId: string | null = null;
  if (query.province) {
    const province = roots.find((u) => provinceSlug(u) === query.province);
    if (!province) return { items: [], total: 0, page, pageSize };
    tenantId = province.tenantId;
  }
  // Provinces in Vietnamese alphabetical order (a few dozen, sorted here), then newest period, then title.
  const provinceOrder = roots
    .sort((a, b) => a.name.localeCompare(b.name, "vi") || a.code.localeCompare(b.code))
    .map((u) => u.tenantId);
  // The stored search text is folded as the words are (domain text/fold.ts).
  const words = holdsFoldedWords(sql`s.search_text`, query.q ?? "");
  const filters = sql`p.status = 'published'
        ${tenantId ? sql`AND p.tenant_id = ${tenantId}` : sql`AND ${acrossTenants("the public list without a province", undefined)}`}
        ${
          query.unit
            ? sql`AND p.unit_id IN (SELECT u.id FROM org_units u
                                     WHERE u.code = ${query.unit}
                                       ${tenantId ? sql`AND u.tenant_id = ${tenantId}` : sql``})`
            : sql``
        }
        ${
          query.year
            ? sql`AND p.period_start <= ${query.year} AND coalesce(p.period_end, p.period_start) >= ${query.year}`
            : sql``
        }
        ${words ? sql`AND ${words}` : sql``}`;
  const order = sql`array_position(ARRAY[${sql.join(
    provinceOrder.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[], p.tenant_id), p.period_start DESC NULLS LAST, s.title_key, p.code`;
  // The page is chosen on plans and their stored summaries alone; only its rows then
  // fetch their province's and issuing unit's names.
  const rows = await queryRows<ListedPlanRow>(
    db,
    sql`WITH page AS (
      SELECT p.tenant_id, p.id, p.unit_id, p.code, p.title, p.kind, p.period_start, p.period_end, p.vision_year,
             p.document_number, p.issued_date, p.version, p.issuer,
             s.target_count, s.task_total, s.task_done, s.task_done_late, s.task_started, s.progress_sum,
             s.due_dates, count(*) OVER () AS total, row_number() OVER (ORDER BY ${order}) AS n
        FROM plans p
        JOIN plan_summaries s ON s.tenant_id = p.tenant_id AND s.plan_id = p.id
       WHERE ${filters}
       ORDER BY n
       LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
    )
    SELECT page.*, prov.code AS province_code, prov.name AS province_name, iu.name AS unit_name
      FROM page
      JOIN org_units prov ON prov.tenant_id = page.tenant_id AND prov.id = page.tenant_id
      LEFT JOIN org_units iu ON iu.tenant_id = page.tenant_id AND iu.id = page.unit_id
     ORDER BY page.n`,
  );
  // Past the last page there is no row to carry the total: count on its own.
  const total = rows.length
    ? Number(rows[0].total)
    : Number(
        (
          await queryRows<{ n: number | string }>(
            db,
            sql`SELECT count(*) AS n FROM plans p
                  JOIN plan_summaries s ON s.tenant_id = p.tenant_id AND s.plan_id = p.id
                 WHERE ${filters}`,
          )
        )[0]?.n ?? 0,
      );
  return { items: rows.map((r) => presentListedPlan(r, today)), total, page, pageSize };
}

/** Provinces that have published plans, by name, with how many. */
export async function listPublicProvinces(db: Database): Promise<TPublicProvinceList> {
  const counts = await queryRows<{ tenant_id: string; n: number | string }>(
    db,
    sql`SELECT tenant_id, count(*) AS n FROM plans
         WHERE ${acrossTenants("the province picker counts every province", sql`status = 'published'`)}
         GROUP BY tenant_id`,
  );
  const countOf = new Map(counts.map((c) => [c.tenant_id, Number(c.n)]));
  const provinces = (await provinceRoots(db))
    .filter((root) => countOf.has(root.tenantId))
    .map((root) => ({ ...presentProvince(root), planCount: countOf.get(root.tenantId) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));
  return { provinces };
}

/** The units of one province that issued published plans (the province itself, communes, departments). */
export async function listPublicIssuingUnits(db: Database, slug: string): Promise<TPublicUnitList> {
  const province = await findProvince(db, slug);
  if (!province) throw notFound("Không tìm thấy tỉnh, thành phố này.");
  const rows = await queryRows<{ code: string; name: string; n: number | string }>(
    db,
    sql`SELECT u.code, u.name, count(*) AS n
        FROM plans p JOIN org_units u ON u.tenant_id = p.tenant_id AND u.id = p.unit_id
        WHERE p.tenant_id = ${province.tenantId} AND p.status = 'published'
        GROUP BY u.code, u.name`,
  );
  const units = rows
    .map((r) => ({ code: r.code, name: r.name, planCount: Number(r.n) }))
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));
  return { province: presentProvince(province), units };
}

/** The task columns the page shows (TaskFacts), in the order its statement sends them. */
const TASK_FIELDS = [
  "pillar",
  "text",
  "leadUnitId",
  "leadText",
  "deadlineDate",
  "deadlineText",
  "recurring",
  "progress",
  "completedAt",
] as const satisfies readonly (keyof TaskFacts)[];

/**
 * The public page's one statement, its values as placeholders (t: the province, code): the
 * published version (the first by id, without its document), its issuing unit, targets with
 * their indicators, the tasks' shown columns with their lead unit's name, the periods, legal
 * bases, reporting rules and the stored figures of approved reports. Compiled once: the page
 * needs no unit tree (it shows no completeness), so nothing here grows with the province.
 */
const readPublicPlan = preparedRead(() => {
  const t = sql.placeholder("t");
  const code = sql.placeholder("code");
  const ofPlan = (table: typeof planTargets | typeof planLegalBases | typeof planReportingRules) =>
    jsonRows(
      table,
      and(eq(table.tenantId, t), sql`${table.planId} IN (SELECT id FROM pp)`),
      sql`${table.position}`,
    );
  return {
    with: sql`WITH pp AS (SELECT id, unit_id FROM plans
                           WHERE tenant_id = ${t} AND code = ${code} AND status = 'published'
                           ORDER BY id LIMIT 1)`,
    parts: {
      plan: jsonRows(
        plans,
        and(eq(plans.tenantId, t), sql`${plans.id} IN (SELECT id FROM pp)`),
        undefined,
        PLAN_DOCUMENT,
      ),
      issuingUnit: jsonRows(
        orgUnits,
        and(eq(orgUnits.tenantId, t), sql`${orgUnits.id} IN (SELECT unit_id FROM pp)`),
      ),
      targets: ofPlan(planTargets),
      // What judging and showing a target take of its indicator.
      indicators: sql`(SELECT coalesce(json_agg(json_build_array(i.code, i.name, i.aggregation, i.direction)), '[]')
                         FROM indicators i
                        WHERE i.tenant_id = ${t}
                          AND i.code IN (SELECT g.indicator_code FROM plan_targets g
                                          WHERE g.tenant_id = ${t} AND g.plan_id IN (SELECT id FROM pp)))`,
      // TASK_FIELDS of each task in its order, then its lead unit's name.
      tasks: sql`(SELECT coalesce(json_agg(json_build_array(${sql.join(
        TASK_FIELDS.map((f) => sql`k.${sql.identifier(planTasks[f].name)}`),
        sql`, `,
      )}, u.name) ORDER BY k.position), '[]')
                    FROM plan_tasks k
                    LEFT JOIN org_units u ON u.tenant_id = ${t} AND u.id = k.lead_unit_id
                   WHERE k.tenant_id = ${t} AND k.plan_id IN (SELECT id FROM pp))`,
      periods: jsonRows(
        reportingPeriods,
        and(eq(reportingPeriods.tenantId, t), eq(reportingPeriods.planCode, code)),
        sql`${reportingPeriods.dueDate}, ${reportingPeriods.key}`,
      ),
      legalBases: ofPlan(planLegalBases),
      rules: ofPlan(planReportingRules),
      // The figures of the period the page shows — the latest with an approved figure, as
      // judgeFigures chooses among the periods in their order (periodsPart's): the page shows
      // no trend, so no other period's figures are read.
      figures: targetFiguresPart({
        tenantId: t,
        planCode: code,
        approvedOnly: true,
        period: sql`(SELECT rp.id FROM reporting_periods rp
                      WHERE rp.tenant_id = ${t} AND rp.plan_code = ${code}
                        AND EXISTS (SELECT 1 FROM target_figures f
                                     WHERE f.tenant_id = ${t} AND f.period_id = rp.id AND f.plan_code = ${code}
                                       AND f.approved_only)
                      ORDER BY rp.due_date DESC, rp.key DESC LIMIT 1)`,
      }),
    },
  };
});

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
  const read = await readPublicPlan(db, { t: province.tenantId, code });
  const [plan] = rowsFromJson(plans, read.plan, PLAN_DOCUMENT);
  if (!plan) throw publicPlanNotFound();
  // The stored approved figures judged by the rule every reader of attainment uses.
  const attainment = judgeFigures({
    plan,
    basis: {
      targets: rowsFromJson(planTargets, read.targets),
      indicators: new Map(
        (read.indicators as [string, string, IndicatorAggregation, IndicatorDirection][]).map(
          ([code, name, aggregation, direction]) => [code, { code, name, aggregation, direction }],
        ),
      ),
    },
    periods: rowsFromJson(reportingPeriods, read.periods),
    figuresOf: figuresFromJson(read.figures),
    nearThreshold,
  });
  const today = todayIso();
  const leadNames = new Map<string, string>();
  const tasks = (read.tasks as unknown[][]).map((values) => {
    const task: Record<string, unknown> = {};
    for (let i = 0; i < TASK_FIELDS.length; i++) task[TASK_FIELDS[i]] = values[i];
    const leadName = values[TASK_FIELDS.length] as string | null;
    const facts = task as unknown as TaskFacts;
    if (facts.leadUnitId && leadName !== null) leadNames.set(facts.leadUnitId, leadName);
    task.status = statusOfTask(facts, today);
    return task as unknown as TaskFacts & { status: TaskStatus };
  });
  const [issuingUnit = null] = rowsFromJson(orgUnits, read.issuingUnit);
  return presentPlanDetail({
    plan,
    province,
    issuingUnit,
    targetCount: attainment.targets.length,
    tasks,
    leadNames,
    attainment: { ...attainment, period: attainment.period ? presentPeriodRef(attainment.period) : null },
    legalBases: rowsFromJson(planLegalBases, read.legalBases),
    rules: rowsFromJson(planReportingRules, read.rules),
  });
}
