import { describe, expect, it } from "vitest";
import { allMyTasks, filterTasks } from "./my-tasks-model.ts";

const task = (id: string, over: Record<string, unknown> = {}) =>
  ({ id, status: "in_progress", role: "lead", ...over }) as never;

describe("my work", () => {
  it("lists every task once, most urgent group first", () => {
    const work = {
      overdue: [task("a", { status: "overdue" })],
      dueSoon: [task("b")],
      inProgress: [task("c"), task("b")],
      done: [task("d", { status: "done" })],
    };
    expect(allMyTasks(work).map((x) => x.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("filters by status and by my role", () => {
    const tasks = [task("a"), task("b", { role: "coordinator" }), task("c", { status: "done" })];
    expect(filterTasks(tasks, { role: "coordinator" }).map((x) => x.id)).toEqual(["b"]);
    expect(filterTasks(tasks, { status: "done" }).map((x) => x.id)).toEqual(["c"]);
    expect(filterTasks(tasks, {}).length).toBe(3);
  });
});
