import { describe, expect, it } from "vitest";
import { foldedSearch, foldVietnamese, matchesFolded } from "./fold.ts";

describe("foldVietnamese", () => {
  it("drops tone marks and turns đ into d", () => {
    expect(foldVietnamese("Phòng Văn hóa và Thông tin")).toBe("phong van hoa va thong tin");
    expect(foldVietnamese("Đồng Tháp")).toBe("dong thap");
  });

  it("folds both accent placements of hoá and hóa to the same text", () => {
    expect(foldVietnamese("hoá")).toBe(foldVietnamese("hóa"));
    expect(foldVietnamese("thuỷ")).toBe(foldVietnamese("thủy"));
  });

  it("folds decomposed Unicode like precomposed", () => {
    expect(foldVietnamese("Văn hóa".normalize("NFD"))).toBe("van hoa");
  });
});

describe("matchesFolded", () => {
  it('finds "Văn hóa" when typing "van hoa"', () => {
    expect(matchesFolded("Phòng Văn hóa và Thông tin", "van hoa")).toBe(true);
    expect(matchesFolded("Phòng Văn hoá và Thông tin", "văn hóa")).toBe(true);
  });

  it("needs every word, in any order", () => {
    expect(matchesFolded("UBND xã Tân Phú", "tan ubnd")).toBe(true);
    expect(matchesFolded("UBND xã Tân Phú", "tan binh")).toBe(false);
  });

  it("matches everything on an empty query", () => {
    expect(matchesFolded("anything", "  ")).toBe(true);
  });
});

describe("foldedSearch", () => {
  it("lets a unit picker find Xã Long Hồ typed without diacritics", () => {
    expect(foldedSearch.filterOption("long ho", { label: "Xã Long Hồ" })).toBe(true);
    expect(foldedSearch.filterOption("long ho", { label: "Xã Long Mỹ" })).toBe(false);
  });
});
