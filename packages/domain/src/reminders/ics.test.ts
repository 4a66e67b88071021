import { describe, expect, it } from "vitest";
import { buildCalendar, escapeIcsText, foldIcsLine, parseCalendar } from "./ics.ts";

describe("iCalendar feed of deadlines", () => {
  it("escapes commas, semicolons, backslashes and line breaks in Vietnamese text", () => {
    expect(escapeIcsText("Báo cáo Quý I, năm 2026; xã A\\B\nDòng 2")).toBe(
      "Báo cáo Quý I\\, năm 2026\\; xã A\\\\B\\nDòng 2",
    );
  });

  it("folds long lines at 75 octets without splitting a Vietnamese character", () => {
    const line = `SUMMARY:${"Chuyển đổi số cấp xã, phường ".repeat(6)}`;
    const folded = foldIcsLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
  });

  it("writes all-day events that read back to the same text", () => {
    const text = buildCalendar({
      name: "Lịch hạn của Nguyễn Văn A",
      now: new Date("2026-12-05T02:00:00Z"),
      events: [
        {
          uid: "report-1@dtplan",
          date: "2026-12-31",
          summary: "Hạn nộp báo cáo: Quý IV, năm 2026 — Xã Long Hồ",
          description: "Kế hoạch 12/KH-UBND; hạn 31/12/2026",
          url: "https://dtplan.example.vn/periods/12/2026-Q4",
        },
      ],
    });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n").every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    const [event] = parseCalendar(text).events;
    expect(event.DTSTART).toEqual({ name: "DTSTART", params: { VALUE: "DATE" }, value: "20261231" });
    expect(event.DTEND.value).toBe("20270101");
    expect(event.SUMMARY.value).toBe("Hạn nộp báo cáo: Quý IV, năm 2026 — Xã Long Hồ");
    expect(event.DESCRIPTION.value).toBe("Kế hoạch 12/KH-UBND; hạn 31/12/2026");
    expect(event.DTSTAMP.value).toBe("20261205T020000Z");
    expect(event.UID.value).toBe("report-1@dtplan");
  });
});
