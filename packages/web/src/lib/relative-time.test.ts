import { describe, expect, it } from "vitest";
import { relativeTime } from "./relative-time.ts";

const now = new Date("2025-07-10T10:00:00+07:00");
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe("relativeTime", () => {
  it("says 'vừa xong' for less than a minute, and for clocks slightly ahead", () => {
    expect(relativeTime(ago(30_000), now)).toBe("vừa xong");
    expect(relativeTime(ago(-5_000), now)).toBe("vừa xong");
  });

  it("counts whole minutes, hours and days in Vietnamese", () => {
    expect(relativeTime(ago(5 * 60_000 + 59_000), now)).toBe("5 phút trước");
    expect(relativeTime(ago(3 * 3_600_000), now)).toBe("3 giờ trước");
    expect(relativeTime(ago(2 * 86_400_000 + 1), now)).toBe("2 ngày trước");
  });

  it("shows the date once the notice is a week old", () => {
    expect(relativeTime(new Date(2025, 5, 1, 9, 0), now)).toBe("01/06/2025");
  });

  it("speaks English when asked", () => {
    expect(relativeTime(ago(2 * 3_600_000), now, "en")).toBe("2 hours ago");
  });

  it("returns an unreadable value as it came", () => {
    expect(relativeTime("not a date", now)).toBe("not a date");
  });
});
