import { describe, expect, it } from "vitest";
import { buildReportingCalendar, periodsForRule } from "./calendar.ts";

describe("reporting calendar", () => {
  it("cuts quarters from the 15th of the month before to the 14th of the last month (Decree 09)", () => {
    const periods = periodsForRule(
      { frequency: "quarterly", due: { day: 15, month: "last-of-period" } },
      { start: 2025, end: 2025 },
    );
    expect(periods.map((p) => p.key)).toEqual(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]);
    expect(periods[0]).toMatchObject({
      start: "2024-12-15",
      end: "2025-03-14",
      dueDate: "2025-03-15",
      label: "Quý I năm 2025",
    });
    expect(periods[1]).toMatchObject({ start: "2025-03-15", end: "2025-06-14", dueDate: "2025-06-15" });
  });

  it("puts a quarterly report due 'before the 12th of the last month' on the 12th and closes its data the day before", () => {
    const [q1] = periodsForRule(
      { frequency: "quarterly", due: { day: 12, month: "last-of-period" } },
      { start: 2023, end: 2023 },
    );
    expect(q1).toMatchObject({ dueDate: "2023-03-12", end: "2023-03-11" });
  });

  it("dates the six-month report 'trước ngày 15/5' and closes its data before it is due", () => {
    const [h1, h2] = periodsForRule(
      { frequency: "semiannual", due: { day: 15, month: 5 } },
      { start: 2024, end: 2024 },
    );
    expect(h1).toMatchObject({
      key: "2024-H1",
      start: "2023-12-15",
      end: "2024-05-14",
      dueDate: "2024-05-15",
    });
    expect(h2).toMatchObject({ key: "2024-H2", dueDate: "2024-11-15" });
  });

  it("runs the year from 15/12 to 14/12 unless the annual report is due earlier ('trước ngày 15/11')", () => {
    const [plain] = periodsForRule(
      { frequency: "annual", due: { day: 20, month: 12 } },
      { start: 2025, end: 2025 },
    );
    expect(plain).toMatchObject({
      key: "2025",
      start: "2024-12-15",
      end: "2025-12-14",
      dueDate: "2025-12-20",
    });
    const [early] = periodsForRule(
      { frequency: "annual", due: { day: 15, month: 11 } },
      { start: 2025, end: 2025 },
    );
    expect(early).toMatchObject({ end: "2025-11-14", dueDate: "2025-11-15" });
  });

  it("uses calendar months when the cut-off is set to calendar", () => {
    const [q1] = periodsForRule(
      { frequency: "quarterly", due: null },
      { start: 2025, end: 2025 },
      { calendarCutoff: true },
    );
    expect(q1).toMatchObject({ start: "2025-01-01", end: "2025-03-14", dueDate: "2025-03-15" });
    const [, , , q4] = periodsForRule(
      { frequency: "quarterly", due: { day: 31, month: "last-of-period" } },
      { start: 2025, end: 2025 },
      { calendarCutoff: true },
    );
    expect(q4).toMatchObject({ end: "2025-12-30", dueDate: "2025-12-31" });
  });

  it("handles 'six-monthly and yearly, by 30/6 and 15/12': the yearly report stands for the second half", () => {
    const calendar = buildReportingCalendar(
      [
        { frequency: "semiannual", due: { day: 30, month: 6 } },
        { frequency: "annual", due: { day: 15, month: 12 } },
        { frequency: "annual", due: { day: 15, month: 12 } },
        { frequency: "adhoc", due: null },
      ],
      { start: 2025, end: 2026 },
    );
    expect(calendar.map((p) => `${p.key}:${p.dueDate}`)).toEqual([
      "2025-H1:2025-06-30",
      "2025:2025-12-15",
      "2026-H1:2026-06-30",
      "2026:2026-12-15",
    ]);
  });

  it("keeps Q4 when the plan asks for quarterly reports only", () => {
    const calendar = buildReportingCalendar([{ frequency: "quarterly", due: null }], {
      start: 2025,
      end: 2025,
    });
    expect(calendar.map((p) => p.key)).toEqual(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]);
  });

  it("gives monthly periods keys that sort", () => {
    const months = periodsForRule(
      { frequency: "monthly", due: { day: 20, month: "last-of-period" } },
      { start: 2025, end: 2025 },
    );
    expect(months).toHaveLength(12);
    expect(months[1]).toMatchObject({
      key: "2025-M02",
      start: "2025-01-15",
      end: "2025-02-14",
      dueDate: "2025-02-20",
    });
  });
});
