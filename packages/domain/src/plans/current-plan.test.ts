import { describe, expect, it } from "vitest";
import { currentPlan } from "./current-plan.ts";

const plan = (code: string, start: number | null, end: number | null, unit = "xa", status = "published") => ({
  code,
  status,
  unit: { id: unit },
  periodStart: start,
  periodEnd: end,
  publishedAt: `${end ?? 2000}-01-10T00:00:00Z`,
});

describe("the plan in force today", () => {
  const plans = [
    plan("huyen-2025", 2025, 2025, "huyen"),
    plan("xa-2027-nhap", 2027, 2027, "xa", "draft"),
    plan("tinh-2026", 2026, 2026, "tinh"),
    plan("xa-2026", 2026, 2026, "xa"),
    plan("xa-2021-2025", 2021, 2025, "xa"),
  ];

  it("opens on a published plan covering this year, the leader's own unit first, never the newest draft", () => {
    expect(currentPlan(plans, "2026-12-05", new Set(["xa"]))?.code).toBe("xa-2026");
    expect(currentPlan(plans, "2026-12-05", new Set(["tinh"]))?.code).toBe("tinh-2026");
  });

  it("falls back to the plan nearest to today when none covers this year", () => {
    expect(currentPlan(plans.slice(0, 2), "2026-12-05")?.code).toBe("huyen-2025");
    expect(currentPlan([plans[1]], "2026-12-05")).toBeNull();
  });
});
