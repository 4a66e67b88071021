/** "Việc của tôi" as the server groups it (`GET /api/my-work`), flattened for the full table. */
import type { TMyWork, TMyWorkTask, TTaskStatus } from "@dtplan/contracts/tasks.ts";

/** Every task once, in the server's order of urgency: overdue, due soon, in progress, done. */
export function allMyTasks(
  work: Pick<TMyWork, "overdue" | "dueSoon" | "inProgress" | "done">,
): TMyWorkTask[] {
  const seen = new Set<string>();
  const out: TMyWorkTask[] = [];
  for (const x of [...work.overdue, ...work.dueSoon, ...work.inProgress, ...work.done]) {
    if (seen.has(x.id)) continue;
    seen.add(x.id);
    out.push(x);
  }
  return out;
}

export function filterTasks(
  tasks: readonly TMyWorkTask[],
  filter: { status?: TTaskStatus | null; role?: TMyWorkTask["role"] | null },
): TMyWorkTask[] {
  return tasks.filter(
    (x) => (!filter.status || x.status === filter.status) && (!filter.role || x.role === filter.role),
  );
}
