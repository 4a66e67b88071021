import { describe, expect, it } from "vitest";
import { extractBudget, parseAmount } from "./budget.ts";
import { normalizeText } from "./normalize.ts";
import { extractReporting } from "./reporting.ts";

const rules = (raw: string) => extractReporting(normalizeText(raw).blocks).map((r) => [r.frequency, r.due]);

describe("reporting regime", () => {
  it("reads a quarterly rule due before the 15th of the quarter's last month", () => {
    expect(
      rules("- Định kỳ hàng quý (trước ngày 15 của tháng cuối quý) báo cáo tiến độ thực hiện Kế hoạch."),
    ).toEqual([["quarterly", { day: 15, month: "last-of-period" }]]);
  });

  it("reads semiannual and annual dates and an ad hoc rule from one sentence", () => {
    expect(
      rules(
        "Định kỳ 6 tháng, năm (báo cáo 6 tháng trước ngày 15/5, báo cáo năm trước ngày 15/11) hoặc đột xuất báo cáo Chủ tịch UBND huyện.",
      ),
    ).toEqual([
      ["semiannual", { day: 15, month: 5 }],
      ["annual", { day: 15, month: 11 }],
      ["adhoc", null],
    ]);
  });

  it("pairs listed periods with listed dates", () => {
    expect(
      rules(
        "Báo cáo kết quả về UBND huyện theo quý, năm (trước ngày 12 hàng tháng của tháng cuối quý và ngày 15 tháng 11 năm 2023 của năm).",
      ),
    ).toEqual([
      ["quarterly", { day: 12, month: "last-of-period" }],
      ["annual", { day: 15, month: 11 }],
    ]);
  });

  it("reads a monthly rule and the closing 'nếu có khó khăn, vướng mắc … báo cáo' as ad hoc", () => {
    expect(
      rules(
        "Các đơn vị báo cáo hàng tháng trước ngày 25. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan kịp thời báo cáo UBND huyện.",
      ),
    ).toEqual([
      // "trước ngày 25" each month is a date: day 25 of the period (SCHEMA: null only when no date is given).
      ["monthly", { day: 25, month: "last-of-period" }],
      ["adhoc", null],
    ]);
  });

  it("does not read 'theo quy định' as quarterly or a regime without a period", () => {
    expect(rules("Định kỳ tổng hợp báo cáo Ủy ban nhân dân huyện theo quy định.")).toEqual([]);
  });
});

describe("budget", () => {
  it("parses VND amounts with dots and with tỷ/triệu", () => {
    expect(parseAmount("1.552.020.000", undefined)).toBe(1552020000);
    expect(parseAmount("1,5", "tỷ")).toBe(1500000000);
    expect(parseAmount("500", "triệu")).toBe(500000000);
  });

  it("reads the total and funding sources", () => {
    const b = extractBudget(
      normalizeText(
        "- Triển khai theo hình thức sử dụng ngân sách nhà nước (cấp tỉnh, cấp huyện) kết hợp với xã hội hóa.\n- Tổng kinh phí: 1.552.020.000 đồng (bằng chữ: Một tỷ năm trăm năm mươi hai triệu không trăm hai mươi nghìn đồng).",
      ).blocks,
      [],
    );
    expect(b.total).toBe(1552020000);
    expect(b.sources).toEqual(["ngân sách nhà nước", "xã hội hóa"]);
  });

  it("has no total when the section only points to an appendix", () => {
    const b = extractBudget(normalizeText("(Có phụ lục 1, 2 và 3 kèm theo).").blocks, []);
    expect(b.total).toBeNull();
  });
});

describe("two reporting cycles", () => {
  it("keeps a rule per frequency and date, and reads 'năm (trước ngày …)' after '6 tháng'", () => {
    expect(
      rules(
        "Sở Khoa học và Công nghệ tổng hợp, báo cáo UBND tỉnh định kỳ 6 tháng (trước ngày 20/6) và năm (trước ngày 10/12).\nCác sở xây dựng kế hoạch hằng năm; gửi báo cáo kết quả về Sở Khoa học và Công nghệ trước ngày 12 của tháng cuối quý.\nCác đơn vị báo cáo năm trước ngày 20/11.",
      ),
    ).toEqual([
      ["semiannual", { day: 20, month: 6 }],
      ["annual", { day: 10, month: 12 }],
      ["quarterly", { day: 12, month: "last-of-period" }],
      ["annual", { day: 20, month: 11 }],
    ]);
  });

  it("reads an amount with thousands dots and a decimal comma", () => {
    expect(parseAmount("2.143,5", "tỷ")).toBe(2143500000000);
    expect(parseAmount("9,6", "tỷ")).toBe(9600000000);
  });
});
