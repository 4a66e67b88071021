/** Which tasks are "mine": led or co-ordinated by one of my units (or a unit under them). */
import type { TOrgUnit } from "@dtplan/contracts/org.ts";
import type { TPlanTaskListItem } from "../../api/endpoints.ts";

/** The units and everything under them. */
export function subtreeOf(
  rootIds: readonly string[],
  units: readonly Pick<TOrgUnit, "id" | "parentId">[],
): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (!u.parentId) continue;
    children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  }
  const out = new Set<string>();
  const stack = [...rootIds];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

export type TaskRole = "lead" | "coordinator";

/** My role in a task, or null when none of my units is named in it. */
export function myRole(task: TPlanTaskListItem, mine: ReadonlySet<string>): TaskRole | null {
  if (task.lead.unit && mine.has(task.lead.unit.id)) return "lead";
  if (task.coordinators.some((c) => c.unit && mine.has(c.unit.id))) return "coordinator";
  return null;
}

const OPEN = new Set(["not_started", "in_progress"]);

/** Unfinished tasks due within `days` days of `today`, soonest first. */
export function dueNext<T extends TPlanTaskListItem>(tasks: readonly T[], today: string, days: number): T[] {
  const until = new Date(`${today}T00:00:00Z`);
  until.setUTCDate(until.getUTCDate() + days);
  const limit = until.toISOString().slice(0, 10);
  return tasks
    .filter(
      (x) =>
        OPEN.has(x.status) &&
        !x.recurring &&
        x.deadline?.date &&
        x.deadline.date >= today &&
        x.deadline.date <= limit,
    )
    .sort((a, b) => String(a.deadline?.date).localeCompare(String(b.deadline?.date)));
}
