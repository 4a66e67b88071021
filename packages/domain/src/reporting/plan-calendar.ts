import type { ReportingFrequency } from "../extract/types.ts";
import { buildReportingCalendar, type ReportingPeriod, type ReportingRuleInput } from "./calendar.ts";

/** A plan's dates as stored: the years it covers, when it was issued and published. */
export interface PlanDates {
  periodStart: number | null;
  periodEnd: number | null;
  /** ISO date. */
  issuedDate: string | null;
  publishedAt: Date | null;
}

/** A stored reporting rule: how often, and the due day (a month, or the last month of the period). */
export interface StoredReportingRule {
  frequency: ReportingFrequency;
  dueDay: number | null;
  dueMonth: number | null;
  dueLastOfPeriod: boolean;
}

/** The plan's years: its period, else the year it was issued or published. */
export function planYears(plan: PlanDates, now: Date = new Date()): { start: number; end: number } {
  const fallback =
    Number((plan.issuedDate ?? plan.publishedAt?.toISOString() ?? "").slice(0, 4)) || now.getFullYear();
  const start = plan.periodStart ?? plan.periodEnd ?? fallback;
  return { start, end: Math.max(start, plan.periodEnd ?? start) };
}

/**
 * Kỳ báo cáo of a plan from its stored reporting rules (Decree 09/2019 cut-off). A plan
 * without a periodic rule reports quarterly, due the 15th of the quarter's last month.
 */
export function planReportingCalendar(
  plan: PlanDates,
  rules: readonly StoredReportingRule[],
): ReportingPeriod[] {
  const inputs: ReportingRuleInput[] = rules.map((r) => ({
    frequency: r.frequency,
    due:
      r.dueDay === null
        ? null
        : { day: r.dueDay, month: r.dueLastOfPeriod ? ("last-of-period" as const) : (r.dueMonth ?? 12) },
  }));
  if (!inputs.some((r) => r.frequency !== "adhoc")) inputs.push({ frequency: "quarterly", due: null });
  return buildReportingCalendar(inputs, planYears(plan));
}
