import { describe, expect, it } from "vitest";
import { foldVietnamese } from "../text/fold.ts";
import { INDICATOR_CATALOGUE, indicatorByCode } from "./catalogue.ts";
import { isPillar } from "./pillars.ts";

describe("indicator catalogue", () => {
  it("holds about thirty indicators or more, each with a unique code", () => {
    expect(INDICATOR_CATALOGUE.length).toBeGreaterThanOrEqual(30);
    const codes = INDICATOR_CATALOGUE.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2,4}-\d{2}$/);
  });

  it("uses only pillar keys of plan-extract/v1", () => {
    for (const i of INDICATOR_CATALOGUE) expect(isPillar(i.pillar), i.code).toBe(true);
  });

  it("gives every ratio indicator a numerator and denominator label and a % unit", () => {
    for (const i of INDICATOR_CATALOGUE) {
      if (i.aggregation === "ratio") {
        expect(i.unit, i.code).toBe("%");
        expect(i.numeratorLabel, i.code).toBeTruthy();
        expect(i.denominatorLabel, i.code).toBeTruthy();
      } else {
        expect(i.numeratorLabel, i.code).toBeUndefined();
      }
    }
  });

  it("stores keywords already folded, so matching never folds them again", () => {
    for (const i of INDICATOR_CATALOGUE) {
      expect(i.keywords.length, i.code).toBeGreaterThan(0);
      for (const k of [...i.keywords, ...(i.scopeKeywords ?? [])]) expect(foldVietnamese(k), i.code).toBe(k);
    }
  });

  it("names every indicator in Vietnamese and cites where it comes from", () => {
    for (const i of INDICATOR_CATALOGUE) {
      expect(i.name, i.code).not.toBe(foldVietnamese(i.name));
      expect(i.sources.length, i.code).toBeGreaterThan(0);
    }
  });

  it("marks indicators where less is better as decreasing", () => {
    expect(indicatorByCode("ATTT-04")?.direction).toBe("decrease");
    expect(indicatorByCode("DTI-01")?.direction).toBe("decrease");
    expect(indicatorByCode("CQS-02")?.direction).toBe("increase");
  });

  it("covers every aggregation rule", () => {
    const rules = new Set(INDICATOR_CATALOGUE.map((i) => i.aggregation));
    expect([...rules].sort()).toEqual(["average", "boolean", "latest", "ratio", "sum"]);
  });

  it("finds an indicator by code and nothing for an unknown code", () => {
    expect(indicatorByCode("CQS-01")?.name).toMatch(/dịch vụ công trực tuyến toàn trình/);
    expect(indicatorByCode("XXX-99")).toBeUndefined();
  });
});
