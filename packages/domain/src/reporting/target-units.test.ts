import { describe, expect, it } from "vitest";
import { reachesCommunes, suggestTargetUnits, targetsWithoutUnits } from "./target-units.ts";

const unit = (id: string, kind: string, parentId: string | null, validTo: string | null = null) => ({
  id,
  kind,
  parentId,
  name: id,
  validFrom: null,
  validTo,
});
const units = new Map(
  [
    unit("tinh", "province", null),
    unit("so-khcn", "department", "tinh"),
    unit("so-yt", "department", "tinh"),
    unit("xa-a", "commune", "tinh"),
    unit("phuong-b", "ward", "tinh"),
    unit("xa-cu", "commune", "tinh", "2025-06-30"),
    unit("vnpt", "enterprise", "tinh"),
  ].map((u) => [u.id, u]),
);
const task = (pillar: string, leadUnitId: string | null) => ({
  key: pillar,
  pillar,
  leadUnitId,
  coordinators: [],
});
const target = (pillar: string, scope: string | null, text = "Chỉ tiêu") => ({
  key: "t",
  pillar,
  indicatorCode: null,
  scope,
  text,
});

describe("reporting units suggested for a target", () => {
  const basis = {
    tasks: [task("government", "so-khcn"), task("government", "so-khcn"), task("society", "so-yt")],
    units,
    issuingUnitId: "tinh",
    today: "2026-12-05",
  };

  it("suggests the lead units of the tasks in the target's pillar, once each", () => {
    expect(suggestTargetUnits(target("government", null), basis)).toEqual([
      { unitId: "so-khcn", reason: "task_lead" },
    ]);
  });

  it("adds every commune and ward in force for a target 'cấp xã', leaving closed ones out", () => {
    const out = suggestTargetUnits(target("government", "cấp xã"), basis);
    expect(out).toEqual([
      { unitId: "so-khcn", reason: "task_lead" },
      { unitId: "xa-a", reason: "commune_scope" },
      { unitId: "phuong-b", reason: "commune_scope" },
    ]);
  });

  it("gives a commune's own plan's target 'cấp xã' to the commune itself, not to every commune of the province", () => {
    const out = suggestTargetUnits(target("economy", "cấp xã"), { ...basis, issuingUnitId: "xa-a" });
    expect(out).toEqual([{ unitId: "xa-a", reason: "commune_scope" }]);
  });

  it("reads the scope from the text when the extraction found none", () => {
    expect(reachesCommunes({ scope: null, text: "100% xã, phường có điểm phục vụ" })).toBe(true);
    expect(reachesCommunes({ scope: "cấp tỉnh", text: "các xã" })).toBe(false);
  });

  it("lists the targets no unit reports", () => {
    const targets = [{ key: "a" }, { key: "b" }];
    expect(targetsWithoutUnits(targets, [{ targetKey: "a", unitId: "x" }])).toEqual([{ key: "b" }]);
  });
});
