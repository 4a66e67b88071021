import { type TaskStatus, taskStatus } from "@dtplan/domain/tasks/status.ts";
import { type SQL, sql } from "drizzle-orm";
import { type PlanTaskRow, planTasks } from "../../db/schema.ts";

/** Tình trạng of a stored task on `today` (yyyy-mm-dd): the domain rule over its row. */
export function statusOfTask(
  task: Pick<PlanTaskRow, "deadlineDate" | "recurring" | "progress" | "completedAt">,
  today: string,
): TaskStatus {
  return taskStatus(
    {
      deadline: task.deadlineDate,
      recurring: task.recurring,
      progress: task.progress ?? 0,
      completedAt: task.completedAt,
    },
    today,
  );
}

/** The columns a task's status is computed from (a table's, or a test's list of cases). */
export interface TaskStatusColumns {
  deadlineDate: SQL | typeof planTasks.deadlineDate;
  recurring: SQL | typeof planTasks.recurring;
  progress: SQL | typeof planTasks.progress;
  completedAt: SQL | typeof planTasks.completedAt;
}

/**
 * The same rule as `statusOfTask`, as an SQL expression, so a list can be filtered by
 * status and paged in the query; a test holds the two to the same answers.
 */
export function taskStatusSql(today: string, c: TaskStatusColumns = planTasks): SQL<TaskStatus> {
  const deadline = sql`CASE WHEN ${c.recurring} THEN NULL ELSE ${c.deadlineDate} END`;
  const progress = sql`coalesce(${c.progress}, 0)`;
  return sql<TaskStatus>`CASE
    WHEN ${c.completedAt} IS NOT NULL OR ${progress} >= 100 THEN
      CASE WHEN ${deadline} IS NOT NULL AND ${c.completedAt} IS NOT NULL AND ${c.completedAt} > ${deadline}
           THEN 'done_late' ELSE 'done' END
    WHEN ${deadline} IS NOT NULL AND ${today}::date > ${deadline} THEN 'overdue'
    WHEN ${progress} > 0 THEN 'in_progress'
    ELSE 'not_started'
  END`;
}
