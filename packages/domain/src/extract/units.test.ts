import { describe, expect, it } from "vitest";
import { foldVietnamese } from "../text/fold.ts";
import { foldKeepingPunctuation } from "./text-utils.ts";
import { canonicalUnit, expandUnitAbbreviations, isCatchAll, splitUnitList, UnitRegistry } from "./units.ts";

describe("foldKeepingPunctuation", () => {
  it("folds case, diacritics, đ and the hoá/hóa and uỷ/ủy spellings together", () => {
    expect(foldKeepingPunctuation("Phòng Văn hoá và Thông tin")).toBe(
      foldKeepingPunctuation("phòng văn hóa và thông tin"),
    );
    expect(foldKeepingPunctuation("Uỷ ban nhân dân")).toBe("uy ban nhan dan");
    expect(foldKeepingPunctuation("Đồng Tháp")).toBe("dong thap");
  });

  it("keeps the punctuation the rules match on, unlike text/fold.ts foldVietnamese", () => {
    expect(foldKeepingPunctuation("Kiểm tra, giám sát: 15/5")).toBe("kiem tra, giam sat: 15/5");
    expect(foldVietnamese("Kiểm tra, giám sát: 15/5")).toBe("kiem tra giam sat 15 5");
  });
});

describe("unit names", () => {
  it("expands UBND, HĐND&UBND and VH&TT", () => {
    expect(expandUnitAbbreviations("UBND các xã")).toBe("Ủy ban nhân dân các xã");
    expect(canonicalUnit("Văn phòng HĐND&UBND huyện")).toBe(
      "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện",
    );
    expect(canonicalUnit("Phòng VH&TT huyện")).toBe("Phòng Văn hóa và Thông tin");
  });

  it("writes canonical spelling: modern tone marks and capitalised department names", () => {
    expect(canonicalUnit("Phòng Văn hoá và Thông tin")).toBe("Phòng Văn hóa và Thông tin");
    expect(canonicalUnit("Phòng tài chính – Kế hoạch")).toBe("Phòng Tài chính – Kế hoạch");
    expect(canonicalUnit("Trung tâm y tế")).toBe("Trung tâm Y tế");
    expect(canonicalUnit("sở Tài chính")).toBe("Sở Tài chính");
    expect(canonicalUnit("công an tỉnh")).toBe("Công an tỉnh");
  });

  it("reads 'các xã, thị trấn' as their People's Committees", () => {
    expect(canonicalUnit("các xã, thị trấn")).toBe("Ủy ban nhân dân các xã, thị trấn");
  });

  it("splits a list of units but keeps group names and names with 'và' whole", () => {
    expect(splitUnitList("Sở Thông tin và Truyền thông và các ngành liên quan")).toEqual([
      "Sở Thông tin và Truyền thông",
      "các ngành liên quan",
    ]);
    expect(splitUnitList("các ngân hàng, tổ chức tín dụng")).toEqual(["các ngân hàng, tổ chức tín dụng"]);
    expect(splitUnitList("Các Phòng, ban, ngành huyện và Ủy ban nhân dân các xã, thị trấn")).toEqual([
      "Các Phòng, ban, ngành huyện",
      "Ủy ban nhân dân các xã, thị trấn",
    ]);
  });

  it("gives each kind its own unit in 'các doanh nghiệp Bưu chính, Viễn thông'", () => {
    expect(splitUnitList("các Doanh nghiệp Bưu chính, Viễn thông")).toEqual([
      "các Doanh nghiệp bưu chính",
      "các Doanh nghiệp viễn thông",
    ]);
  });

  it("recognises catch-alls that are not units", () => {
    expect(isCatchAll("các đơn vị có liên quan")).toBe(true);
    expect(isCatchAll("Phòng Nội vụ")).toBe(false);
  });

  it("lists a unit once however it is spelled", () => {
    const reg = new UnitRegistry();
    reg.add("Phòng Văn hoá và Thông tin");
    reg.add("Phòng VH&TT huyện");
    reg.add("Phòng Văn hóa và Thông tin");
    expect(reg.values()).toEqual(["Phòng Văn hóa và Thông tin"]);
  });
});
