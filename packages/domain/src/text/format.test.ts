import { describe, expect, it } from "vitest";
import {
  dayAfter,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatVnd,
  parseDisplayDate,
  toIsoDate,
} from "./format.ts";

describe("formatDate", () => {
  it("shows an ISO date as dd/mm/yyyy without shifting the day", () => {
    expect(formatDate("2025-07-01")).toBe("01/07/2025");
    expect(formatDate("2024-12-31")).toBe("31/12/2024");
  });

  it("shows a local Date as dd/mm/yyyy", () => {
    expect(formatDate(new Date(2025, 0, 5, 23, 59))).toBe("05/01/2025");
  });

  it("returns an empty string for missing values", () => {
    expect(formatDate(null)).toBe("");
    expect(formatDate(undefined)).toBe("");
    expect(formatDate("")).toBe("");
  });

  it("formats timestamps with hours and minutes in local time", () => {
    const d = new Date(2025, 6, 1, 8, 5);
    expect(formatDateTime(d)).toBe("01/07/2025 08:05");
    expect(formatDateTime(d.toISOString())).toBe("01/07/2025 08:05");
  });
});

describe("parseDisplayDate", () => {
  it("reads dd/mm/yyyy into an ISO date", () => {
    expect(parseDisplayDate("1/7/2025")).toBe("2025-07-01");
    expect(parseDisplayDate("31/12/2024")).toBe("2024-12-31");
  });

  it("refuses impossible dates and other shapes", () => {
    expect(parseDisplayDate("31/02/2025")).toBeNull();
    expect(parseDisplayDate("2025-07-01")).toBeNull();
  });

  it("round-trips with formatDate and toIsoDate", () => {
    expect(formatDate(parseDisplayDate("15/05/2025"))).toBe("15/05/2025");
    expect(toIsoDate(new Date(2025, 4, 15))).toBe("2025-05-15");
  });

  it("gives the day after, across month and year ends", () => {
    expect(dayAfter("2025-06-30")).toBe("2025-07-01");
    expect(dayAfter("2024-12-31")).toBe("2025-01-01");
    expect(dayAfter("2024-02-28")).toBe("2024-02-29");
  });
});

describe("formatNumber", () => {
  it("groups thousands with dots in Vietnamese", () => {
    expect(formatNumber(1552020000)).toBe("1.552.020.000");
    expect(formatNumber(999)).toBe("999");
    expect(formatNumber(1000)).toBe("1.000");
  });

  it("uses a decimal comma in Vietnamese and drops trailing zeros", () => {
    expect(formatNumber(1234.5)).toBe("1.234,5");
    expect(formatNumber(0.125, "vi", 2)).toBe("0,13");
    expect(formatNumber(7, "vi")).toBe("7");
  });

  it("uses commas and a decimal point in English", () => {
    expect(formatNumber(1552020000, "en")).toBe("1,552,020,000");
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
  });

  it("keeps the sign of negative numbers but never shows -0", () => {
    expect(formatNumber(-1500)).toBe("-1.500");
    expect(formatNumber(-0.001)).toBe("0");
  });

  it("shows nothing for missing or non-finite values", () => {
    expect(formatNumber(null)).toBe("");
    expect(formatNumber(Number.NaN)).toBe("");
  });
});

describe("formatVnd and formatPercent", () => {
  it("writes money in đồng in Vietnamese and VND in English", () => {
    expect(formatVnd(1552020000)).toBe("1.552.020.000 đồng");
    expect(formatVnd(1552020000, "en")).toBe("1,552,020,000 VND");
    expect(formatVnd(1999.6)).toBe("2.000 đồng");
  });

  it("writes percentages with the language's decimal separator", () => {
    expect(formatPercent(80)).toBe("80%");
    expect(formatPercent(12.5)).toBe("12,5%");
    expect(formatPercent(12.5, "en")).toBe("12.5%");
  });
});
