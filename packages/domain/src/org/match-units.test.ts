import { describe, expect, it } from "vitest";
import {
  suggestUnits,
  type UnitCandidate,
  type UnitGroupSuggestion,
  type UnitSuggestion,
} from "./match-units.ts";

function buildUnit(
  id: string,
  name: string,
  kind: string,
  extra: Partial<UnitCandidate> = {},
): UnitCandidate {
  return { id, name, kind, validFrom: null, validTo: null, ...extra };
}

const units: UnitCandidate[] = [
  buildUnit("vhtt", "Phòng Văn hóa và Thông tin", "district_office", { shortName: "Phòng VH&TT" }),
  buildUnit("noivu", "Phòng Nội vụ", "district_office"),
  buildUnit("tckh", "Phòng Tài chính - Kế hoạch", "district_office"),
  buildUnit("kthT", "Phòng Kinh tế và Hạ tầng", "district_office"),
  buildUnit("vp", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện", "district_office"),
  buildUnit("ttvh", "Trung tâm Văn hóa, Thể thao và Truyền thanh huyện", "public_service"),
  buildUnit("ca", "Công an huyện Châu Thành", "police"),
  buildUnit("ttyt", "Trung tâm Y tế huyện", "health_station"),
  buildUnit("bcd", "Ban Chỉ đạo chuyển đổi số huyện", "steering_committee"),
  buildUnit("huu-dinh", "Xã Hữu Định", "commune"),
  buildUnit("phu-tuc", "Xã Phú Túc", "commune"),
  buildUnit("tt", "Thị trấn Tiên Thủy", "township", { validTo: "2025-06-30" }),
  buildUnit("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "mass_organisation"),
  buildUnit("vnpt", "VNPT Bến Tre", "enterprise"),
];

const first = (name: string, options = {}) => suggestUnits(name, units, options)[0];

describe("suggestUnits", () => {
  it("puts the unit with the same folded name first with score 1", () => {
    expect(first("PHÒNG VĂN HOÁ VÀ THÔNG TIN")).toMatchObject({ kind: "unit", unitId: "vhtt", score: 1 });
    expect(first("Phòng Tài chính – Kế hoạch")).toMatchObject({ unitId: "tckh", reason: "exact" });
  });

  it("matches a unit's short name", () => {
    expect(first("phòng vh&tt")).toMatchObject({ unitId: "vhtt", reason: "short_name" });
  });

  it("matches after expanding abbreviations", () => {
    expect(first("Văn phòng HĐND và UBND huyện")).toMatchObject({ unitId: "vp", reason: "abbreviation" });
    expect(first("Phòng KT&HT")).toMatchObject({ unitId: "kthT", reason: "abbreviation" });
    expect(first("BCĐ CĐS huyện")).toMatchObject({ unitId: "bcd", reason: "abbreviation" });
  });

  it("finds a unit whose full name contains the extracted one", () => {
    expect(first("Công an huyện")).toMatchObject({ unitId: "ca", reason: "contains" });
    expect(first("Trung tâm Y tế")).toMatchObject({ unitId: "ttyt", reason: "contains" });
  });

  it("does not let a bare kind word claim a unit by containment", () => {
    const suggestions = suggestUnits("Phòng", units) as UnitSuggestion[];
    expect(suggestions.every((s) => s.reason !== "contains")).toBe(true);
  });

  it("ranks the culture office above the culture centre for the office's name", () => {
    const suggestions = suggestUnits("Phòng Văn hóa - Thông tin huyện", units, {
      minScore: 0,
    }) as UnitSuggestion[];
    const ids = suggestions.map((s) => s.unitId);
    expect(ids[0]).toBe("vhtt");
    expect(ids.indexOf("vhtt")).toBeLessThan(ids.indexOf("ttvh"));
  });

  it("returns a group of offices for 'Các phòng, ban, ngành huyện'", () => {
    const [group] = suggestUnits("Các Phòng, ban, ngành huyện", units) as UnitGroupSuggestion[];
    expect(group).toMatchObject({ kind: "group", reason: "generic_plural" });
    expect(group.unitKinds).toEqual(expect.arrayContaining(["district_office", "office"]));
    expect(group.unitIds).toContain("noivu");
    expect(group.unitIds).not.toContain("huu-dinh");
  });

  it("returns communes and townships for 'Ủy ban nhân dân các xã, thị trấn'", () => {
    const [group] = suggestUnits("UBND các xã, thị trấn", units, {
      asOf: "2025-01-01",
    }) as UnitGroupSuggestion[];
    expect(group.kind).toBe("group");
    expect(group.unitKinds).toEqual(expect.arrayContaining(["commune", "township"]));
    expect(group.unitIds.sort()).toEqual(["huu-dinh", "phu-tuc", "tt"]);
  });

  it("leaves units no longer in force out of a group", () => {
    const [group] = suggestUnits("Ủy ban nhân dân các xã, thị trấn", units, {
      asOf: "2025-09-01",
    }) as UnitGroupSuggestion[];
    expect(group.unitIds.sort()).toEqual(["huu-dinh", "phu-tuc"]);
  });

  it("combines kinds when a plural names several ('phòng, ban … và UBND các xã')", () => {
    const [group] = suggestUnits(
      "Các Phòng, ban, ngành huyện và Ủy ban nhân dân các xã, thị trấn",
      units,
    ) as UnitGroupSuggestion[];
    expect(group.unitKinds).toEqual(expect.arrayContaining(["district_office", "commune", "township"]));
  });

  it("narrows a group to the members it names", () => {
    const [group] = suggestUnits(
      "Ủy ban nhân dân các xã Hữu Định và Phú Túc",
      units,
    ) as UnitGroupSuggestion[];
    expect(group.unitIds.sort()).toEqual(["huu-dinh", "phu-tuc"]);
  });

  it("reads mass organisations and enterprises from their plurals", () => {
    const [orgs] = suggestUnits("Các tổ chức chính trị - xã hội", units) as UnitGroupSuggestion[];
    expect(orgs.unitKinds).toEqual(["mass_organisation"]);
    const [firms] = suggestUnits(
      "Các doanh nghiệp cung cấp dịch vụ viễn thông",
      units,
    ) as UnitGroupSuggestion[];
    expect(firms).toMatchObject({ unitKinds: ["enterprise"], unitIds: ["vnpt"] });
  });

  it("reads 'Các sở, ngành' as provincial departments only", () => {
    const [group] = suggestUnits("Các sở, ngành", units) as UnitGroupSuggestion[];
    expect(group.unitKinds).toEqual(["department"]);
  });

  it("treats 'Các cơ quan, đơn vị' as every administrative unit", () => {
    const [group] = suggestUnits("Các cơ quan, đơn vị", units) as UnitGroupSuggestion[];
    expect(group.unitKinds).toEqual(expect.arrayContaining(["department", "district_office", "commune"]));
  });

  it("prefers the unit in force on the date over a closed one with the same name", () => {
    const renamed = [
      buildUnit("old", "Phòng Văn hóa và Thông tin", "district_office", { validTo: "2025-02-28" }),
      buildUnit("new", "Phòng Văn hóa, Khoa học và Thông tin", "district_office", {
        validFrom: "2025-03-01",
      }),
    ];
    const [top, next] = suggestUnits("Phòng Văn hóa và Thông tin", renamed, {
      asOf: "2025-05-01",
    }) as UnitSuggestion[];
    expect(top).toMatchObject({ unitId: "new", inForce: true });
    expect(next).toMatchObject({ unitId: "old", inForce: false });
    const [then] = suggestUnits("Phòng Văn hóa và Thông tin", renamed, {
      asOf: "2024-05-01",
    }) as UnitSuggestion[];
    expect(then).toMatchObject({ unitId: "old", score: 1 });
  });

  it("returns nothing for an empty name or one matching no unit", () => {
    expect(suggestUnits("  ", units)).toEqual([]);
    expect(suggestUnits("Ngân hàng Nhà nước", units)).toEqual([]);
  });

  it("respects the limit", () => {
    expect(suggestUnits("huyện Văn hóa Trung tâm Phòng", units, { limit: 2, minScore: 0 })).toHaveLength(2);
  });
});
