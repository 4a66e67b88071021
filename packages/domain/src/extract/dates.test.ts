import { describe, expect, it } from "vitest";
import { deadlineDate, deadlineRecurrence, findDate } from "./dates.ts";

describe("dates", () => {
  it("reads 'ngày 26 tháng 02 năm 2021' and '21/02/2024'", () => {
    expect(findDate("26 tháng 02 năm 2021")?.iso).toBe("2021-02-26");
    expect(findDate("21/02/2024")?.iso).toBe("2024-02-21");
  });

  it("turns quarters into their last day", () => {
    expect(deadlineDate("Quý I năm 2025", null)).toBe("2025-03-31");
    expect(deadlineDate("quý IV/2024", null)).toBe("2024-12-31");
    expect(deadlineDate("Quý II", 2025)).toBe("2025-06-30");
  });

  it("ends a span of quarters with its last quarter", () => {
    expect(deadlineDate("Quý II - Quý III/2026", null)).toBe("2026-09-30");
    expect(deadlineDate("Quý IV/2025 - Quý I/2026", null)).toBe("2026-03-31");
    expect(deadlineDate("Quý I - Quý II", 2025)).toBe("2025-06-30");
    expect(deadlineDate("Quý III - IV/2026", null)).toBe("2026-12-31");
    expect(deadlineDate("Quý II-III/2026", null)).toBe("2026-09-30");
    expect(deadlineDate("Quý III, IV năm 2026", null)).toBe("2026-12-31");
  });

  it("turns months, half-years and years into their last day", () => {
    expect(deadlineDate("tháng 6/2025", null)).toBe("2025-06-30");
    expect(deadlineDate("6 tháng đầu năm 2025", null)).toBe("2025-06-30");
    expect(deadlineDate("năm 2025", null)).toBe("2025-12-31");
    expect(deadlineDate("30/11/2025", null)).toBe("2025-11-30");
  });

  it("has no date for recurring deadlines", () => {
    expect(deadlineDate("Thường xuyên", 2025)).toBeNull();
    expect(deadlineDate("Hằng năm", 2025)).toBeNull();
  });

  it("rejects impossible dates", () => {
    expect(findDate("31/02/2024")?.iso).toBeNull();
  });
});

describe("deadlines before a year", () => {
  it("reads 'trước năm 2028' as the end of 2027", () => {
    expect(deadlineDate("trước năm 2028", null)).toBe("2027-12-31");
  });
});

describe("recurring deadlines", () => {
  it("knows the recurring words however 'hằng' is spelt, with the cadence they name", () => {
    expect(deadlineRecurrence("Hằng năm")).toEqual({ recurring: true, cadence: "annual" });
    expect(deadlineRecurrence("hàng quý")).toEqual({ recurring: true, cadence: "quarterly" });
    expect(deadlineRecurrence("Báo cáo hằng tháng")).toEqual({ recurring: true, cadence: "monthly" });
    expect(deadlineRecurrence("Thường xuyên")).toEqual({ recurring: true, cadence: null });
    expect(deadlineRecurrence("Định kỳ")).toEqual({ recurring: true, cadence: null });
    expect(deadlineRecurrence("Liên tục")).toEqual({ recurring: true, cadence: null });
  });

  it("is not recurring for a dated deadline or none", () => {
    expect(deadlineRecurrence("Quý I năm 2025")).toEqual({ recurring: false, cadence: null });
    expect(deadlineRecurrence(null)).toEqual({ recurring: false, cadence: null });
  });

  it("gives a recurring deadline a date only when it names a year", () => {
    expect(deadlineDate("Định kỳ", 2025)).toBeNull();
    expect(deadlineDate("Hằng năm, đến năm 2025", null)).toBe("2025-12-31");
    expect(deadlineRecurrence("Hằng năm, đến năm 2025").recurring).toBe(true);
  });
});
