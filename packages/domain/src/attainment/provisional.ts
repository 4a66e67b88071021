/**
 * Tạm tính — a period's figures are provisional until the period is due and every unit
 * expected to report has sent its report; leaders see them marked so, with the basis
 * ("từ 1/4 báo cáo").
 */
export const PROVISIONAL_REASONS = ["not_due", "incomplete"] as const;
export type ProvisionalReason = (typeof PROVISIONAL_REASONS)[number];

export const PROVISIONAL_LABELS: Record<ProvisionalReason, { vi: string; en: string }> = {
  not_due: { vi: "Tạm tính — kỳ chưa đến hạn báo cáo", en: "Provisional — the period is not yet due" },
  incomplete: { vi: "Tạm tính — chưa đủ báo cáo", en: "Provisional — not every report is in" },
};

/** Why the period's figures are provisional, or null when they are final. */
export function provisionalReason(
  period: { dueDate: string },
  today: string,
  reports: { expected: number; received: number },
): ProvisionalReason | null {
  if (today <= period.dueDate) return "not_due";
  if (reports.received < reports.expected) return "incomplete";
  return null;
}
