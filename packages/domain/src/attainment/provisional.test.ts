import { describe, expect, it } from "vitest";
import { provisionalReason } from "./provisional.ts";

describe("provisional figures", () => {
  const period = { dueDate: "2026-12-15" };

  it("marks a period not yet due as provisional even when every report is in", () => {
    expect(provisionalReason(period, "2026-12-05", { expected: 4, received: 4 })).toBe("not_due");
    expect(provisionalReason(period, "2026-12-15", { expected: 4, received: 4 })).toBe("not_due");
  });

  it("marks a due period provisional until every expected report is in", () => {
    expect(provisionalReason(period, "2026-12-16", { expected: 4, received: 1 })).toBe("incomplete");
    expect(provisionalReason(period, "2026-12-16", { expected: 4, received: 4 })).toBeNull();
  });
});
