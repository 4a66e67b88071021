import { daysBetween, vietnamDate } from "../time/vietnam.ts";

/** Kịp thời — how a unit's report stands against its due date. */
export const TIMELINESS = ["on_time", "late", "missing", "not_due"] as const;
export type Timeliness = (typeof TIMELINESS)[number];

export const TIMELINESS_LABELS = {
  on_time: { vi: "Đúng hạn", en: "On time" },
  late: { vi: "Trễ hạn", en: "Late" },
  missing: { vi: "Chưa nộp (quá hạn)", en: "Missing (past due)" },
  not_due: { vi: "Chưa đến hạn", en: "Not due yet" },
} as const satisfies Record<Timeliness, { vi: string; en: string }>;

/**
 * Kịp thời: on time or late by the first submission (a report returned and sent again
 * keeps the day it first came in); never submitted, missing once the due date passed.
 * `today` is the Vietnamese calendar day (ISO).
 */
export function timelinessOf(
  period: { dueDate: string },
  report: { firstSubmittedAt: Date | null } | null,
  today: string,
): { timeliness: Timeliness; daysLate: number | null } {
  if (report?.firstSubmittedAt) {
    const late = daysBetween(period.dueDate, vietnamDate(report.firstSubmittedAt));
    return late > 0 ? { timeliness: "late", daysLate: late } : { timeliness: "on_time", daysLate: 0 };
  }
  if (today > period.dueDate) return { timeliness: "missing", daysLate: daysBetween(period.dueDate, today) };
  return { timeliness: "not_due", daysLate: null };
}
