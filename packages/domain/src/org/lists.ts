/** Sáp nhập or chia tách: how one unit's lineage passes to another. */
export const LINEAGE_EVENTS = ["merge", "split"] as const;
export type LineageEvent = (typeof LINEAGE_EVENTS)[number];

/**
 * What passes from a closed unit to its successor in a reassignment (chuyển công việc):
 * open tasks it leads or coordinates, the targets it reports, its unsubmitted reports
 * of current periods, and its users' grants.
 */
export const REASSIGN_KINDS = ["task", "assignment", "report", "grant"] as const;
export type ReassignKind = (typeof REASSIGN_KINDS)[number];

export const REASSIGN_KIND_LABELS = {
  task: { vi: "Nhiệm vụ", en: "Tasks" },
  assignment: { vi: "Chỉ tiêu được giao báo cáo", en: "Targets to report" },
  report: { vi: "Báo cáo chưa nộp", en: "Unsubmitted reports" },
  grant: { vi: "Quyền người dùng", en: "User grants" },
} as const satisfies Record<ReassignKind, { vi: string; en: string }>;
