/**
 * Trạng thái nhiệm vụ — a task's status, computed from its facts rather than
 * typed in, so it can never disagree with the deadline or the progress.
 */
export const TASK_STATUSES = ["not_started", "in_progress", "done", "done_late", "overdue"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS = {
  not_started: { vi: "Chưa triển khai", en: "Not started" },
  in_progress: { vi: "Đang thực hiện", en: "In progress" },
  done: { vi: "Hoàn thành", en: "Done" },
  done_late: { vi: "Hoàn thành trễ hạn", en: "Done late" },
  overdue: { vi: "Quá hạn", en: "Overdue" },
} as const satisfies Record<TaskStatus, { vi: string; en: string }>;

export interface TaskFacts {
  /** Last day allowed (ISO date), or null when the plan gives none. */
  deadline: string | null;
  /** "Thường xuyên": ongoing work with no end, never overdue. */
  recurring: boolean;
  /** 0..100 as the lead unit last reported it. */
  progress: number;
  /** ISO date or date-time the task was marked complete. */
  completedAt: string | null;
}

export interface TaskStatusOptions {
  /**
   * Offset of local time from UTC in minutes, for reading a completion instant
   * as a local date (default 420, Vietnam, UTC+7, no daylight saving).
   */
  utcOffsetMinutes?: number;
}

/** The local calendar date of an ISO date or date-time. */
function localDate(iso: string, utcOffsetMinutes: number): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso.slice(0, 10);
  return new Date(t + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * The status of a task on `today` (ISO date). Complete means `completedAt` is
 * set or progress reached 100; it is late when completed after the deadline
 * (progress 100 without a completion date cannot be judged late). An unfinished
 * task past its deadline is overdue unless it is recurring. Deadlines are
 * inclusive: a task due 31/3 is overdue from 1/4.
 */
export function taskStatus(task: TaskFacts, today: string, options: TaskStatusOptions = {}): TaskStatus {
  const { utcOffsetMinutes = 420 } = options;
  const progress = Number.isFinite(task.progress) ? Math.min(100, Math.max(0, task.progress)) : 0;
  const deadline = task.recurring ? null : task.deadline;

  if (task.completedAt !== null || progress >= 100) {
    if (deadline !== null && task.completedAt !== null) {
      return localDate(task.completedAt, utcOffsetMinutes) > deadline ? "done_late" : "done";
    }
    return "done";
  }
  if (deadline !== null && today > deadline) return "overdue";
  return progress > 0 ? "in_progress" : "not_started";
}
