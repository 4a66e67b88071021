import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { isMessageKey, translate } from "./translate.ts";
import { vi } from "./vi.ts";

describe("translate", () => {
  it("speaks Vietnamese and English", () => {
    expect(translate("vi", "nav.org")).toBe("Cơ cấu tổ chức");
    expect(translate("en", "nav.org")).toBe("Organisation");
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("vi", "org.closedSince", { date: "01/07/2025" })).toBe("hết hiệu lực từ 01/07/2025");
    expect(translate("vi", "org.closedSince")).toBe("hết hiệu lực từ {date}");
  });

  it("has an English text for every Vietnamese key, each with the same placeholders", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(en[key], key).toBeTruthy();
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
    }
  });

  it("recognises keys built from server values", () => {
    expect(isMessageKey("audit.title")).toBe(true);
    expect(isMessageKey("audit.something_new")).toBe(false);
  });
});

describe("the plan workspace's dictionary", () => {
  it("has an English text for every Vietnamese key once its pages load", async () => {
    const { plansVi } = await import("./plans.vi.ts");
    const { plansEn } = await import("./plans.en.ts");
    await import("./plans-messages.ts");
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(plansVi) as (keyof typeof plansVi)[]) {
      expect(plansEn[key], key).toBeTruthy();
      expect(placeholders(plansEn[key]), key).toEqual(placeholders(plansVi[key]));
    }
    expect(translate("vi", "review.publish")).toBe("Ban hành");
    expect(translate("en", "review.publish")).toBe("Publish");
  });
});
