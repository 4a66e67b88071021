import { describe, expect, it } from "vitest";
import { planLabel } from "./plan-label.ts";

describe("planLabel", () => {
  const title = "Kế hoạch chuyển đổi số tỉnh Vĩnh Long năm 2026";
  it("names a plan by its title and document number, never its code", () => {
    expect(planLabel({ title, documentNumber: "285/KH-UBND", periodStart: 2026, periodEnd: 2026 })).toBe(
      `${title} (285/KH-UBND)`,
    );
  });
  it("tells a plan without a number by its years, and a one-year plan by its title alone", () => {
    expect(
      planLabel({
        title: "Kế hoạch CĐS xã Long Hồ",
        documentNumber: null,
        periodStart: 2026,
        periodEnd: 2030,
      }),
    ).toBe("Kế hoạch CĐS xã Long Hồ (2026–2030)");
    expect(planLabel({ title, documentNumber: null, periodStart: 2026, periodEnd: 2026 })).toBe(title);
  });
});
