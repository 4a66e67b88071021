/** Closed lists of the DTI (Chỉ số chuyển đổi số). The SQL CHECK constraints hold the same values. */

/**
 * What a node of a framework is, from the top: trụ cột (pillar), chỉ số chính (main index),
 * chỉ số thành phần (sub-index), tiêu chí (criterion). Rankings are given per pillar and
 * per main index; a framework without pillars (a province's own) starts at main indices.
 */
export const DTI_NODE_KINDS = ["pillar", "main_index", "sub_index", "criterion"] as const;
export type DtiNodeKind = (typeof DTI_NODE_KINDS)[number];

export const DTI_NODE_KIND_LABELS = {
  pillar: { vi: "Trụ cột", en: "Pillar" },
  main_index: { vi: "Chỉ số chính", en: "Main index" },
  sub_index: { vi: "Chỉ số thành phần", en: "Sub-index" },
  criterion: { vi: "Tiêu chí", en: "Criterion" },
} as const satisfies Record<DtiNodeKind, { vi: string; en: string }>;

/**
 * How a node is scored:
 * - `levels`: the unit chooses one of the levels, each with its points (đủ điểm / ½ / 0);
 * - `ratio`: a/b, points linear in the ratio or by bands of the percentage;
 * - `boolean`: yes gives the maximum, no gives 0;
 * - `thresholds`: a figure, points of the highest threshold it reaches;
 * - `indicator`: automatic, from the unit's figure of a catalogue indicator in approved reports;
 * - `sum`, `average`, `weighted`: from the node's children.
 */
export const DTI_RULE_KINDS = [
  "levels",
  "ratio",
  "boolean",
  "thresholds",
  "indicator",
  "sum",
  "average",
  "weighted",
] as const;
export type DtiRuleKind = (typeof DTI_RULE_KINDS)[number];

/** Rule kinds computed from children: the node's total is never typed. */
export const DTI_AGGREGATE_RULE_KINDS = [
  "sum",
  "average",
  "weighted",
] as const satisfies readonly DtiRuleKind[];

export const DTI_RULE_KIND_LABELS = {
  levels: { vi: "Chọn mức", en: "Levels" },
  ratio: { vi: "Tỷ lệ a/b", en: "Ratio a/b" },
  boolean: { vi: "Có/Không", en: "Yes/No" },
  thresholds: { vi: "Theo ngưỡng", en: "Thresholds" },
  indicator: { vi: "Tự động từ chỉ tiêu", en: "Automatic from indicator" },
  sum: { vi: "Tổng điểm các mục con", en: "Sum of children" },
  average: { vi: "Trung bình các mục con", en: "Average of children" },
  weighted: { vi: "Bình quân có trọng số", en: "Weighted average of children" },
} as const satisfies Record<DtiRuleKind, { vi: string; en: string }>;

/** Ratio and indicator points: proportional to the figure, or by bands. */
export const DTI_SCALES = ["linear", "banded"] as const;
export type DtiScale = (typeof DTI_SCALES)[number];

/** Who a framework assesses: provinces (national DTI) or the province's departments and communes. */
export const DTI_SUBJECTS = ["province", "units"] as const;
export type DtiSubject = (typeof DTI_SUBJECTS)[number];

/** Đợt đánh giá: prepared → open for self-assessment → closed (scores frozen) → published. */
export const DTI_ROUND_STATUSES = ["draft", "open", "closed", "published"] as const;
export type DtiRoundStatus = (typeof DTI_ROUND_STATUSES)[number];

export const DTI_ROUND_STATUS_LABELS = {
  draft: { vi: "Đang chuẩn bị", en: "Draft" },
  open: { vi: "Đang tự đánh giá", en: "Open" },
  closed: { vi: "Đã khóa số liệu", en: "Closed" },
  published: { vi: "Đã công bố", en: "Published" },
} as const satisfies Record<DtiRoundStatus, { vi: string; en: string }>;

/** A unit's self-assessment in a round. */
export const DTI_ASSESSMENT_STATUSES = ["draft", "submitted", "returned"] as const;
export type DtiAssessmentStatus = (typeof DTI_ASSESSMENT_STATUSES)[number];

export const DTI_ASSESSMENT_STATUS_LABELS = {
  draft: { vi: "Đang tự đánh giá", en: "Draft" },
  submitted: { vi: "Đã nộp", en: "Submitted" },
  returned: { vi: "Bị trả lại", en: "Returned" },
} as const satisfies Record<DtiAssessmentStatus, { vi: string; en: string }>;

/** Thẩm định one criterion: accept the self score, adjust it with a reason, or return it with a comment. */
export const DTI_VERIFICATION_OUTCOMES = ["accepted", "adjusted", "returned"] as const;
export type DtiVerificationOutcome = (typeof DTI_VERIFICATION_OUTCOMES)[number];

export const DTI_VERIFICATION_OUTCOME_LABELS = {
  accepted: { vi: "Chấp nhận", en: "Accepted" },
  adjusted: { vi: "Điều chỉnh điểm", en: "Adjusted" },
  returned: { vi: "Trả lại đơn vị", en: "Returned" },
} as const satisfies Record<DtiVerificationOutcome, { vi: string; en: string }>;

/** Evidence of a criterion: an uploaded file, or a document already in dtplan, or a web address. */
export const DTI_EVIDENCE_KINDS = ["file", "plan", "report", "url"] as const;
export type DtiEvidenceKind = (typeof DTI_EVIDENCE_KINDS)[number];
