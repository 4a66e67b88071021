import { describe, expect, it } from "vitest";
import { periodLabel } from "./period-label.ts";

describe("a period's name in the interface language", () => {
  it("names calendar periods in English from their key and keeps an ad hoc period's own name", () => {
    const en = (key: string, label = "Quý II năm 2025") => periodLabel({ key, label }, "en");
    expect(en("2025-Q2")).toBe("Q2 2025");
    expect(en("2025-M03")).toBe("March 2025");
    expect(en("2025-H1")).toBe("First half of 2025");
    expect(en("2025")).toBe("Year 2025");
    expect(en("adhoc-2025-07-01", "Báo cáo đột xuất bão số 3")).toBe("Báo cáo đột xuất bão số 3");
    expect(periodLabel({ key: "2025-Q2", label: "Quý II năm 2025" }, "vi")).toBe("Quý II năm 2025");
  });
});
