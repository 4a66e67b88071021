import { describe, expect, it } from "vitest";
import { type ReportedValue, rollUp } from "./roll-up.ts";

const at = (day: number) => `2025-06-${String(day).padStart(2, "0")}T08:00:00+07:00`;

describe("rollUp", () => {
  it("divides summed numerators by summed denominators rather than averaging percentages", () => {
    const values: ReportedValue[] = [
      { unitId: "a", numerator: 90, denominator: 100, reportedAt: at(1) },
      { unitId: "b", numerator: 1, denominator: 10, reportedAt: at(1) },
    ];
    expect(rollUp(values, "ratio")).toBeCloseTo((91 / 110) * 100);
  });

  it("leaves out units that sent a percentage without counts from a ratio", () => {
    const values: ReportedValue[] = [
      { unitId: "a", numerator: 8, denominator: 10, reportedAt: at(1) },
      { unitId: "b", value: 10, reportedAt: at(1) },
    ];
    expect(rollUp(values, "ratio")).toBe(80);
  });

  it("has no ratio when every denominator is zero or nothing was reported", () => {
    expect(rollUp([{ unitId: "a", numerator: 0, denominator: 0, reportedAt: at(1) }], "ratio")).toBeNull();
    expect(rollUp([], "ratio")).toBeNull();
  });

  it("counts a unit once, with its latest figure", () => {
    const values: ReportedValue[] = [
      { unitId: "a", value: 5, reportedAt: at(1) },
      { unitId: "a", value: 7, reportedAt: at(3) },
      { unitId: "b", value: 10, reportedAt: at(2) },
    ];
    expect(rollUp(values, "sum")).toBe(17);
    expect(rollUp(values, "average")).toBe(8.5);
  });

  it("sums numerators when units sent counts only", () => {
    expect(rollUp([{ unitId: "a", numerator: 12, reportedAt: at(1) }], "sum")).toBe(12);
  });

  it("averages percentages computed from counts when no value was given", () => {
    const values: ReportedValue[] = [
      { unitId: "a", numerator: 1, denominator: 2, reportedAt: at(1) },
      { unitId: "b", value: 100, reportedAt: at(1) },
    ];
    expect(rollUp(values, "average")).toBe(75);
  });

  it("takes the most recently reported figure for 'latest'", () => {
    const values: ReportedValue[] = [
      { unitId: "stats", value: 12.5, reportedAt: at(2) },
      { unitId: "finance", value: 13.1, reportedAt: at(5) },
      { unitId: "stats", value: null, reportedAt: at(9) },
    ];
    expect(rollUp(values, "latest")).toBe(13.1);
  });

  it("rolls yes/no answers up as the share of units answering yes", () => {
    const values: ReportedValue[] = [
      { unitId: "a", value: 1, reportedAt: at(1) },
      { unitId: "b", value: 0, reportedAt: at(1) },
      { unitId: "c", value: 1, reportedAt: at(1) },
      { unitId: "d", value: 1, reportedAt: at(1) },
    ];
    expect(rollUp(values, "boolean")).toBe(75);
  });
});
