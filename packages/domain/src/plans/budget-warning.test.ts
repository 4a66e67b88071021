import { describe, expect, it } from "vitest";
import { budgetWarning } from "./budget-warning.ts";

describe("the budget's warning in the reader's language", () => {
  it("says by how much the items' total differs from the plan's, in Vietnamese and in English", () => {
    expect(budgetWarning(1_000_000, 1_200_000, 0)).toBe(
      "Tổng kinh phí các hạng mục (1.200.000 đồng) vượt tổng kinh phí kế hoạch (1.000.000 đồng) 200.000 đồng.",
    );
    expect(budgetWarning(1_000_000, 1_200_000, 0, "en")).toMatch(
      /^The items' total \(.+\) is .+ above the plan's total budget \(.+\)\.$/,
    );
    expect(budgetWarning(null, 5, 9, "en")).toBe(
      "The plan states no total budget, so the items cannot be checked against it. The amount disbursed (9 VND) exceeds the amount planned (5 VND).",
    );
    expect(budgetWarning(5, 5, 5, "en")).toBeNull();
  });
});
