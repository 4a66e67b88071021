import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type TaskFacts, taskStatus } from "./status.ts";
import { progressOn, summariseTasks } from "./summary.ts";

const day = fc
  .date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const task: fc.Arbitrary<TaskFacts> = fc.record({
  deadline: fc.option(day, { nil: null }),
  recurring: fc.boolean(),
  progress: fc.oneof(fc.integer({ min: -10, max: 120 }), fc.constant(0), fc.constant(100)),
  completedAt: fc.option(
    fc.oneof(
      day,
      day.map((d) => `${d}T20:30:00.000Z`),
    ),
    { nil: null },
  ),
});

/** The figures counted task by task, as the pages did before summaries were stored. */
function countOneByOne(tasks: readonly TaskFacts[], today: string) {
  const statuses = tasks.map((t) => taskStatus(t, today));
  const n = (s: string) => statuses.filter((x) => x === s).length;
  const sum = tasks.reduce((a, t) => a + Math.min(100, Math.max(0, t.progress)), 0);
  return {
    total: tasks.length,
    done: n("done") + n("done_late"),
    inProgress: n("in_progress"),
    notStarted: n("not_started"),
    overdue: n("overdue"),
    averageProgress: tasks.length ? Math.round(sum / tasks.length) : null,
  };
}

describe("stored task summary", () => {
  it("gives on any day exactly what counting each task's status gives", () => {
    fc.assert(
      fc.property(fc.array(task, { maxLength: 40 }), day, (tasks, today) => {
        expect(progressOn(summariseTasks(tasks), today)).toEqual(countOneByOne(tasks, today));
      }),
      { numRuns: 500 },
    );
  });

  it("keeps only dates of unfinished tasks that can fall overdue, earliest first", () => {
    const s = summariseTasks([
      { deadline: "2026-06-30", recurring: false, progress: 20, completedAt: null },
      { deadline: "2026-03-31", recurring: false, progress: 0, completedAt: null },
      { deadline: "2026-03-31", recurring: true, progress: 0, completedAt: null },
      { deadline: "2026-03-31", recurring: false, progress: 100, completedAt: "2026-04-02" },
    ]);
    expect(s.dueDates).toEqual([
      { date: "2026-03-31", n: 1, started: 0 },
      { date: "2026-06-30", n: 1, started: 1 },
    ]);
    expect(s).toMatchObject({ total: 4, done: 0, doneLate: 1, started: 1 });
    expect(progressOn(s, "2026-04-01")).toMatchObject({ overdue: 1, inProgress: 1, notStarted: 1, done: 1 });
  });
});
