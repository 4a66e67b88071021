import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DtiNodeDef, type DtiRule, frameworkProblems, resolveFramework } from "./framework.ts";
import { previousThroughLineage, rank } from "./ranking.ts";
import { normalise, scoreLeaf, scoreTree, treeTotal } from "./scoring.ts";

const STEERING: DtiRule = {
  kind: "levels",
  levels: [
    { key: "a", points: 10, description: "Trưởng Ban Chỉ đạo là Chủ tịch UBND" },
    { key: "b", points: 5, description: "Trưởng Ban Chỉ đạo là Phó Chủ tịch" },
    { key: "c", points: 0, description: "Chưa thành lập Ban Chỉ đạo" },
  ],
};

describe("scoreLeaf", () => {
  it("gives a chosen level its points, and nothing for an unknown level", () => {
    expect(scoreLeaf(STEERING, 10, { level: "b" })).toBe(5);
    expect(scoreLeaf(STEERING, 10, { level: "z" })).toBeNull();
    expect(scoreLeaf(STEERING, 10, null)).toBeNull();
  });

  it("scores a ratio linearly or by percentage bands, and not at all when b is 0", () => {
    const linear: DtiRule = {
      kind: "ratio",
      numeratorLabel: "a",
      denominatorLabel: "b",
      scale: "linear",
      bands: [],
    };
    expect(scoreLeaf(linear, 20, { numerator: 3, denominator: 4 })).toBe(15);
    expect(scoreLeaf(linear, 20, { numerator: 3, denominator: 0 })).toBeNull();
    const banded: DtiRule = {
      ...linear,
      scale: "banded",
      bands: [
        { min: 0, points: 0 },
        { min: 50, points: 5 },
        { min: 80, points: 10 },
      ],
    };
    expect(scoreLeaf(banded, 10, { numerator: 79, denominator: 100 })).toBe(5);
    expect(scoreLeaf(banded, 10, { numerator: 80, denominator: 100 })).toBe(10);
  });

  it("gives the maximum for yes and 0 for no", () => {
    const rule: DtiRule = { kind: "boolean", yesLabel: "Có" };
    expect(scoreLeaf(rule, 25, { achieved: true })).toBe(25);
    expect(scoreLeaf(rule, 25, { achieved: false })).toBe(0);
    expect(scoreLeaf(rule, 25, {})).toBeNull();
  });

  it("scores a figure by the highest threshold it reaches", () => {
    const rule: DtiRule = {
      kind: "thresholds",
      unit: "Mbps",
      thresholds: [
        { min: 100, points: 10 },
        { min: 40, points: 6 },
      ],
    };
    expect(scoreLeaf(rule, 10, { value: 39 })).toBe(0);
    expect(scoreLeaf(rule, 10, { value: 40 })).toBe(6);
    expect(scoreLeaf(rule, 10, { value: 250 })).toBe(10);
  });

  it("scores an indicator's figure against its target", () => {
    const rule: DtiRule = {
      kind: "indicator",
      indicatorCode: "CQS-01",
      scale: "linear",
      target: 80,
      bands: [],
    };
    expect(scoreLeaf(rule, 10, { value: 40 })).toBe(5);
    expect(scoreLeaf(rule, 10, { value: 95 })).toBe(10);
  });
});

const FRAMEWORK: DtiNodeDef[] = [
  {
    code: "1",
    name: "Nhận thức số",
    kind: "main_index",
    rule: { kind: "sum" },
    children: [
      { code: "1.1", name: "Ban Chỉ đạo", kind: "criterion", maxPoints: 10, rule: STEERING },
      {
        code: "1.2",
        name: "Kế hoạch",
        kind: "criterion",
        maxPoints: 20,
        rule: { kind: "boolean", yesLabel: "Có" },
      },
    ],
  },
  {
    code: "2",
    name: "Hạ tầng số",
    kind: "main_index",
    maxPoints: 100,
    rule: { kind: "weighted" },
    children: [
      {
        code: "2.1",
        name: "A",
        kind: "criterion",
        maxPoints: 10,
        weight: 3,
        rule: { kind: "boolean", yesLabel: "Có" },
      },
      {
        code: "2.2",
        name: "B",
        kind: "criterion",
        maxPoints: 50,
        weight: 1,
        rule: { kind: "boolean", yesLabel: "Có" },
      },
    ],
  },
];

describe("scoreTree", () => {
  it("adds a sum node's children, weighs a weighted node's, and computes maxima", () => {
    const nodes = resolveFramework(FRAMEWORK);
    expect(nodes.map((n) => n.maxPoints)).toEqual([30, 100]);
    const points: Record<string, number> = { "1.1": 5, "1.2": 20, "2.1": 10, "2.2": 0 };
    const scores = scoreTree(nodes, (c) => points[c]);
    expect(scores.map((s) => s.points)).toEqual([25, 75]);
    expect(treeTotal(scores)).toEqual({ points: 100, maxPoints: 130, normalised: 0.7692, complete: true });
  });

  it("counts an unscored leaf as 0 and marks its ancestors incomplete", () => {
    const scores = scoreTree(resolveFramework(FRAMEWORK), (c) => (c === "1.1" ? 10 : null));
    expect(scores[0]).toMatchObject({ points: 10, complete: false });
    expect(treeTotal(scores).complete).toBe(false);
  });
});

describe("frameworkProblems", () => {
  it("names duplicate codes, leaves without a maximum, levels above it and aggregates without children", () => {
    const problems = frameworkProblems([
      { code: "1", name: "A", kind: "main_index", rule: { kind: "sum" }, children: [] },
      { code: "1", name: "B", kind: "criterion", maxPoints: 4, rule: STEERING },
      { code: "3", name: "C", kind: "criterion", rule: { kind: "boolean", yesLabel: "Có" } },
    ]);
    expect(problems.map((p) => p.field)).toEqual(["children", "code", "rule", "maxPoints"]);
    expect(problems[2]?.message).toContain("vượt điểm tối đa");
  });

  it("finds nothing wrong with a sound framework", () => {
    expect(frameworkProblems(FRAMEWORK)).toEqual([]);
  });
});

describe("rank", () => {
  it("gives equal scores one rank and skips the next", () => {
    const out = rank([
      { id: "c", name: "Xã C", score: 0.5 },
      { id: "a", name: "Xã A", score: 0.9 },
      { id: "b", name: "Xã B", score: 0.5 },
      { id: "d", name: "Xã D", score: 0.1 },
    ]);
    expect(out.map((r) => [r.id, r.rank])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 2],
      ["d", 4],
    ]);
  });
});

describe("previousThroughLineage", () => {
  it("takes a unit's own value, or the average of its predecessors' for a merged unit", () => {
    const previous = new Map([
      ["old-a", 0.6],
      ["old-b", 0.8],
      ["kept", 0.5],
    ]);
    const preds = (id: string) => (id === "new" ? ["old-a", "old-b"] : []);
    expect(previousThroughLineage("kept", previous, preds)).toEqual({
      value: 0.5,
      basis: "same",
      predecessors: [],
    });
    const merged = previousThroughLineage("new", previous, preds);
    expect(merged?.basis).toBe("lineage");
    expect(merged?.value).toBeCloseTo(0.7);
    expect(merged?.predecessors).toEqual(["old-a", "old-b"]);
    expect(previousThroughLineage("brand-new", previous, preds)).toBeNull();
  });

  it("stops on a cycle in the lineage", () => {
    const preds = (id: string) => (id === "x" ? ["y"] : id === "y" ? ["x"] : []);
    expect(previousThroughLineage("x", new Map(), preds)).toBeNull();
  });
});

// ---------------------------------------------------------------------------
// Property tests

const arbBands = fc.array(
  fc.record({
    min: fc.double({ min: -50, max: 200, noNaN: true }),
    points: fc.double({ min: 0, max: 500, noNaN: true }),
  }),
  { maxLength: 5 },
);
const arbRule: fc.Arbitrary<DtiRule> = fc.oneof(
  fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { minLength: 1, maxLength: 4 }).map((ps) => ({
    kind: "levels" as const,
    levels: ps.map((points, i) => ({ key: String(i), points, description: `Mức ${i}` })),
  })),
  fc.record({
    kind: fc.constant("ratio" as const),
    numeratorLabel: fc.constant("a"),
    denominatorLabel: fc.constant("b"),
    scale: fc.constantFrom("linear" as const, "banded" as const),
    bands: arbBands,
  }),
  fc.constant({ kind: "boolean" as const, yesLabel: "Có" }),
  fc.record({ kind: fc.constant("thresholds" as const), unit: fc.constant(""), thresholds: arbBands }),
  fc.record({
    kind: fc.constant("indicator" as const),
    indicatorCode: fc.constant("X"),
    scale: fc.constantFrom("linear" as const, "banded" as const),
    target: fc.double({ min: 0.01, max: 1000, noNaN: true }),
    bands: arbBands,
  }),
);
const arbEntry = fc.record({
  value: fc.option(fc.double({ noNaN: false })),
  level: fc.option(fc.constantFrom("0", "1", "2", "3", "x")),
  numerator: fc.option(fc.double({ min: -10, max: 1e6, noNaN: true })),
  denominator: fc.option(fc.double({ min: -10, max: 1e6, noNaN: true })),
  achieved: fc.option(fc.boolean()),
});

/** A random tree of any depth with random rules; leaves' maxima random. */
const arbTree: fc.Arbitrary<DtiNodeDef[]> = fc.letrec<{ nodes: DtiNodeDef[]; node: DtiNodeDef }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({
      code: fc.uuid(),
      name: fc.constant("Tiêu chí"),
      kind: fc.constant("criterion" as const),
      maxPoints: fc.double({ min: 0.01, max: 500, noNaN: true }),
      weight: fc.option(fc.double({ min: 0, max: 10, noNaN: true })),
      rule: arbRule,
    }),
    fc.record({
      code: fc.uuid(),
      name: fc.constant("Chỉ số"),
      kind: fc.constant("sub_index" as const),
      maxPoints: fc.option(fc.double({ min: 0.01, max: 1000, noNaN: true })),
      weight: fc.option(fc.double({ min: 0, max: 10, noNaN: true })),
      rule: fc.constantFrom(
        { kind: "sum" as const },
        { kind: "average" as const },
        { kind: "weighted" as const },
      ),
      children: tie("nodes"),
    }),
  ),
  nodes: fc.array(tie("node"), { minLength: 1, maxLength: 4 }),
})).nodes;

describe("scoring properties", () => {
  it("never gives a leaf more than its maximum nor less than 0", () => {
    fc.assert(
      fc.property(arbRule, fc.double({ min: 0, max: 1000, noNaN: true }), arbEntry, (rule, max, entry) => {
        const p = scoreLeaf(rule, max, entry);
        return p === null || (p >= 0 && p <= max);
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps every node of any tree within its maximum, normalised in 0–1, totals not above the framework's", () => {
    fc.assert(
      fc.property(arbTree, fc.array(fc.double({ noNaN: false }), { maxLength: 50 }), (defs, raw) => {
        const nodes = resolveFramework(defs);
        let i = 0;
        const scores = scoreTree(nodes, () => raw[i++ % Math.max(1, raw.length)] ?? null);
        const ok = (list: typeof scores): boolean =>
          list.every(
            (s) =>
              s.points >= 0 &&
              s.points <= s.maxPoints &&
              s.normalised >= 0 &&
              s.normalised <= 1 &&
              ok(s.children),
          );
        const total = treeTotal(scores);
        return (
          ok(scores) && total.points <= total.maxPoints && total.normalised >= 0 && total.normalised <= 1
        );
      }),
      { numRuns: 500 },
    );
  });

  it("normalises any points into 0–1", () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), (p, m) => {
        const n = normalise(p, m);
        return n >= 0 && n <= 1;
      }),
    );
  });

  it("ranks ties consistently: equal scores share a rank, and the result does not depend on input order", () => {
    const arbItems = fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        name: fc.constantFrom("Xã A", "Xã B", "Phường C"),
        score: fc.constantFrom(0, 0.25, 0.5, 0.7501, 1),
      }),
      { selector: (x) => x.id, maxLength: 30 },
    );
    fc.assert(
      fc.property(arbItems, fc.infiniteStream(fc.nat()), (items, seeds) => {
        const shuffled = [...items].sort(() => (seeds.next().value % 3) - 1);
        const a = rank(items);
        const b = rank(shuffled);
        if (JSON.stringify(a) !== JSON.stringify(b)) return false;
        return a.every((x, i) => {
          if (i === 0) return x.rank === 1;
          const prev = a[i - 1];
          if (!prev) return false;
          return Math.round(prev.score * 1e4) === Math.round(x.score * 1e4)
            ? x.rank === prev.rank
            : x.rank === i + 1 && x.score < prev.score;
        });
      }),
    );
  });
});

describe("seeded frameworks", () => {
  it("are sound, say their source, and keep the points the decisions give", async () => {
    const { SEEDED_FRAMEWORKS } = await import("./seeded.ts");
    const { frameworkMaxPoints } = await import("./framework.ts");
    for (const f of SEEDED_FRAMEWORKS) {
      expect(frameworkProblems(f.nodes), f.code).toEqual([]);
      expect(f.description).toMatch(/Nguồn|Theo mẫu/);
    }
    const [d405, d922, units] = SEEDED_FRAMEWORKS.map((f) => resolveFramework(f.nodes));
    expect(d405?.map((n) => n.code)).toEqual(["CQS", "KTS", "XHS"]);
    expect(d405?.flatMap((p) => p.children).filter((n) => n.kind === "main_index")).toHaveLength(8);
    expect(d922?.map((n) => n.maxPoints)).toEqual([100, 100, 100, 100, 100, 0, 200, 150, 150]);
    expect(frameworkMaxPoints(d922 ?? [])).toBe(1000);
    expect(units).toHaveLength(7);
    expect(frameworkMaxPoints(units ?? [])).toBe(1000);
  });
});
