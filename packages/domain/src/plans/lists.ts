/** Closed lists of a plan (kế hoạch), its targets and tasks. The SQL CHECK constraints hold the same values. */

/** Trạng thái kế hoạch: a draft is edited, one version is in force, older ones are superseded. */
export const PLAN_STATUSES = ["draft", "published", "superseded"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_STATUS_LABELS = {
  draft: { vi: "Bản nháp", en: "Draft" },
  published: { vi: "Đã ban hành", en: "Published" },
  superseded: { vi: "Hết hiệu lực", en: "Superseded" },
} as const satisfies Record<PlanStatus, { vi: string; en: string }>;

/** Kế hoạch giai đoạn (several years) or kế hoạch năm. */
export const PLAN_KINDS = ["multi_year", "annual"] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const PLAN_KIND_LABELS = {
  multi_year: { vi: "Kế hoạch giai đoạn", en: "Multi-year plan" },
  annual: { vi: "Kế hoạch năm", en: "Annual plan" },
} as const satisfies Record<PlanKind, { vi: string; en: string }>;

/** Nhiệm vụ or giải pháp. */
export const TASK_KINDS = ["task", "solution"] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** The two kinds of item a plan lists: chỉ tiêu and nhiệm vụ. */
export const ITEM_TYPES = ["target", "task"] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** How a target states its figure: ">=" for "đạt", "tối thiểu"; "<=" for "tối đa" … */
export const COMPARATORS = [">=", ">", "<=", "<"] as const;
export type Comparator = (typeof COMPARATORS)[number];
