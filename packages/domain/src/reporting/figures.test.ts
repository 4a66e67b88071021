import { describe, expect, it } from "vitest";
import { numeratorExceedsDenominator, ratioPercent } from "./figures.ts";

describe("a ratio indicator's figures", () => {
  it("rejects a numerator above the denominator and accepts equal figures", () => {
    expect(numeratorExceedsDenominator(101, 100)).toBe(true);
    expect(numeratorExceedsDenominator(100, 100)).toBe(false);
    expect(numeratorExceedsDenominator(0, 0)).toBe(false);
  });

  it("does not compare while either figure is missing", () => {
    expect(numeratorExceedsDenominator(5, null)).toBe(false);
    expect(numeratorExceedsDenominator(undefined, 3)).toBe(false);
  });

  it("computes the share to one decimal, and none without a positive denominator", () => {
    expect(ratioPercent(1, 3)).toBe(33.3);
    expect(ratioPercent(2, 3)).toBe(66.7);
    expect(ratioPercent(5, 0)).toBeNull();
    expect(ratioPercent(null, 4)).toBeNull();
  });
});
