import { describe, expect, it } from "vitest";
import { dueNext, myRole, subtreeOf } from "./my-tasks-model.ts";

const task = (over: Record<string, unknown>) =>
  ({
    id: "t",
    lead: { unit: null },
    coordinators: [],
    status: "not_started",
    recurring: false,
    deadline: null,
    ...over,
  }) as never;

describe("my tasks", () => {
  it("includes units under mine", () => {
    const units = [
      { id: "d", parentId: null },
      { id: "o", parentId: "d" },
      { id: "x", parentId: "o" },
      { id: "other", parentId: null },
    ];
    expect([...subtreeOf(["o"], units)].sort()).toEqual(["o", "x"]);
  });

  it("tells leading from coordinating", () => {
    const mine = new Set(["vhtt"]);
    expect(myRole(task({ lead: { unit: { id: "vhtt" } } }), mine)).toBe("lead");
    expect(myRole(task({ coordinators: [{ unit: { id: "vhtt" } }] }), mine)).toBe("coordinator");
    expect(myRole(task({ lead: { unit: { id: "nv" } } }), mine)).toBeNull();
  });

  it("lists unfinished tasks due in the window, soonest first", () => {
    const tasks = [
      task({ id: "a", deadline: { date: "2025-04-20" } }),
      task({ id: "b", deadline: { date: "2025-04-05" } }),
      task({ id: "c", deadline: { date: "2025-06-30" } }),
      task({ id: "d", deadline: { date: "2025-04-06" }, status: "done" }),
    ];
    expect(dueNext(tasks, "2025-04-01", 30).map((x: { id: string }) => x.id)).toEqual(["b", "a"]);
  });
});
