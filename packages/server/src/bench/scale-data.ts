/**
 * Province- and national-size data for the scale benchmark, written with SQL straight
 * into the real schema (generate_series, a province at a time): the merged provinces'
 * departments and communes, one published 2026–2030 plan per province and per commune
 * with its targets (each on an indicator of the national catalogue) and tasks at every
 * stage (done, late, in progress, not started, recurring), each plan's stored summary as
 * publication writes it, its 20 quarterly periods, and every reporting unit's approved
 * report with a figure for each of its targets in every period: a commune reports on its
 * own plan and, for the task it leads, on the province's plan. (Reports carry no per-task
 * rows: task progress is on the tasks.)
 *
 * Sizes follow today's Vietnam: 34 provinces, ~98 communes/wards/special zones each
 * (3,321 in all), a dozen or so departments.
 */
import { randomUUID } from "node:crypto";
import { INDICATOR_CATALOGUE } from "@dtplan/domain/indicators/catalogue.ts";
import { PILLAR_KEYS } from "@dtplan/domain/indicators/pillars.ts";
import { planReportingCalendar } from "@dtplan/domain/reporting/plan-calendar.ts";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/database.ts";
import { ensureCatalogue } from "../modules/indicators/indicators.repository.ts";
import { writePlanSummaries } from "../modules/plans/plan-summaries.ts";
import { refreshReportingStatus } from "../modules/summary/reporting-status.ts";
import { refreshTenantTargetFigures } from "../modules/summary/target-figures.ts";

export interface ScaleShape {
  communesPerProvince: number;
  departmentsPerProvince: number;
  targetsPerPlan: number;
  tasksPerPlan: number;
}

export const NATIONAL_SHAPE: ScaleShape = {
  communesPerProvince: 98,
  departmentsPerProvince: 14,
  targetsPerPlan: 30,
  tasksPerPlan: 50,
};

const PROVINCE_NAMES = [
  "Vĩnh Long",
  "Đồng Tháp",
  "Quảng Ngãi",
  "Gia Lai",
  "Tây Ninh",
  "Lâm Đồng",
  "Phú Thọ",
  "Cần Thơ",
  "An Giang",
  "Cà Mau",
  "Đắk Lắk",
  "Khánh Hòa",
  "Đồng Nai",
  "Bắc Ninh",
  "Hưng Yên",
  "Ninh Bình",
  "Thái Nguyên",
  "Tuyên Quang",
  "Lào Cai",
  "Lai Châu",
  "Điện Biên",
  "Sơn La",
  "Cao Bằng",
  "Lạng Sơn",
  "Quảng Ninh",
  "Thanh Hóa",
  "Nghệ An",
  "Hà Tĩnh",
  "Quảng Trị",
  "Huế",
  "Đà Nẵng",
  "Hải Phòng",
  "Hà Nội",
  "Hồ Chí Minh",
];

/** Adds provinces number `from` … `to - 1` (0-based) with their units, plans, targets and tasks. */
export async function addScaleProvinces(
  db: Database,
  { from, to, shape = NATIONAL_SHAPE }: { from: number; to: number; shape?: ScaleShape },
): Promise<{ plans: number; tasks: number; targets: number; reports: number; values: number }> {
  let plans = 0;
  let reports = 0;
  let values = 0;
  // Every plan runs 2026–2030 with the default regime (quarterly): the same 20 periods.
  const calendar = planReportingCalendar(
    { periodStart: 2026, periodEnd: 2030, issuedDate: "2026-01-15", publishedAt: new Date("2026-01-20") },
    [],
  );
  const periodRows = sql.join(
    calendar.map(
      (c) =>
        sql`(${c.key}, ${c.label}, ${c.frequency}, ${c.start}::date, ${c.end}::date, ${c.dueDate}::date)`,
    ),
    sql`, `,
  );
  const codes = sql.raw(`ARRAY[${INDICATOR_CATALOGUE.map((i) => `'${i.code}'`).join(",")}]`);
  for (let i = from; i < to; i++) {
    const tenant = randomUUID();
    const name = `Tỉnh ${PROVINCE_NAMES[i % PROVINCE_NAMES.length]}${i >= PROVINCE_NAMES.length ? ` ${i}` : ""}`;
    const code = `T${String(i + 1).padStart(2, "0")}`;
    const pillars = sql.raw(`ARRAY[${PILLAR_KEYS.map((p) => `'${p}'`).join(",")}]`);
    await db.transaction(async (tx) => {
      // Bulk statements over one new province: the planner's statistics (taken after earlier
      // provinces) know nothing of its rows and chose nested loops that took minutes; hash joins here.
      await tx.execute(sql`SET LOCAL enable_nestloop = off`);
      await tx.execute(sql`
        INSERT INTO org_units (tenant_id, id, parent_id, code, name, kind)
        VALUES (${tenant}, ${tenant}, NULL, ${code}, ${name}, 'province')`);
      await ensureCatalogue(tx, tenant);
      await tx.execute(sql`
        INSERT INTO org_units (tenant_id, parent_id, code, name, kind)
        SELECT ${tenant}, ${tenant}, ${`${code}-S`} || g, 'Sở ngành số ' || g, 'department'
        FROM generate_series(1, ${shape.departmentsPerProvince}) g`);
      await tx.execute(sql`
        INSERT INTO org_units (tenant_id, parent_id, code, name, kind)
        SELECT ${tenant}, ${tenant}, ${`${code}-X`} || g,
               (CASE g % 5 WHEN 0 THEN 'Phường ' ELSE 'Xã ' END) || 'Hòa Bình ' || g,
               CASE g % 5 WHEN 0 THEN 'ward' ELSE 'commune' END
        FROM generate_series(1, ${shape.communesPerProvince}) g`);
      // The province's plan and one per commune/ward, all published for 2026–2030.
      await tx.execute(sql`
        INSERT INTO plans (tenant_id, code, status, title, kind, unit_id, period_start, period_end,
                           document_number, issued_date, published_at)
        SELECT u.tenant_id, lower(u.code) || '-2026', 'published',
               'Kế hoạch chuyển đổi số ' || u.name || ' giai đoạn 2026–2030', 'multi_year', u.id, 2026, 2030,
               (row_number() OVER (ORDER BY u.code)) || '/KH-UBND', DATE '2026-01-15', TIMESTAMPTZ '2026-01-20'
        FROM org_units u
        WHERE u.tenant_id = ${tenant} AND u.kind IN ('province', 'commune', 'ward')`);
      // Target g measures the catalogue's indicator g, in that indicator's pillar.
      await tx.execute(sql`
        INSERT INTO plan_targets (tenant_id, plan_id, position, pillar, text, value, unit, comparator, year,
                                  indicator_code, indicator_confirmed)
        SELECT p.tenant_id, p.id, g, i.pillar, i.name, 50 + g % 50, i.unit, '>=', 2030, i.code, true
        FROM plans p, generate_series(1, ${shape.targetsPerPlan}) g
        JOIN indicators i ON i.tenant_id = ${tenant}
         AND i.code = (${codes})[1 + (g - 1) % ${INDICATOR_CATALOGUE.length}]
        WHERE p.tenant_id = ${tenant}`);
      // Deadlines by quarter; every tenth task recurring; progress 0–100, some done late.
      await tx.execute(sql`
        INSERT INTO plan_tasks (tenant_id, plan_id, position, pillar, text, lead_unit_id, deadline_text,
                                deadline_date, recurring, progress, completed_at)
        SELECT p.tenant_id, p.id, g, (${pillars})[1 + g % ${PILLAR_KEYS.length}],
               'Triển khai nhiệm vụ chuyển đổi số số ' || g, p.unit_id, 'Quý ' || (1 + g % 4) || '/2026',
               (DATE '2026-03-31' + ((g % 4) * 3 || ' months')::interval)::date,
               g % 10 = 0,
               (g * 37) % 101,
               CASE WHEN (g * 37) % 101 = 100
                    THEN (DATE '2026-03-31' + ((g % 4) * 3 - 1 + g % 3 || ' months')::interval)::date END
        FROM plans p, generate_series(1, ${shape.tasksPerPlan}) g
        WHERE p.tenant_id = ${tenant}`);
      // The province's plan also gives each commune a task it leads, in a pillar by turns.
      await tx.execute(sql`
        INSERT INTO plan_tasks (tenant_id, plan_id, position, pillar, text, lead_unit_id, deadline_text,
                                deadline_date, recurring, progress)
        SELECT p.tenant_id, p.id, ${shape.tasksPerPlan} + row_number() OVER (ORDER BY u.code),
               (${pillars})[1 + (row_number() OVER (ORDER BY u.code))::int % ${PILLAR_KEYS.length}],
               'Triển khai chuyển đổi số tại ' || u.name, u.id, 'Hằng quý', NULL, true,
               (row_number() OVER (ORDER BY u.code))::int * 13 % 101
        FROM plans p JOIN org_units u ON u.tenant_id = p.tenant_id AND u.kind IN ('commune', 'ward')
        WHERE p.tenant_id = ${tenant} AND p.unit_id = ${tenant}`);
      await tx.execute(sql`
        INSERT INTO reporting_periods (tenant_id, plan_code, key, label, frequency, start_date, end_date, due_date)
        SELECT p.tenant_id, p.code, c.key, c.label, c.frequency, c.start_date, c.end_date, c.due_date
        FROM plans p, (VALUES ${periodRows}) AS c (key, label, frequency, start_date, end_date, due_date)
        WHERE p.tenant_id = ${tenant}`);
      // Every unit leading a task of a plan reports in every period, approved; submitted
      // on time except every seventh report, a week late.
      const reported = await queryRows<{ n: number }>(
        tx,
        sql`WITH units AS (
              SELECT DISTINCT t.plan_id, t.lead_unit_id AS unit_id FROM plan_tasks t WHERE t.tenant_id = ${tenant}
            ), ins AS (
            INSERT INTO unit_reports (tenant_id, period_id, plan_code, unit_id, status, first_submitted_at,
                                      submitted_at, reviewed_at, locked)
            SELECT ${tenant}, rp.id, p.code, u.unit_id, 'approved',
                   rp.due_date - CASE WHEN abs(hashtext(u.unit_id::text || rp.key)) % 7 = 0 THEN -7 ELSE 2 END,
                   rp.due_date - CASE WHEN abs(hashtext(u.unit_id::text || rp.key)) % 7 = 0 THEN -7 ELSE 2 END,
                   rp.due_date + 5, true
            FROM units u
            JOIN plans p ON p.tenant_id = ${tenant} AND p.id = u.plan_id
            JOIN reporting_periods rp ON rp.tenant_id = ${tenant} AND rp.plan_code = p.code
            RETURNING 1)
            SELECT count(*)::int AS n FROM ins`,
      );
      reports += reported[0].n;
      await tx.execute(sql`
        INSERT INTO report_events (tenant_id, report_id, period_id, unit_id, action, from_status, to_status, at)
        SELECT r.tenant_id, r.id, r.period_id, r.unit_id, e.action, e.from_status, e.to_status,
               CASE e.action WHEN 'submitted' THEN r.submitted_at ELSE r.reviewed_at END
        FROM unit_reports r,
             (VALUES ('submitted', 'draft', 'submitted'), ('approved', 'submitted', 'approved')) AS e (action, from_status, to_status)
        WHERE r.tenant_id = ${tenant}`);
      // A figure for each target in the pillars of the unit's tasks: ratios as numerator /
      // denominator, the rest as a value, rising over the periods.
      const written = await queryRows<{ n: number }>(
        tx,
        sql`WITH led AS (
              SELECT DISTINCT t.plan_id, t.lead_unit_id, t.pillar FROM plan_tasks t WHERE t.tenant_id = ${tenant}
            ), ins AS (INSERT INTO unit_report_values (tenant_id, report_id, target_key, indicator_code, numerator, denominator, value)
            SELECT r.tenant_id, r.id, g.key, g.indicator_code,
                   CASE WHEN i.aggregation = 'ratio' THEN 40 + (abs(hashtext(r.id::text || g.key::text)) % 60) END,
                   CASE WHEN i.aggregation = 'ratio' THEN 100 END,
                   CASE WHEN i.aggregation <> 'ratio' THEN 10 + (abs(hashtext(r.id::text || g.key::text)) % 90) END
            FROM unit_reports r
            JOIN plans p ON p.tenant_id = r.tenant_id AND p.code = r.plan_code
            JOIN led ON led.plan_id = p.id AND led.lead_unit_id = r.unit_id
            JOIN plan_targets g ON g.tenant_id = r.tenant_id AND g.plan_id = p.id AND g.pillar = led.pillar
            JOIN indicators i ON i.tenant_id = r.tenant_id AND i.code = g.indicator_code
            WHERE r.tenant_id = ${tenant}
            RETURNING 1)
            SELECT count(*)::int AS n FROM ins`,
      );
      values += written[0].n;
      // The province plan's last period is still open: the communes' reports there are
      // drafts with their figures and task progress in, for the bench to submit.
      const lastOfProvincePlan = sql`(SELECT rp.id FROM reporting_periods rp JOIN plans pp
                                        ON pp.tenant_id = rp.tenant_id AND pp.code = rp.plan_code
                                     WHERE rp.tenant_id = ${tenant} AND pp.unit_id = ${tenant}
                                     ORDER BY rp.end_date DESC LIMIT 1)`;
      await tx.execute(sql`
        DELETE FROM report_events WHERE tenant_id = ${tenant} AND period_id = ${lastOfProvincePlan}`);
      await tx.execute(sql`
        UPDATE unit_reports SET status = 'draft', first_submitted_at = NULL, submitted_at = NULL,
               reviewed_at = NULL, locked = false
         WHERE tenant_id = ${tenant} AND period_id = ${lastOfProvincePlan}`);
      await tx.execute(sql`
        INSERT INTO unit_report_tasks (tenant_id, report_id, task_key, progress)
        SELECT r.tenant_id, r.id, t.key, t.progress
          FROM unit_reports r
          JOIN plans p ON p.tenant_id = r.tenant_id AND p.code = r.plan_code
          JOIN plan_tasks t ON t.tenant_id = r.tenant_id AND t.plan_id = p.id AND t.lead_unit_id = r.unit_id
         WHERE r.tenant_id = ${tenant} AND r.period_id = ${lastOfProvincePlan}`);
      const ids = await queryRows<{ id: string }>(tx, sql`SELECT id FROM plans WHERE tenant_id = ${tenant}`);
      await writePlanSummaries(
        tx,
        tenant,
        ids.map((r) => r.id),
      );
      // The reports above were written straight into the tables: their stored figures too.
      await refreshTenantTargetFigures(tx, tenant);
      await refreshReportingStatus(tx, { tenantId: tenant });
      plans += ids.length;
    });
  }
  return { plans, tasks: plans * shape.tasksPerPlan, targets: plans * shape.targetsPerPlan, reports, values };
}
