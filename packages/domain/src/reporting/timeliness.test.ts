import { describe, expect, it } from "vitest";
import { timelinessOf } from "./timeliness.ts";

const period = { dueDate: "2025-03-15" };

describe("timeliness of a unit's report", () => {
  it("is on time when first submitted by the end of the due day in Vietnam", () => {
    const report = { firstSubmittedAt: new Date("2025-03-15T16:59:00Z") };
    expect(timelinessOf(period, report, "2025-04-01")).toEqual({ timeliness: "on_time", daysLate: 0 });
  });

  it("counts the days late from the first submission, even after a return", () => {
    const report = { firstSubmittedAt: new Date("2025-03-15T17:30:00Z") };
    expect(timelinessOf(period, report, "2025-05-01")).toEqual({ timeliness: "late", daysLate: 1 });
  });

  it("is not due before the due date passes and missing after it", () => {
    expect(timelinessOf(period, null, "2025-03-15")).toEqual({ timeliness: "not_due", daysLate: null });
    expect(timelinessOf(period, { firstSubmittedAt: null }, "2025-03-18")).toEqual({
      timeliness: "missing",
      daysLate: 3,
    });
  });
});
