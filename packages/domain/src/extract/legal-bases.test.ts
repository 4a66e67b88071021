import { describe, expect, it } from "vitest";
import { extractLegalBases } from "./legal-bases.ts";
import { normalizeText } from "./normalize.ts";

const bases = (raw: string) =>
  extractLegalBases(normalizeText(raw).blocks, { province: "Quảng Ngãi", locality: "huyện Ba Tơ" });

describe("legal bases", () => {
  it("reads type, number, written-out date and issuer", () => {
    const [b] = bases(
      "Thực hiện Kế hoạch số 56-KH/HU ngày 26 tháng 02 năm 2021 của Ban Thường vụ Huyện ủy về chuyển đổi số;",
    );
    expect(b).toMatchObject({
      type: "Kế hoạch",
      number: "56-KH/HU",
      date: "2021-02-26",
      issuer: "Ban Thường vụ Huyện ủy",
    });
  });

  it("reads numeric dates and every citation that opens a clause", () => {
    const list = bases(
      "Thực hiện Kế hoạch số 52/KH-UBND ngày 21/02/2024 của UBND tỉnh về chuyển đổi số; Kế hoạch số 71-KH/HU ngày 14/4/2022 của Huyện ủy.",
    );
    expect(list.map((b) => [b.number, b.date])).toEqual([
      ["52/KH-UBND", "2024-02-21"],
      ["71-KH/HU", "2022-04-14"],
    ]);
    expect(list[0].issuer).toBe("Ủy ban nhân dân tỉnh Quảng Ngãi");
  });

  it("skips documents cited in parentheses or in passing, but keeps one the basis is 'về thực hiện'", () => {
    const list = bases(
      "- Kế hoạch số 119/KH-UBND ngày 09/10/2020 của Chủ tịch UBND tỉnh (triển khai Quyết định số 749/QĐ-TTg ngày 03/6/2020);\n- Kế hoạch số 154/KH-UBND ngày 24/12/2020 thực hiện Quyết định số 458/QĐ-TTg ngày 03/4/2020;\n- Kế hoạch số 56-KH/HU ngày 26/02/2021 về thực hiện Nghị quyết số 01-NQ/TU của Tỉnh ủy;",
    );
    expect(list.map((b) => b.number)).toEqual(["119/KH-UBND", "154/KH-UBND", "56-KH/HU", "01-NQ/TU"]);
  });

  it("rejoins a number split by a line wrap at its hyphen", () => {
    const list = bases(
      "- Chú trọng triển khai nền tảng số cơ bản theo Công văn số 1446/UBND-\nKGVX ngày 31/3/2022 của Ủy ban nhân dân tỉnh về nền tảng số cơ bản cho các cơ quan;",
    );
    expect(list[0].number).toBe("1446/UBND-KGVX");
  });

  it("reads laws cited by name and date", () => {
    const [b] = bases("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;");
    expect(b).toMatchObject({ type: "Luật", date: "2015-06-19" });
  });
});
