import { PLAN_STATUSES } from "@dtplan/domain/plans/lists.ts";
import { TASK_ROLES } from "@dtplan/domain/reporting/who-reports.ts";
import { TASK_ACTIVITY_TYPES, TASK_COMMENT_KINDS } from "@dtplan/domain/tasks/lists.ts";
import { TASK_STATUSES } from "@dtplan/domain/tasks/status.ts";
import { z } from "zod";
import { ZIsoDate, ZPersonRef, ZUnitRef, ZUuid } from "./common.ts";
import { ZPlanTask } from "./plans.ts";

/** Trạng thái nhiệm vụ — computed from deadline, progress, completion and today; never typed in. */
export const ZTaskStatus = z.enum(TASK_STATUSES);
export type TTaskStatus = z.infer<typeof ZTaskStatus>;

/** One change of progress (cập nhật tiến độ). */
export const ZTaskUpdate = z.object({
  id: z.uuid(),
  at: z.string(),
  actor: ZPersonRef,
  progressBefore: z.number().int().nullable(),
  progress: z.number().int(),
  note: z.string().nullable(),
  completedAt: ZIsoDate.nullable(),
});
export type TTaskUpdate = z.infer<typeof ZTaskUpdate>;

/** `comment` — ý kiến; `direction` — chỉ đạo (leaders and the focal office only). */
export const ZTaskCommentKind = z.enum(TASK_COMMENT_KINDS);
export const ZTaskComment = z.object({
  id: z.uuid(),
  kind: ZTaskCommentKind,
  body: z.string(),
  author: ZPersonRef,
  at: z.string(),
});
export type TTaskComment = z.infer<typeof ZTaskComment>;

/** Tệp minh chứng; download from `url` (always as an attachment). */
export const ZEvidenceFile = z.object({
  id: z.uuid(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: ZPersonRef,
  at: z.string(),
  url: z.string(),
});
export type TEvidenceFile = z.infer<typeof ZEvidenceFile>;

/** One line of a task's history, newest first, with a Vietnamese summary. */
export const ZTaskHistoryEntry = z.object({
  type: z.enum(TASK_ACTIVITY_TYPES),
  id: z.uuid(),
  at: z.string(),
  actor: ZPersonRef,
  summary: z.string(),
});
export type TTaskHistoryEntry = z.infer<typeof ZTaskHistoryEntry>;

/** `GET /api/tasks/{id}`: the task with its plan, status, activity and what the caller may do. */
export const ZTaskDetail = ZPlanTask.extend({
  plan: z.object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    version: z.number().int(),
    status: z.enum(PLAN_STATUSES),
  }),
  status: ZTaskStatus,
  /** The status in the caller's language ("Quá hạn", "Late" …). */
  statusLabel: z.string(),
  /** Id of the newest progress update, for `lastUpdateId` on the next one. */
  lastUpdateId: z.uuid().nullable(),
  comments: z.array(ZTaskComment),
  directions: z.array(ZTaskComment),
  evidence: z.array(ZEvidenceFile),
  updates: z.array(ZTaskUpdate),
  /** Newest first; each line in the caller's language (notes and names as written). */
  history: z.array(ZTaskHistoryEntry),
  can: z.object({
    updateProgress: z.boolean(),
    comment: z.boolean(),
    direct: z.boolean(),
    attachEvidence: z.boolean(),
  }),
});
export type TTaskDetail = z.infer<typeof ZTaskDetail>;

export const ZTaskParams = z.object({ id: ZUuid });

export const ZUpdateProgress = z.object({
  progress: z.number().int().min(0, "Tiến độ từ 0 đến 100").max(100, "Tiến độ từ 0 đến 100"),
  note: z.string().trim().max(5000).optional(),
  /** Completion date at 100%; default today. Ignored below 100 (the task is reopened). */
  completedAt: ZIsoDate.optional(),
  /** Optimistic check: the `lastUpdateId` the caller saw; 409 when someone updated since. */
  lastUpdateId: z.uuid().nullable().optional(),
});
export type TUpdateProgress = z.infer<typeof ZUpdateProgress>;

export const ZAddComment = z.object({
  kind: ZTaskCommentKind.default("comment"),
  body: z.string().trim().min(1, "Nhập nội dung").max(5000),
});
export type TAddComment = z.infer<typeof ZAddComment>;

/** A task as listed in "việc của tôi". */
export const ZMyWorkTask = z.object({
  id: z.uuid(),
  key: z.uuid(),
  text: z.string(),
  pillar: z.string(),
  plan: z.object({ code: z.string(), title: z.string() }),
  lead: ZUnitRef.nullable(),
  /** Whether one of my units leads the task or coordinates it. */
  role: z.enum(TASK_ROLES),
  deadline: z.object({ text: z.string().nullable(), date: ZIsoDate.nullable() }).nullable(),
  recurring: z.boolean(),
  cadence: z.string().nullable(),
  progress: z.number().int(),
  completedAt: ZIsoDate.nullable(),
  status: ZTaskStatus,
  statusLabel: z.string(),
  /** Days until the deadline (negative when past); null without a dated deadline. */
  daysLeft: z.number().int().nullable(),
});
export type TMyWorkTask = z.infer<typeof ZMyWorkTask>;

export const ZMyWorkTarget = z.object({
  id: z.uuid(),
  key: z.uuid(),
  text: z.string(),
  pillar: z.string(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  comparator: z.string().nullable(),
  year: z.number().int().nullable(),
  plan: z.object({ code: z.string(), title: z.string() }),
});

/** `GET /api/my-work` — việc của tôi. */
export const ZMyWork = z.object({
  today: ZIsoDate,
  units: z.array(ZUnitRef),
  /** Quá hạn, oldest deadline first. */
  overdue: z.array(ZMyWorkTask),
  /** Due within the next 30 days, soonest first. */
  dueSoon: z.array(ZMyWorkTask),
  /** Everything else not finished (including not started and recurring). */
  inProgress: z.array(ZMyWorkTask),
  done: z.array(ZMyWorkTask),
  /** Targets of the same plans in the pillars of my tasks. */
  targets: z.array(ZMyWorkTarget),
  counts: z.object({
    overdue: z.number().int(),
    dueSoon: z.number().int(),
    inProgress: z.number().int(),
    done: z.number().int(),
  }),
});
export type TMyWork = z.infer<typeof ZMyWork>;
