import { describe, expect, it } from "vitest";
import {
  daysUntil,
  defaultSplitPoint,
  goalText,
  groupForReview,
  neighbours,
  passages,
  tableCells,
  withTables,
} from "./review-model.ts";

const item = (id: string, pillar: string, confidence: number, position: number) =>
  ({ id, pillar, confidence, position }) as never;

describe("groupForReview", () => {
  it("puts items needing a check and low confidence first, grouped by pillar", () => {
    const items = [
      item("a", "data", 0.9, 0),
      item("b", "digital_government", 0.9, 1),
      item("c", "digital_government", 0.5, 2),
      item("d", "data", 0.95, 3),
    ];
    const groups = groupForReview(items, (x: { id: string }) => x.id === "d");
    expect(groups.map((g) => g.pillar)).toEqual(["data", "digital_government"]);
    expect(groups[0].items.map((x: { id: string }) => x.id)).toEqual(["d", "a"]);
    expect(groups[1].items.map((x: { id: string }) => x.id)).toEqual(["c", "b"]);
  });
});

describe("passages", () => {
  it("cuts the source into plain text, item spans and unparsed blocks", () => {
    const out = passages(20, [
      { id: "t1", start: 2, end: 5, kind: "item" },
      { id: "u", start: 10, end: 12, kind: "unparsed" },
      { id: "t2", start: 4, end: 8, kind: "item" },
    ]);
    expect(out).toEqual([
      { start: 0, end: 2, kind: "plain" },
      { start: 2, end: 5, kind: "item", id: "t1" },
      { start: 5, end: 10, kind: "plain" },
      { start: 10, end: 12, kind: "unparsed", id: "u" },
      { start: 12, end: 20, kind: "plain" },
    ]);
  });
});

describe("neighbours", () => {
  it("finds the previous and next item in document order", () => {
    const items = [item("b", "x", 1, 2), item("a", "x", 1, 1), item("c", "x", 1, 3)];
    const { prev, next } = neighbours(items as { id: string; position: number }[], "b");
    expect(prev?.id).toBe("a");
    expect(next?.id).toBe("c");
  });
});

describe("helpers", () => {
  it("splits at the clause boundary nearest the middle", () => {
    const text = "Xây dựng kế hoạch; triển khai hệ thống. Báo cáo kết quả";
    expect(text.slice(defaultSplitPoint(text))).toBe("triển khai hệ thống. Báo cáo kết quả");
  });

  it("splits between words when the text has no clause boundary", () => {
    const text = "Đảm bảo Trung tâm điều hành thông minh IOC huyện hoạt động xuyên suốt.";
    const at = defaultSplitPoint(text);
    expect(text[at - 1]).toBe(" ");
    expect(text.slice(at)).toBe("minh IOC huyện hoạt động xuyên suốt.");
  });

  it("writes a target's goal with the comparator and year", () => {
    expect(goalText({ comparator: ">=", value: 80, unit: "%", year: 2025 }, String)).toBe("≥ 80% (2025)");
  });

  it("counts days between calendar dates", () => {
    expect(daysUntil("2025-03-31", "2025-03-01")).toBe(30);
    expect(daysUntil("2025-03-01", "2025-03-31")).toBe(-30);
  });
});

describe("withTables and tableCells", () => {
  it("shows a table as one passage and drops the item spans inside it", () => {
    const spans = [
      { id: "a", start: 0, end: 5, kind: "item" as const },
      { id: "b", start: 12, end: 18, kind: "item" as const },
    ];
    const out = passages(30, withTables(spans, [{ id: "tbl-1", source: { start: 10, end: 25 } }]));
    expect(out.map((p) => [p.kind, p.id ?? null, p.start, p.end])).toEqual([
      ["item", "a", 0, 5],
      ["plain", null, 5, 10],
      ["table", "tbl-1", 10, 25],
      ["plain", null, 25, 30],
    ]);
  });

  it("finds each item's cell and each row's items", () => {
    const { byItem, byRow } = tableCells({
      queue: [
        {
          type: "target",
          id: "t1",
          confidence: 1,
          flagged: false,
          source: null,
          cell: { table: "tbl-2", row: 1, column: 2 },
        },
        {
          type: "target",
          id: "t2",
          confidence: 1,
          flagged: false,
          source: null,
          cell: { table: "tbl-2", row: 1, column: 3 },
        },
        { type: "task", id: "k1", confidence: 1, flagged: false, source: null, cell: null },
      ],
    });
    expect(byItem.get("t2")).toEqual({ table: "tbl-2", row: 1, column: 3 });
    expect(byItem.has("k1")).toBe(false);
    expect(byRow.get("tbl-2")?.get(1)).toEqual(["t1", "t2"]);
  });
});
