/**
 * Tóm tắt nhiệm vụ của một kế hoạch — a plan's task figures kept between requests.
 *
 * A task's status depends on the day it is read (an unfinished task becomes
 * overdue the day after its deadline), so a stored summary cannot hold "overdue".
 * It holds what does not change with the calendar — finished tasks, progress — and,
 * for unfinished tasks with a deadline, how many fall due on each date. Counting on
 * a given day is then a walk over a handful of dates, never over the tasks again,
 * and gives exactly what `taskStatus` gives task by task.
 */
import { type TaskFacts, type TaskStatusOptions, taskStatus } from "./status.ts";

/** Unfinished tasks due on one day: `n` of them, `started` of which have progress > 0. */
export interface DueDate {
  date: string;
  n: number;
  started: number;
}

export interface TaskSummary {
  total: number;
  /** Finished on time, or finished with no deadline to judge against. */
  done: number;
  doneLate: number;
  /** Unfinished tasks with progress > 0, whatever their deadline. */
  started: number;
  /** Sum of progress clamped to 0..100, for the mean. */
  progressSum: number;
  /** Unfinished tasks that can become overdue, by deadline, earliest first. */
  dueDates: DueDate[];
}

/** Counts on one day, in the shape every progress figure of a plan uses. */
export interface TaskProgressOn {
  total: number;
  /** Done, on time or late. */
  done: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
  /** Mean progress 0–100, rounded; null without tasks. */
  averageProgress: number | null;
}

const clamp = (p: number) => (Number.isFinite(p) ? Math.min(100, Math.max(0, p)) : 0);

/** The calendar-free summary of `tasks`. */
export function summariseTasks(tasks: readonly TaskFacts[], options: TaskStatusOptions = {}): TaskSummary {
  const summary: TaskSummary = { total: 0, done: 0, doneLate: 0, started: 0, progressSum: 0, dueDates: [] };
  const due = new Map<string, DueDate>();
  for (const task of tasks) {
    summary.total++;
    summary.progressSum += clamp(task.progress);
    // Status on a day before any deadline: finished or not, late or not, are fixed facts.
    const status = taskStatus(task, "0000-01-01", options);
    if (status === "done") summary.done++;
    else if (status === "done_late") summary.doneLate++;
    else {
      const started = clamp(task.progress) > 0;
      if (started) summary.started++;
      const deadline = task.recurring ? null : task.deadline;
      if (deadline !== null) {
        const entry = due.get(deadline) ?? { date: deadline, n: 0, started: 0 };
        entry.n++;
        if (started) entry.started++;
        due.set(deadline, entry);
      }
    }
  }
  summary.dueDates = [...due.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return summary;
}

/** The figures of a summary on `today` (ISO date): what counting each task's status would give. */
export function progressOn(summary: TaskSummary, today: string): TaskProgressOn {
  let overdue = 0;
  let overdueStarted = 0;
  for (const d of summary.dueDates) {
    if (!(today > d.date)) break;
    overdue += d.n;
    overdueStarted += d.started;
  }
  const unfinished = summary.total - summary.done - summary.doneLate;
  const inProgress = summary.started - overdueStarted;
  return {
    total: summary.total,
    done: summary.done + summary.doneLate,
    inProgress,
    notStarted: unfinished - overdue - inProgress,
    overdue,
    averageProgress: summary.total ? Math.round(summary.progressSum / summary.total) : null,
  };
}
