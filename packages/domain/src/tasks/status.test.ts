import { describe, expect, it } from "vitest";
import { TASK_STATUS_LABELS, type TaskFacts, taskStatus } from "./status.ts";

function buildTask(extra: Partial<TaskFacts> = {}): TaskFacts {
  return { deadline: "2025-03-31", recurring: false, progress: 0, completedAt: null, ...extra };
}

describe("taskStatus", () => {
  it("is not started with no progress before the deadline", () => {
    expect(taskStatus(buildTask(), "2025-02-01")).toBe("not_started");
  });

  it("is in progress once some progress is reported", () => {
    expect(taskStatus(buildTask({ progress: 40 }), "2025-02-01")).toBe("in_progress");
  });

  it("counts the deadline day itself as on time", () => {
    expect(taskStatus(buildTask({ progress: 40 }), "2025-03-31")).toBe("in_progress");
  });

  it("marks a task late once its deadline passes without completion", () => {
    expect(taskStatus(buildTask({ progress: 40 }), "2025-04-01")).toBe("overdue");
    expect(taskStatus(buildTask(), "2025-04-01")).toBe("overdue");
  });

  it("never marks a recurring ('thường xuyên') task overdue", () => {
    expect(taskStatus(buildTask({ recurring: true }), "2026-01-01")).toBe("not_started");
    expect(taskStatus(buildTask({ recurring: true, progress: 50 }), "2026-01-01")).toBe("in_progress");
  });

  it("is never overdue without a deadline", () => {
    expect(taskStatus(buildTask({ deadline: null, progress: 10 }), "2030-01-01")).toBe("in_progress");
  });

  it("is done when completed on or before the deadline", () => {
    expect(taskStatus(buildTask({ progress: 100, completedAt: "2025-03-31" }), "2025-05-01")).toBe("done");
  });

  it("is done late when completed after the deadline", () => {
    expect(taskStatus(buildTask({ progress: 100, completedAt: "2025-04-02" }), "2025-05-01")).toBe(
      "done_late",
    );
  });

  it("reads a completion instant as a Vietnamese local date", () => {
    // 18:00 UTC on 31/3 is 01:00 on 1/4 in Vietnam: one day late.
    expect(taskStatus(buildTask({ completedAt: "2025-03-31T18:00:00Z" }), "2025-05-01")).toBe("done_late");
    expect(taskStatus(buildTask({ completedAt: "2025-03-31T16:00:00Z" }), "2025-05-01")).toBe("done");
    expect(
      taskStatus(buildTask({ completedAt: "2025-03-31T18:00:00Z" }), "2025-05-01", { utcOffsetMinutes: 0 }),
    ).toBe("done");
  });

  it("is done at 100% progress even without a completion date, and not judged late", () => {
    expect(taskStatus(buildTask({ progress: 100 }), "2025-06-01")).toBe("done");
  });

  it("treats a completion date as done whatever the progress says", () => {
    expect(taskStatus(buildTask({ progress: 60, completedAt: "2025-03-01" }), "2025-06-01")).toBe("done");
  });

  it("clamps nonsense progress", () => {
    expect(taskStatus(buildTask({ progress: -5 }), "2025-01-01")).toBe("not_started");
    expect(taskStatus(buildTask({ progress: Number.NaN }), "2025-01-01")).toBe("not_started");
    expect(taskStatus(buildTask({ progress: 150 }), "2025-01-01")).toBe("done");
  });

  it("labels every status in Vietnamese", () => {
    expect(Object.fromEntries(Object.entries(TASK_STATUS_LABELS).map(([k, v]) => [k, v.vi]))).toEqual({
      not_started: "Chưa triển khai",
      in_progress: "Đang thực hiện",
      done: "Hoàn thành",
      done_late: "Hoàn thành trễ hạn",
      overdue: "Quá hạn",
    });
  });
});
