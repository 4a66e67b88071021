import { describe, expect, it } from "vitest";
import { calendarKeyOfLabel } from "./calendar.ts";
import { periodLabel, reportNote, reportNoteIn } from "./period-label.ts";

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

  it("reads a calendar period's key back from its Vietnamese label", () => {
    expect(calendarKeyOfLabel("Quý III năm 2026")).toBe("2026-Q3");
    expect(calendarKeyOfLabel("Tháng 3 năm 2025")).toBe("2025-M03");
    expect(calendarKeyOfLabel("6 tháng cuối năm 2025")).toBe("2025-H2");
    expect(calendarKeyOfLabel("Năm 2025")).toBe("2025");
    expect(calendarKeyOfLabel("Báo cáo đột xuất bão số 3")).toBeNull();
  });

  it("says a report's note on a task in the reader's language, the unit's words as written", () => {
    const note = reportNote({ label: "Quý III năm 2026" }, "Đã triển khai: xong 2 việc");
    expect(note).toBe("Báo cáo Quý III năm 2026: Đã triển khai: xong 2 việc");
    expect(reportNoteIn(note, "en")).toBe("Q3 2026 report: Đã triển khai: xong 2 việc");
    expect(reportNoteIn(reportNote({ label: "Năm 2025" }, null), "en")).toBe("Year 2025 report");
    expect(reportNoteIn(note, "vi")).toBe(note);
    expect(reportNoteIn("Báo cáo đột xuất: ghi chú", "en")).toBe("Báo cáo đột xuất: ghi chú");
  });
});
