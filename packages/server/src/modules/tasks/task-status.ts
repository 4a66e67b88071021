import { type TaskStatus, taskStatus } from "@dtplan/domain/tasks/status.ts";
import type { PlanTaskRow } from "../../db/schema.ts";

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
