import { describe, expect, it } from "vitest";
import { planMerge, planSplit, ReorganisationError } from "./reorganise.ts";
import {
  ancestorPath,
  dayBefore,
  descendants,
  isInForce,
  lineageOf,
  type OrgUnitNode,
  successorsInForce,
  wouldCreateCycle,
} from "./tree.ts";

function buildUnit(id: string, parentId: string | null, extra: Partial<OrgUnitNode> = {}): OrgUnitNode {
  return { id, parentId, name: `Đơn vị ${id}`, validFrom: null, validTo: null, ...extra };
}

const units = new Map(
  [
    buildUnit("province", null),
    buildUnit("district", "province", { validTo: "2025-06-30" }),
    buildUnit("commune-a", "district"),
    buildUnit("commune-b", "district"),
    buildUnit("school-a", "commune-a"),
    buildUnit("new-commune", "province", { validFrom: "2025-07-01" }),
  ].map((u) => [u.id, u]),
);

describe("organisation tree", () => {
  it("walks from a unit up to the root", () => {
    expect(ancestorPath(units, "school-a")).toEqual(["school-a", "commune-a", "district", "province"]);
  });

  it("refuses to move a unit beneath its own descendant", () => {
    expect(wouldCreateCycle(units, "district", "school-a")).toBe(true);
    expect(wouldCreateCycle(units, "school-a", "commune-b")).toBe(false);
  });

  it("lists every unit below a root", () => {
    expect(descendants(units.values(), "district").sort()).toEqual(["commune-a", "commune-b", "school-a"]);
  });

  it("knows whether a unit is in force on a date", () => {
    const district = units.get("district") as OrgUnitNode;
    expect(isInForce(district, "2025-06-30")).toBe(true);
    expect(isInForce(district, "2025-07-01")).toBe(false);
    expect(dayBefore("2025-03-01")).toBe("2025-02-28");
  });

  it("lets a merged commune see its predecessors' history, transitively", () => {
    const edges = [
      { predecessorId: "commune-a", successorId: "new-commune", effectiveDate: "2025-07-01" },
      { predecessorId: "commune-b", successorId: "new-commune", effectiveDate: "2025-07-01" },
      { predecessorId: "older", successorId: "commune-a", effectiveDate: "2019-12-01" },
    ];
    expect(lineageOf(edges, "new-commune").sort()).toEqual([
      "commune-a",
      "commune-b",
      "new-commune",
      "older",
    ]);
    expect(lineageOf(edges, "commune-b")).toEqual(["commune-b"]);
  });
});

describe("merge and split", () => {
  it("closes the merged units the day before and moves their children to the new unit", () => {
    const plan = planMerge(units, ["commune-a", "commune-b"], "new-commune", "2025-07-01");
    expect(plan.closed.map((c) => [c.id, c.validTo])).toEqual([
      ["commune-a", "2025-06-30"],
      ["commune-b", "2025-06-30"],
    ]);
    expect(plan.movedChildren.map((c) => c.id)).toEqual(["school-a"]);
    expect(plan.lineage).toHaveLength(2);
  });

  it("refuses to merge a unit already closed before the date", () => {
    expect(() => planMerge(units, ["district"], "new-commune", "2025-09-01")).toThrow(ReorganisationError);
  });

  it("refuses a merge into one of its own sources only", () => {
    expect(() => planMerge(units, ["commune-a"], "commune-a", "2025-07-01")).toThrow(/không thể/);
  });

  it("needs at least two parts to split", () => {
    expect(() => planSplit(units, "commune-a", ["x"], "2025-07-01")).toThrow(/ít nhất hai/);
    expect(planSplit(units, "commune-a", ["x", "y"], "2025-07-01").lineage).toHaveLength(2);
  });
});

describe("successorsInForce", () => {
  const unit = (id: string, validTo: string | null) => [id, { id, name: `Xã ${id}`, validTo }] as const;
  const units = new Map([
    unit("a", "2025-06-30"),
    unit("b", "2025-12-31"),
    unit("c", null),
    unit("d", "2025-06-30"),
  ]);
  const edges = [
    { predecessorId: "a", successorId: "b" },
    { predecessorId: "b", successorId: "c" },
  ];

  it("follows the lineage past a successor that closed in turn to the unit in force", () => {
    expect(successorsInForce(units, edges, "a", "2026-12-05")).toEqual([{ id: "c", name: "Xã c" }]);
  });

  it("names the direct successor while it is still in force", () => {
    expect(successorsInForce(units, edges, "a", "2025-07-01")).toEqual([{ id: "b", name: "Xã b" }]);
  });

  it("is empty for a unit closed without a successor", () => {
    expect(successorsInForce(units, edges, "d", "2026-12-05")).toEqual([]);
  });
});
