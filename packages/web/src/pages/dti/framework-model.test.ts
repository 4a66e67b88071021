import type { TDtiNode } from "@dtplan/contracts/dti.ts";
import { describe, expect, it } from "vitest";
import {
  addChild,
  computedMaxima,
  findNode,
  fromFramework,
  moveNode,
  nextCode,
  nodeNamed,
  problemsOf,
  removeNode,
  toInput,
  updateNode,
} from "./framework-model.ts";

const leaf = (code: string, maxPoints: number): TDtiNode => ({
  code,
  name: `Tiêu chí ${code}`,
  kind: "criterion",
  maxPoints,
  weight: null,
  rule: { kind: "boolean", yesLabel: "Có" },
  evidenceRequired: "",
  guidance: "",
  children: [],
});

const FRAMEWORK: TDtiNode[] = [
  {
    code: "1",
    name: "Nhận thức số",
    kind: "main_index",
    maxPoints: 70,
    weight: null,
    rule: { kind: "sum" },
    evidenceRequired: "",
    guidance: "",
    children: [leaf("1.1", 40), leaf("1.2", 30)],
  },
];

describe("the framework editor's tree", () => {
  it("round-trips a framework, leaving a sum's maximum to be computed", () => {
    const nodes = fromFramework(FRAMEWORK);
    const input = toInput(nodes);
    expect(input[0]?.maxPoints).toBeNull();
    expect(input[0]?.children?.map((c) => [c.code, c.maxPoints])).toEqual([
      ["1.1", 40],
      ["1.2", 30],
    ]);
    expect(computedMaxima(nodes).get(nodes[0]?.key ?? "")).toBe(70);
  });

  it("adds a child with the next free code and recomputes the parent's total", () => {
    const nodes = fromFramework(FRAMEWORK);
    const parent = nodes[0];
    if (!parent) throw new Error("no parent");
    expect(nextCode(nodes, parent)).toBe("1.3");
    const { nodes: next, key } = addChild(nodes, parent.key, "1.3");
    expect(findNode(next, key)?.kind).toBe("criterion");
    expect(computedMaxima(next).get(parent.key)).toBe(80);
    expect(problemsOf(next)).toEqual([]);
  });

  it("turns a leaf that gets a child into a sum of its children", () => {
    const nodes = fromFramework(FRAMEWORK);
    const target = nodes[0]?.children[0];
    if (!target) throw new Error("no leaf");
    const { nodes: next } = addChild(nodes, target.key, "1.1.1");
    const changed = findNode(next, target.key);
    expect(changed?.rule.kind).toBe("sum");
    expect(changed?.children).toHaveLength(1);
    expect(computedMaxima(next).get(target.key)).toBe(10);
  });

  it("reports a level above the criterion's maximum and a duplicate code", () => {
    const nodes = fromFramework(FRAMEWORK);
    const [a, b] = nodes[0]?.children ?? [];
    if (!a || !b) throw new Error("no leaves");
    let next = updateNode(nodes, a.key, {
      rule: { kind: "levels", levels: [{ key: "a", points: 50, description: "Đủ" }] },
    });
    next = updateNode(next, b.key, { code: "1.1" });
    const messages = problemsOf(next).map((p) => p.message);
    expect(messages.some((m) => m.includes("vượt điểm tối đa"))).toBe(true);
    expect(messages.some((m) => m.includes("bị trùng"))).toBe(true);
  });

  it("moves a node among its siblings and removes it", () => {
    const nodes = fromFramework(FRAMEWORK);
    const second = nodes[0]?.children[1];
    if (!second) throw new Error("no leaf");
    const moved = moveNode(nodes, second.key, -1);
    expect(moved[0]?.children.map((c) => c.code)).toEqual(["1.2", "1.1"]);
    expect(moveNode(moved, second.key, -1)[0]?.children.map((c) => c.code)).toEqual(["1.2", "1.1"]);
    expect(removeNode(moved, second.key)[0]?.children.map((c) => c.code)).toEqual(["1.1"]);
  });
});

describe("naming where a framework is invalid", () => {
  it("names the criterion an issue is about by its code and name, never by its path", () => {
    const input = {
      name: "Bộ chỉ số",
      nodes: [
        {
          code: "1",
          name: "Nhận thức số",
          rule: { kind: "sum" },
          children: [{ code: "1.1", name: "Ban hành kế hoạch", rule: { kind: "levels", levels: [] } }],
        },
      ],
    };
    expect(nodeNamed(input, ["nodes", 0, "children", 0, "rule", "levels"])).toBe("1.1 Ban hành kế hoạch");
    expect(nodeNamed(input, ["nodes", 0, "name"])).toBe("1 Nhận thức số");
    expect(nodeNamed(input, ["name"])).toBeNull();
  });
});
