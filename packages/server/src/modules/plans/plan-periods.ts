import { planReportingCalendar } from "@dtplan/domain/reporting/plan-calendar.ts";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type PlanRow, planReportingRules, reportingPeriods } from "../../db/schema.ts";
import { refreshReportingStatus } from "../summary/reporting-status.ts";

/**
 * Kỳ báo cáo of a plan, written when it is published (and when an amendment is):
 * missing keys are added, existing ones — possibly adjusted by the focal officer —
 * are left alone. Reads only read them. Who reports in each of them follows the version
 * now in force (its tasks, targets and reporting units): their stored completeness too.
 */
export async function writePlanPeriods(db: Database, plan: PlanRow): Promise<void> {
  const rules = await db
    .select()
    .from(planReportingRules)
    .where(and(eq(planReportingRules.tenantId, plan.tenantId), eq(planReportingRules.planId, plan.id)))
    .orderBy(asc(planReportingRules.position));
  const calendar = planReportingCalendar(plan, rules);
  if (calendar.length > 0)
    await db
      .insert(reportingPeriods)
      .values(
        calendar.map((p) => ({
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
  await refreshReportingStatus(db, { tenantId: plan.tenantId, planCodes: [plan.code] });
}
