import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DtiRule } from "./framework.ts";
import { formatRule, parseRule, ruleKindLabel } from "./rule-text.ts";

const RULES: DtiRule[] = [
  {
    kind: "levels",
    levels: [
      { key: "a", points: 40, description: "Trưởng Ban Chỉ đạo là Chủ tịch" },
      { key: "b", points: 20, description: "Phó Chủ tịch: một nửa" },
    ],
  },
  {
    kind: "ratio",
    numeratorLabel: "Số hồ sơ trực tuyến",
    denominatorLabel: "Tổng số hồ sơ",
    scale: "linear",
    bands: [],
  },
  {
    kind: "ratio",
    numeratorLabel: "a",
    denominatorLabel: "b",
    scale: "banded",
    bands: [
      { min: 50, points: 5 },
      { min: 80.5, points: 10 },
    ],
  },
  { kind: "boolean", yesLabel: "Có" },
  { kind: "boolean", yesLabel: "Đã ban hành quy chế" },
  { kind: "thresholds", unit: "Mbps", thresholds: [{ min: 40, points: 6 }] },
  { kind: "indicator", indicatorCode: "CQS-02", scale: "linear", target: 80, bands: [] },
  {
    kind: "indicator",
    indicatorCode: "LDS-01",
    scale: "banded",
    target: 100,
    bands: [{ min: 1, points: 30 }],
  },
  { kind: "sum" },
  { kind: "weighted" },
];

describe("rule text", () => {
  it("reads back every kind of rule it writes", () => {
    for (const rule of RULES) {
      expect(parseRule(ruleKindLabel(rule.kind), formatRule(rule))).toEqual({ rule });
    }
  });

  it("reads a kind whatever the accents and case, and says what is wrong with a line", () => {
    expect(parseRule("TY LE A/B", "a: x\nb: y")).toMatchObject({ rule: { kind: "ratio", scale: "linear" } });
    expect(parseRule("Chọn mức", "a 40 Chủ tịch")).toEqual({
      error: 'dòng mức "a 40 Chủ tịch" cần dạng "a) 40: mô tả"',
    });
    expect(parseRule("Theo ngưỡng", "")).toMatchObject({
      error: expect.stringContaining("ít nhất một ngưỡng"),
    });
    expect(parseRule("Theo cảm tính", "")).toMatchObject({
      error: expect.stringContaining("không rõ cách tính"),
    });
  });

  it("round-trips any levels rule", () => {
    const arb = fc.array(
      fc.record({
        key: fc.stringMatching(/^[a-z0-9]{1,3}$/),
        points: fc.integer({ min: 0, max: 1000 }).map((n) => n / 4),
        description: fc
          .string({ minLength: 1, maxLength: 40 })
          .map((s) => s.replace(/\s+/g, " ").trim() || "Mức"),
      }),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(arb, (levels) => {
        const rule: DtiRule = { kind: "levels", levels };
        return JSON.stringify(parseRule("Chọn mức", formatRule(rule))) === JSON.stringify({ rule });
      }),
    );
  });
});
