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

describe("legal bases of post-2025 plans", () => {
  it("reads laws by name and number, the number also in parentheses after the date", () => {
    const list = bases(
      "Căn cứ Luật Dữ liệu số 60/2024/QH15;\nCăn cứ Luật Chuyển đổi số ngày 11/12/2025 (Luật số 148/2025/QH15);\nCăn cứ Luật Khoa học, Công nghệ và Đổi mới sáng tạo số 93/2025/QH15;",
    );
    expect(list.map((b) => [b.type, b.number, b.date])).toEqual([
      ["Luật", "60/2024/QH15", null],
      ["Luật", "148/2025/QH15", "2025-12-11"],
      ["Luật", "93/2025/QH15", null],
    ]);
  });

  it("reads several decisions in one citation and a programme of action", () => {
    const list = bases(
      "Căn cứ các Nghị quyết của Chính phủ: số 03/NQ-CP ngày 09/01/2025 ban hành Chương trình hành động; số 214/NQ-CP ngày 23/7/2025 về dữ liệu;\n- Chương trình hành động số 12-CTr/TU ngày 30/9/2025 của Ban Thường vụ Tỉnh ủy;",
    );
    expect(list.map((b) => [b.type, b.number, b.date])).toEqual([
      ["Nghị quyết", "03/NQ-CP", "2025-01-09"],
      ["Nghị quyết", "214/NQ-CP", "2025-07-23"],
      ["Chương trình", "12-CTr/TU", "2025-09-30"],
    ]);
  });
});
