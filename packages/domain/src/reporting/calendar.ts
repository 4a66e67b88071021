/**
 * Kỳ báo cáo — reporting periods derived from a plan's reporting rules.
 *
 * Data cut-off follows Decree 09/2019/NĐ-CP by default: a quarter runs from the
 * 15th of the month before it to the 14th of its last month, six months from
 * 15/12 of the previous year to 14/6, a year from 15/12 to 14/12. When a plan asks
 * for a report before its period would close ("báo cáo năm trước ngày 15/11"),
 * the period closes the day before the due date instead, so every figure in a
 * report is known when it is due.
 */

import { CADENCES, type ReportingFrequency } from "./lists.ts";

/** When a report is due, as plan-extract/v1 writes it. */
export type ReportingDue = { day: number; month: number | "last-of-period" } | null;

export interface ReportingRuleInput {
  frequency: ReportingFrequency;
  due: ReportingDue;
}

export interface ReportingPeriod {
  /** Stable key: `2025-M03`, `2025-Q2`, `2025-H1`, `2025-H2`, `2025`. */
  key: string;
  frequency: Exclude<ReportingFrequency, "adhoc">;
  year: number;
  /** Vietnamese label: "Quý II năm 2025". */
  label: string;
  /** First and last day of the data the report covers (ISO dates, inclusive). */
  start: string;
  end: string;
  /** Last day to submit (ISO). */
  dueDate: string;
}

export interface CalendarOptions {
  /** Use calendar months instead of the Decree 09 cut-off (15th → 14th). */
  calendarCutoff?: boolean;
  /** Day of the month reports are due when the rule gives none (default 15). */
  defaultDueDay?: number;
}

const ROMAN = ["I", "II", "III", "IV"];

function iso(year: number, month: number, day: number): string {
  // Date.UTC normalises overflow: month 13 → January next year, day 0 → last day before.
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function clampDay(year: number, month: number, day: number): string {
  const m = ((month - 1 + 1200) % 12) + 1;
  const y = year + Math.floor((month - 1) / 12);
  return iso(y, m, Math.min(day, lastDayOfMonth(y, m)));
}

/** Months (1-based, may be ≤ 0 for the previous year) spanned by a period. */
interface Span {
  key: string;
  frequency: ReportingPeriod["frequency"];
  year: number;
  label: string;
  firstMonth: number;
  lastMonth: number;
}

function spansOf(frequency: ReportingPeriod["frequency"], year: number): Span[] {
  switch (frequency) {
    case "monthly":
      return Array.from({ length: 12 }, (_, i) => ({
        key: `${year}-M${String(i + 1).padStart(2, "0")}`,
        frequency,
        year,
        label: `Tháng ${i + 1} năm ${year}`,
        firstMonth: i + 1,
        lastMonth: i + 1,
      }));
    case "quarterly":
      return [0, 1, 2, 3].map((q) => ({
        key: `${year}-Q${q + 1}`,
        frequency,
        year,
        label: `Quý ${ROMAN[q]} năm ${year}`,
        firstMonth: q * 3 + 1,
        lastMonth: q * 3 + 3,
      }));
    case "semiannual":
      return [
        { key: `${year}-H1`, frequency, year, label: `6 tháng đầu năm ${year}`, firstMonth: 1, lastMonth: 6 },
        {
          key: `${year}-H2`,
          frequency,
          year,
          label: `6 tháng cuối năm ${year}`,
          firstMonth: 7,
          lastMonth: 12,
        },
      ];
    case "annual":
      return [{ key: `${year}`, frequency, year, label: `Năm ${year}`, firstMonth: 1, lastMonth: 12 }];
  }
}

/**
 * The key of a calendar period from its Vietnamese label, as spansOf writes it ("Quý III năm
 * 2026" → "2026-Q3"), or null for any other name (an ad hoc period's).
 */
export function calendarKeyOfLabel(label: string): string | null {
  const year = /(\d{4})$/.exec(label);
  if (!year) return null;
  for (const cadence of CADENCES)
    for (const span of spansOf(cadence, Number(year[1]))) if (span.label === label) return span.key;
  return null;
}

function dueDateOf(span: Span, due: ReportingDue, options: CalendarOptions): string {
  const defaultDay = options.defaultDueDay ?? 15;
  if (!due) return clampDay(span.year, span.lastMonth, defaultDay);
  if (due.month === "last-of-period") return clampDay(span.year, span.lastMonth, due.day);
  // A fixed date each year ("trước ngày 15/5" for the six-month report). For the
  // second half or a monthly/quarterly rule with a fixed month, the fixed month is
  // taken within the period's last month's year.
  if (span.frequency === "semiannual" && span.key.endsWith("H2") && due.month <= 6) {
    return clampDay(span.year, due.month + 6, due.day);
  }
  return clampDay(span.year, due.month, due.day);
}

/** The periods one rule asks for over the plan's years, in date order. */
export function periodsForRule(
  rule: ReportingRuleInput,
  years: { start: number; end: number },
  options: CalendarOptions = {},
): ReportingPeriod[] {
  if (rule.frequency === "adhoc") return [];
  const out: ReportingPeriod[] = [];
  for (let year = years.start; year <= years.end; year++) {
    for (const span of spansOf(rule.frequency, year)) {
      const dueDate = dueDateOf(span, rule.due, options);
      const start = options.calendarCutoff
        ? iso(span.year, span.firstMonth, 1)
        : iso(span.year, span.firstMonth - 1, 15);
      let end = options.calendarCutoff
        ? iso(span.year, span.lastMonth + 1, 0)
        : iso(span.year, span.lastMonth, 14);
      if (dueDate <= end)
        end = iso(Number(dueDate.slice(0, 4)), Number(dueDate.slice(5, 7)), Number(dueDate.slice(8, 10)) - 1);
      out.push({
        key: span.key,
        frequency: span.frequency,
        year: span.year,
        label: span.label,
        start,
        end,
        dueDate,
      });
    }
  }
  return out;
}

/**
 * The whole calendar of a plan: every rule's periods, one period per key (a
 * plan that states the annual report twice gets one), ordered by due date.
 * Where the plan also asks for a yearly report, that report stands for the last
 * quarter or half of the year ("báo cáo 6 tháng, năm"): units are not asked for
 * a Q4 or H2 report on top of it.
 */
export function buildReportingCalendar(
  rules: readonly ReportingRuleInput[],
  years: { start: number; end: number },
  options: CalendarOptions = {},
): ReportingPeriod[] {
  const byKey = new Map<string, ReportingPeriod>();
  const hasAnnual = rules.some((r) => r.frequency === "annual");
  for (const rule of rules) {
    for (const period of periodsForRule(rule, years, options)) {
      if (hasAnnual && (period.key.endsWith("-Q4") || period.key.endsWith("-H2"))) continue;
      if (!byKey.has(period.key)) byKey.set(period.key, period);
    }
  }
  return [...byKey.values()].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.key.localeCompare(b.key));
}
