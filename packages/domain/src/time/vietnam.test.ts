import { describe, expect, it } from "vitest";
import { daysBetween, endOfVietnamDay, todayInVietnam, vietnamDate, vietnamDateTimeText } from "./vietnam.ts";

describe("Vietnam's calendar", () => {
  it("reads an instant late in the UTC evening as the next Vietnamese day", () => {
    expect(vietnamDate(new Date("2025-03-31T16:59:59Z"))).toBe("2025-03-31");
    expect(vietnamDate(new Date("2025-03-31T17:00:00Z"))).toBe("2025-04-01");
    expect(vietnamDate("2025-12-31T18:00:00.000Z")).toBe("2026-01-01");
  });

  it("takes today from the clock it is given", () => {
    expect(todayInVietnam(() => new Date("2026-06-30T20:00:00Z"))).toBe("2026-07-01");
  });

  it("ends a Vietnamese day at 23:59:59.999 local time", () => {
    expect(endOfVietnamDay("2025-06-30").toISOString()).toBe("2025-06-30T16:59:59.999Z");
  });

  it("writes a moment for messages as hh:mm ngày dd/mm/yyyy in Vietnam time", () => {
    expect(vietnamDateTimeText(new Date("2025-07-01T02:05:00Z"))).toBe("09:05 ngày 01/07/2025");
  });

  it("counts whole days between ISO dates across months and years", () => {
    expect(daysBetween("2025-03-15", "2025-03-18")).toBe(3);
    expect(daysBetween("2024-12-31", "2025-01-01")).toBe(1);
    expect(daysBetween("2025-03-18", "2025-03-15")).toBe(-3);
  });
});
