import { planReportingCalendar, type StoredReportingRule } from "@dtplan/domain/reporting/plan-calendar.ts";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../database.ts";

/**
 * Writes the missing reporting periods of every published plan (existing ones, possibly
 * adjusted, are left alone). Frozen with the migration: it reads and writes the tables
 * as they are at 0007, not through the application's modules.
 */
export async function up(tx: Database): Promise<void> {
  // One pass over all provinces, once; every later statement stays within one tenant.
  const plans = await queryRows<{
    tenant_id: string;
    id: string;
    code: string;
    period_start: number | null;
    period_end: number | null;
    issued_date: string | null;
    published_at: Date | string | null;
  }>(
    tx,
    sql`SELECT tenant_id, id, code, period_start, period_end, issued_date::text AS issued_date, published_at
          FROM plans WHERE status = 'published'`,
  );
  for (const plan of plans) {
    const rules = await queryRows<{
      frequency: StoredReportingRule["frequency"];
      due_day: number | null;
      due_month: number | null;
      due_last_of_period: boolean;
    }>(
      tx,
      sql`SELECT frequency, due_day, due_month, due_last_of_period FROM plan_reporting_rules
           WHERE tenant_id = ${plan.tenant_id} AND plan_id = ${plan.id} ORDER BY position`,
    );
    const calendar = planReportingCalendar(
      {
        periodStart: plan.period_start,
        periodEnd: plan.period_end,
        issuedDate: plan.issued_date,
        publishedAt: plan.published_at === null ? null : new Date(plan.published_at),
      },
      rules.map((r) => ({
        frequency: r.frequency,
        dueDay: r.due_day,
        dueMonth: r.due_month,
        dueLastOfPeriod: r.due_last_of_period,
      })),
    );
    if (calendar.length === 0) continue;
    const rows = calendar.map(
      (p) =>
        sql`(${plan.tenant_id}, ${plan.code}, ${p.key}, ${p.label}, ${p.frequency}, ${p.start}, ${p.end}, ${p.dueDate})`,
    );
    await tx.execute(
      sql`INSERT INTO reporting_periods (tenant_id, plan_code, key, label, frequency, start_date, end_date, due_date)
          VALUES ${sql.join(rows, sql`, `)}
          ON CONFLICT (tenant_id, plan_code, key) DO NOTHING`,
    );
  }
}
