import { buildReportingCalendar, type ReportingRuleInput } from "@dtplan/domain/reporting/calendar.ts";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type PlanRow, planReportingRules, reportingPeriods } from "../../db/schema.ts";
import { listPeriods } from "./reporting.repository.ts";

/** The plan's years: its period, else the year it was issued or published. */
function planYears(plan: PlanRow): { start: number; end: number } {
  const fallback =
    Number((plan.issuedDate ?? plan.publishedAt?.toISOString() ?? "").slice(0, 4)) ||
    new Date().getFullYear();
  const start = plan.periodStart ?? plan.periodEnd ?? fallback;
  return { start, end: Math.max(start, plan.periodEnd ?? start) };
}

/**
 * Kỳ báo cáo from the plan's reporting rules (Decree 09/2019 cut-off), written once per
 * plan code: missing keys are added, existing ones — possibly adjusted by the focal
 * officer — are left alone, so it is safe on every read. A plan without a periodic
 * rule reports quarterly, due the 15th of the quarter's last month.
 */
export async function ensurePeriods(db: Database, plan: PlanRow) {
  const rules = await db
    .select()
    .from(planReportingRules)
    .where(and(eq(planReportingRules.tenantId, plan.tenantId), eq(planReportingRules.planId, plan.id)))
    .orderBy(asc(planReportingRules.position));
  const inputs: ReportingRuleInput[] = rules.map((r) => ({
    frequency: r.frequency,
    due:
      r.dueDay === null
        ? null
        : { day: r.dueDay, month: r.dueLastOfPeriod ? ("last-of-period" as const) : (r.dueMonth ?? 12) },
  }));
  if (!inputs.some((r) => r.frequency !== "adhoc")) inputs.push({ frequency: "quarterly", due: null });
  const calendar = buildReportingCalendar(inputs, planYears(plan));
  const existing = await listPeriods(db, plan);
  const have = new Set(existing.map((p) => p.key));
  const missing = calendar.filter((p) => !have.has(p.key));
  if (missing.length === 0) return existing;
  await db
    .insert(reportingPeriods)
    .values(
      missing.map((p) => ({
        tenantId: plan.tenantId,
        planCode: plan.code,
        key: p.key,
        label: p.label,
        frequency: p.frequency,
        startDate: p.start,
        endDate: p.end,
        dueDate: p.dueDate,
      })),
    )
    .onConflictDoNothing();
  return listPeriods(db, plan);
}
