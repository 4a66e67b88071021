/**
 * Province- and national-size data for the scale benchmark, written with SQL straight
 * into the real schema (generate_series, a province at a time): the merged provinces'
 * departments and communes, one published 2026 plan per province and per commune with
 * its targets and tasks at every stage (done, late, in progress, not started,
 * recurring), and each plan's stored summary as publication writes it.
 *
 * Sizes follow today's Vietnam: 34 provinces, ~98 communes/wards/special zones each
 * (3,321 in all), a dozen or so departments.
 */
import { randomUUID } from "node:crypto";
import { PILLAR_KEYS } from "@dtplan/domain/indicators/pillars.ts";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/database.ts";
import { writePlanSummaries } from "../modules/plans/plan-summaries.ts";

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
): Promise<{ plans: number; tasks: number; targets: number }> {
  let plans = 0;
  for (let i = from; i < to; i++) {
    const tenant = randomUUID();
    const name = `Tỉnh ${PROVINCE_NAMES[i % PROVINCE_NAMES.length]}${i >= PROVINCE_NAMES.length ? ` ${i}` : ""}`;
    const code = `T${String(i + 1).padStart(2, "0")}`;
    const pillars = sql.raw(`ARRAY[${PILLAR_KEYS.map((p) => `'${p}'`).join(",")}]`);
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        INSERT INTO org_units (tenant_id, id, parent_id, code, name, kind)
        VALUES (${tenant}, ${tenant}, NULL, ${code}, ${name}, 'province')`);
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
      // The province's plan and one per commune/ward, all published for 2026.
      await tx.execute(sql`
        INSERT INTO plans (tenant_id, code, status, title, kind, unit_id, period_start, period_end,
                           document_number, issued_date, published_at)
        SELECT u.tenant_id, lower(u.code) || '-2026', 'published',
               'Kế hoạch chuyển đổi số ' || u.name || ' năm 2026', 'annual', u.id, 2026, 2026,
               (row_number() OVER (ORDER BY u.code)) || '/KH-UBND', DATE '2026-01-15', now()
        FROM org_units u
        WHERE u.tenant_id = ${tenant} AND u.kind IN ('province', 'commune', 'ward')`);
      await tx.execute(sql`
        INSERT INTO plan_targets (tenant_id, plan_id, position, pillar, text, value, unit, comparator, year)
        SELECT p.tenant_id, p.id, g, (${pillars})[1 + g % ${PILLAR_KEYS.length}],
               'Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến số ' || g, 50 + g % 50, '%', '>=', 2026
        FROM plans p, generate_series(1, ${shape.targetsPerPlan}) g
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
      const ids = await queryRows<{ id: string }>(tx, sql`SELECT id FROM plans WHERE tenant_id = ${tenant}`);
      await writePlanSummaries(
        tx,
        tenant,
        ids.map((r) => r.id),
      );
      plans += ids.length;
    });
  }
  return { plans, tasks: plans * shape.tasksPerPlan, targets: plans * shape.targetsPerPlan };
}
