import { periodFigure, type ReportedValue } from "@dtplan/domain/attainment/roll-up.ts";
import type { IndicatorAggregation } from "@dtplan/domain/indicators/catalogue.ts";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../database.ts";

interface Value extends ReportedValue {
  status: string;
}

const num = (x: string | number | null) => (x === null ? null : Number(x));

/**
 * Fills each target's figure per period from the reports already counted (submitted or
 * approved), by the domain's rule (attainment/roll-up.ts periodFigure) and the indicator of
 * the target in the plan's published version — in the order the module reads them, so the
 * sums are the same. Frozen with the migration: it reads and writes the tables as at 0016.
 */
export async function up(tx: Database): Promise<void> {
  // One pass over all provinces, once; every later statement stays within one tenant.
  const tenants = await queryRows<{ id: string }>(tx, sql`SELECT id FROM org_units WHERE id = tenant_id`);
  for (const { id: tenantId } of tenants) {
    const rules = await queryRows<{ plan_code: string; key: string; aggregation: IndicatorAggregation }>(
      tx,
      sql`SELECT p.code AS plan_code, t.key, i.aggregation
            FROM plan_targets t
            JOIN plans p ON p.tenant_id = t.tenant_id AND p.id = t.plan_id
            JOIN indicators i ON i.tenant_id = t.tenant_id AND i.code = t.indicator_code
           WHERE t.tenant_id = ${tenantId} AND p.tenant_id = ${tenantId} AND i.tenant_id = ${tenantId}
             AND p.status = 'published'`,
    );
    const aggregation = new Map(rules.map((r) => [`${r.plan_code} ${r.key}`, r.aggregation]));
    const rows = await queryRows<{
      plan_code: string;
      period_id: string;
      target_key: string;
      unit_id: string;
      status: string;
      reported_at: Date | string;
      numerator: string | number | null;
      denominator: string | number | null;
      value: string | number | null;
    }>(
      tx,
      sql`SELECT rp.plan_code, r.period_id, v.target_key, r.unit_id, r.status,
                 coalesce(r.submitted_at, r.updated_at) AS reported_at, v.numerator, v.denominator, v.value
            FROM unit_report_values v
            JOIN unit_reports r ON r.tenant_id = v.tenant_id AND r.id = v.report_id
            JOIN reporting_periods rp ON rp.tenant_id = r.tenant_id AND rp.id = r.period_id
           WHERE v.tenant_id = ${tenantId} AND r.tenant_id = ${tenantId} AND rp.tenant_id = ${tenantId}
             AND r.status IN ('submitted', 'approved')
           ORDER BY r.period_id, v.target_key, r.unit_id`,
    );
    const groups = new Map<
      string,
      { planCode: string; periodId: string; targetKey: string; values: Value[] }
    >();
    for (const r of rows) {
      const id = `${r.period_id} ${r.target_key}`;
      const group = groups.get(id) ?? {
        planCode: r.plan_code,
        periodId: r.period_id,
        targetKey: r.target_key,
        values: [],
      };
      group.values.push({
        unitId: r.unit_id,
        status: r.status,
        numerator: num(r.numerator),
        denominator: num(r.denominator),
        value: num(r.value),
        reportedAt: new Date(r.reported_at).toISOString(),
      });
      groups.set(id, group);
    }
    const out: unknown[] = [];
    for (const g of groups.values()) {
      const rule = aggregation.get(`${g.planCode} ${g.targetKey}`) ?? null;
      for (const approvedOnly of [false, true]) {
        const values = approvedOnly ? g.values.filter((v) => v.status === "approved") : g.values;
        if (values.length === 0) continue;
        const f = periodFigure(values, rule);
        out.push({
          plan_code: g.planCode,
          period_id: g.periodId,
          target_key: g.targetKey,
          approved_only: approvedOnly,
          value: f.value,
          numerator: f.numerator,
          denominator: f.denominator,
          reporting_units: f.reportingUnits,
        });
      }
    }
    for (let i = 0; i < out.length; i += 2000) {
      await tx.execute(
        sql`INSERT INTO target_figures (tenant_id, plan_code, period_id, target_key, approved_only, value,
                                        numerator, denominator, reporting_units)
            SELECT ${tenantId}::uuid, f.plan_code, f.period_id, f.target_key, f.approved_only, f.value,
                   f.numerator, f.denominator, f.reporting_units
              FROM jsonb_to_recordset(${JSON.stringify(out.slice(i, i + 2000))}::jsonb)
                   AS f(plan_code text, period_id uuid, target_key uuid, approved_only boolean,
                        value double precision, numerator double precision, denominator double precision,
                        reporting_units integer)`,
      );
    }
  }
}
