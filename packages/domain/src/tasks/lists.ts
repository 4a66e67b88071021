/** Closed lists of a task's activity. The SQL CHECK constraints hold the same values. */

/** A comment, or a leader's direction (ý kiến chỉ đạo). */
export const TASK_COMMENT_KINDS = ["comment", "direction"] as const;
export type TaskCommentKind = (typeof TASK_COMMENT_KINDS)[number];

/** The entries of a task's history. */
export const TASK_ACTIVITY_TYPES = ["progress", "comment", "direction", "evidence"] as const;
export type TaskActivityType = (typeof TASK_ACTIVITY_TYPES)[number];

/** What an evidence file (minh chứng) is attached to. */
export const EVIDENCE_OWNER_TYPES = ["task", "report", "dti"] as const;
export type EvidenceOwnerType = (typeof EVIDENCE_OWNER_TYPES)[number];

/** Where a task's progress in a period comes from. */
export const PROGRESS_SOURCES = ["report", "task_update", "none"] as const;
export type ProgressSource = (typeof PROGRESS_SOURCES)[number];
