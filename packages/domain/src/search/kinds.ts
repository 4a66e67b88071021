/** What the search box finds, in the order its groups are shown. */
export const SEARCH_KINDS = ["plan", "target", "task", "unit", "report", "person"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Record<SearchKind, { vi: string; en: string }> = {
  plan: { vi: "Kế hoạch", en: "Plans" },
  target: { vi: "Chỉ tiêu", en: "Targets" },
  task: { vi: "Nhiệm vụ", en: "Tasks" },
  unit: { vi: "Đơn vị", en: "Units" },
  report: { vi: "Báo cáo", en: "Reports" },
  person: { vi: "Người dùng", en: "People" },
};
