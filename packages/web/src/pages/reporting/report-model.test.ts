import { describe, expect, it } from "vitest";
import {
  chaseFilter,
  completeness,
  type DraftPart,
  draftFromReport,
  ratioPercent,
  savePayload,
  validateDraft,
} from "./report-model.ts";

const task = (key: string, over: Record<string, unknown> = {}) =>
  ({ key, progress: null, note: null, progressRequired: true, ...over }) as never;
const value = (targetKey: string, aggregation: string, over: Record<string, unknown> = {}) =>
  ({
    targetKey,
    indicator: { aggregation },
    numerator: null,
    denominator: null,
    value: null,
    note: null,
    evidence: [],
    required: true,
    ...over,
  }) as never;

const report = {
  difficulties: "",
  proposals: "",
  tasks: [task("t1"), task("t2", { progressRequired: false })],
  values: [value("r", "ratio"), value("s", "sum")],
};

describe("unit report form", () => {
  it("computes the ratio as a percentage", () => {
    expect(ratioPercent(45, 60)).toBe(75);
    expect(ratioPercent(1, 3)).toBe(33.3);
    expect(ratioPercent(1, 0)).toBeNull();
    expect(ratioPercent(null, 10)).toBeNull();
  });

  it("flags progress over 100 and a numerator above its denominator while editing", () => {
    const draft = draftFromReport(report);
    draft.tasks.t1.progress = 120;
    draft.values.r = { ...draft.values.r, numerator: 70, denominator: 60 };
    expect(validateDraft(report, draft, false)).toEqual({
      "task:t1.progress": "report.err.progressRange",
      "value:r.numerator": "report.err.numeratorAboveDenominator",
    });
  });

  it("asks for required progress and figures only on submit", () => {
    const draft = draftFromReport(report);
    expect(validateDraft(report, draft, false)).toEqual({});
    expect(validateDraft(report, draft, true)).toEqual({
      "task:t1.progress": "report.err.progressRequired",
      "value:r.numerator": "report.err.figureRequired",
      "value:r.denominator": "report.err.figureRequired",
      "value:s.value": "report.err.figureRequired",
    });
  });

  it("autosaves only changed, valid parts with the version it loaded", () => {
    const draft = draftFromReport(report);
    draft.tasks.t1.progress = 150;
    draft.tasks.t2.note = " Đã triển khai ";
    draft.difficulties = "Thiếu kinh phí";
    const dirty = new Set<DraftPart>(["task:t1", "task:t2", "difficulties"]);
    const out = savePayload(4, draft, dirty, validateDraft(report, draft, false));
    expect(out?.sent.sort()).toEqual(["difficulties", "task:t2"]);
    expect(out?.body).toEqual({
      version: 4,
      difficulties: "Thiếu kinh phí",
      tasks: [{ key: "t2", progress: null, note: "Đã triển khai" }],
    });
    expect(savePayload(4, draft, new Set(), {})).toBeNull();
  });

  it("measures completeness by reports submitted or approved", () => {
    expect(completeness({ expected: 8, submitted: 2, approved: 4 })).toBe(75);
    expect(completeness({ expected: 0, submitted: 0, approved: 0 })).toBe(0);
  });

  it("filters the chase list", () => {
    const rows = [
      { id: "a", status: null, timeliness: "missing" },
      { id: "b", status: "submitted", timeliness: "late" },
      { id: "c", status: "returned", timeliness: "on_time" },
      { id: "d", status: "approved", timeliness: "on_time" },
    ] as const;
    const ids = (f: Parameters<typeof chaseFilter>[1]) => chaseFilter(rows, f).map((r) => r.id);
    expect(ids("missing")).toEqual(["a"]);
    expect(ids("late")).toEqual(["b"]);
    expect(ids("returned")).toEqual(["c"]);
    expect(ids("all")).toHaveLength(4);
  });
});
