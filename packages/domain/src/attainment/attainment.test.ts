import { describe, expect, it } from "vitest";
import { ATTAINMENT_LABELS, attainment, attainmentRatio, type TargetFigure } from "./attainment.ts";

const atLeast = (value: number): TargetFigure => ({ comparator: ">=", value, year: 2025 });
const atMost = (value: number): TargetFigure => ({ comparator: "<=", value, year: 2025 });

describe("attainment", () => {
  it("is achieved when an 'at least' target is met or beaten", () => {
    expect(attainment(atLeast(80), 80)).toBe("achieved");
    expect(attainment(atLeast(80), 95)).toBe("achieved");
  });

  it("forgives floating-point dust from ratio roll-ups", () => {
    expect(attainment(atLeast(80), (4 / 5) * 100 - 1e-12)).toBe("achieved");
  });

  it("is near when the figure reaches 90% of the target, not achieved below", () => {
    expect(attainment(atLeast(80), 72)).toBe("near");
    expect(attainment(atLeast(80), 71.9)).toBe("not_achieved");
  });

  it("takes a configurable near threshold", () => {
    expect(attainment(atLeast(80), 70, { nearThreshold: 0.85 })).toBe("near");
    expect(attainment(atLeast(80), 70, { nearThreshold: 0.9 })).toBe("not_achieved");
  });

  it("treats 'trên 50%' met exactly as near, not achieved", () => {
    expect(attainment({ comparator: ">", value: 50, year: 2023 }, 50)).toBe("near");
    expect(attainment({ comparator: ">", value: 50, year: 2023 }, 50.1)).toBe("achieved");
  });

  it("inverts the ratio for 'at most' targets", () => {
    expect(attainment(atMost(10), 8)).toBe("achieved");
    expect(attainment(atMost(10), 11)).toBe("near");
    expect(attainment(atMost(10), 12)).toBe("not_achieved");
    expect(attainmentRatio(atMost(10), 20)).toBe(0.5);
    expect(attainment({ comparator: "<", value: 10, year: 2025 }, 10)).toBe("near");
  });

  it("achieves an 'at most 0 incidents' target only with zero", () => {
    expect(attainment(atMost(0), 0)).toBe("achieved");
    expect(attainment(atMost(0), 1)).toBe("not_achieved");
  });

  it("judges an exact target by its distance either side", () => {
    const exact: TargetFigure = { comparator: "=", value: 100, year: 2025 };
    expect(attainment(exact, 100)).toBe("achieved");
    expect(attainment(exact, 92)).toBe("near");
    expect(attainment(exact, 108)).toBe("near");
    expect(attainment(exact, 120)).toBe("not_achieved");
  });

  it("reports no data when nothing was reported", () => {
    expect(attainment(atLeast(80), null)).toBe("no_data");
    expect(attainment(atLeast(80), Number.NaN)).toBe("no_data");
  });

  it("reports qualitative targets as such whatever the figure", () => {
    expect(attainment({ comparator: null, value: null, year: 2025 }, 100)).toBe("qualitative");
  });

  it("never calls a negative growth 'near' a positive growth target", () => {
    expect(attainment(atLeast(7), -1)).toBe("not_achieved");
    expect(attainmentRatio(atLeast(7), -1)).toBeNull();
  });

  it("rejects a near threshold outside (0, 1]", () => {
    expect(() => attainment(atLeast(80), 70, { nearThreshold: 1.5 })).toThrow(RangeError);
  });

  it("labels every status in Vietnamese", () => {
    expect(ATTAINMENT_LABELS.achieved.vi).toBe("Đạt");
    expect(ATTAINMENT_LABELS.near.vi).toBe("Gần đạt");
    expect(ATTAINMENT_LABELS.not_achieved.vi).toBe("Chưa đạt");
    expect(ATTAINMENT_LABELS.no_data.vi).toBe("Chưa có số liệu");
  });
});
