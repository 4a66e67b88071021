import { describe, expect, it } from "vitest";
import { movement, TREND_LABELS, trend } from "./trend.ts";

const series = (...values: (number | null)[]) => values.map((value, i) => ({ at: `2025-Q${i + 1}`, value }));

describe("trend", () => {
  it("is up when an increasing indicator rises", () => {
    expect(trend(series(60, 65, 72), "increase")).toBe("up");
  });

  it("is up when a decreasing indicator falls", () => {
    expect(trend(series(12, 8, 3), "decrease")).toBe("up");
    expect(trend(series(3, 8, 12), "decrease")).toBe("down");
  });

  it("is flat within the tolerance", () => {
    expect(trend(series(80, 80.5, 81))).toBe("flat");
    expect(trend(series(80, 80.5, 81), "increase", { tolerance: 0.001 })).toBe("up");
  });

  it("follows the line through all points, not one odd period", () => {
    expect(movement(series(50, 55, 60, 40, 70, 75))).toBe("rising");
  });

  it("orders points by date whatever order they come in", () => {
    const points = [
      { at: "2025-03-31", value: 30 },
      { at: "2025-01-31", value: 10 },
      { at: "2025-02-28", value: 20 },
    ];
    expect(movement(points)).toBe("rising");
  });

  it("is flat with fewer than two figures, skipping missing ones", () => {
    expect(trend(series(null, 50, null))).toBe("flat");
    expect(trend([])).toBe("flat");
    expect(movement(series(0, 0, 0))).toBe("flat");
  });

  it("labels trends in Vietnamese", () => {
    expect(TREND_LABELS.up.vi).toBe("Cải thiện");
  });
});
