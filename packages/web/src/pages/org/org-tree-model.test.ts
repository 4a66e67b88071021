import type { TOrgUnit } from "@dtplan/contracts/org.ts";
import { describe, expect, it } from "vitest";
import {
  ancestorIds,
  buildUnitTree,
  descendantIds,
  filterUnitTree,
  highlightParts,
  pickableUnits,
  unitStateOn,
} from "./org-tree-model.ts";

const TENANT = "00000000-0000-4000-8000-000000000000";
let seq = 0;
function buildUnit(overrides: Partial<TOrgUnit> & { name: string }): TOrgUnit {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, "0")}`,
    tenantId: TENANT,
    parentId: null,
    code: `U${seq}`,
    shortName: null,
    kind: "office",
    validFrom: null,
    validTo: null,
    active: true,
    ...overrides,
  };
}

const province = buildUnit({ name: "Tỉnh Đồng Tháp", kind: "province", code: "DT" });
const culture = buildUnit({
  name: "Sở Văn hoá, Thể thao và Du lịch",
  parentId: province.id,
  kind: "department",
});
const commune = buildUnit({ name: "Xã An Bình", parentId: province.id, kind: "commune" });
const office = buildUnit({ name: "Phòng Văn hóa - Xã hội", parentId: commune.id });
const units = [office, commune, culture, province];

describe("buildUnitTree", () => {
  it("nests units under their parents and sorts siblings by Vietnamese name", () => {
    const roots = buildUnitTree(units);
    expect(roots.map((r) => r.unit.name)).toEqual(["Tỉnh Đồng Tháp"]);
    expect(roots[0].children.map((c) => c.unit.name)).toEqual([
      "Sở Văn hoá, Thể thao và Du lịch",
      "Xã An Bình",
    ]);
    expect(roots[0].children[1].children[0].unit.id).toBe(office.id);
  });

  it("treats a unit whose parent is out of view as a root", () => {
    const roots = buildUnitTree([commune, office]);
    expect(roots.map((r) => r.unit.id)).toEqual([commune.id]);
  });
});

describe("filterUnitTree", () => {
  it('finds "Văn hóa" and "Văn hoá" when typing "van hoa", keeping their ancestors', () => {
    const { roots, matches, expand } = filterUnitTree(buildUnitTree(units), "van hoa");
    expect(matches).toEqual(new Set([culture.id, office.id]));
    expect(new Set(expand)).toEqual(new Set([province.id, commune.id]));
    expect(roots[0].children.map((c) => c.unit.id)).toEqual([culture.id, commune.id]);
  });

  it("matches codes too", () => {
    const { matches } = filterUnitTree(buildUnitTree(units), "dt");
    expect(matches.has(province.id)).toBe(true);
  });

  it("keeps a matched unit's whole subtree", () => {
    const { roots } = filterUnitTree(buildUnitTree(units), "an binh");
    const communeNode = roots[0].children.find((c) => c.unit.id === commune.id);
    expect(communeNode?.children.map((c) => c.unit.id)).toEqual([office.id]);
  });

  it("returns nothing when nothing matches", () => {
    expect(filterUnitTree(buildUnitTree(units), "không có").roots).toEqual([]);
  });
});

describe("unit helpers", () => {
  it("tells whether a unit is in force on a date", () => {
    const merged = { validFrom: "2020-01-01", validTo: "2025-06-30" };
    expect(unitStateOn(merged, "2025-06-30")).toBe("active");
    expect(unitStateOn(merged, "2025-07-01")).toBe("closed");
    expect(unitStateOn(merged, "2019-12-31")).toBe("future");
  });

  it("lists descendants and ancestors", () => {
    expect(descendantIds(units, province.id)).toEqual(new Set([culture.id, commune.id, office.id]));
    expect(ancestorIds(units, office.id)).toEqual([province.id, commune.id]);
  });

  it("highlights folded matches in the original text", () => {
    const parts = highlightParts("Phòng Văn hóa", "van hoa");
    expect(parts).toEqual([
      { text: "Phòng ", hit: false },
      { text: "Văn", hit: true },
      { text: " ", hit: false },
      { text: "hóa", hit: true },
    ]);
  });
});

describe("pickableUnits", () => {
  const u = (id: string, parentId: string | null, validTo: string | null = null) =>
    ({ id, parentId, name: id, validTo, validFrom: null }) as TOrgUnit;
  const units = [
    u("tinh", null),
    u("huyen", "tinh", "2025-06-30"),
    u("xa-cu", "huyen", "2025-06-30"),
    u("phong", "huyen"),
    u("xa-moi", "tinh"),
  ];

  it("offers units in force, keeps a closed branch above one, and a closed unit only when already chosen", () => {
    const none = pickableUnits(units, new Set(), "2026-12-05");
    expect(none.units.map((x) => x.id).sort()).toEqual(["huyen", "phong", "tinh", "xa-moi"]);
    expect([...none.closed].sort()).toEqual(["huyen", "xa-cu"]);
    const chosen = pickableUnits(units, new Set(["xa-cu"]), "2026-12-05");
    expect(chosen.units.map((x) => x.id)).toContain("xa-cu");
  });
});
