// PDF tables rebuilt from positions: borders give columns and rows, so a wrapped cell and
// a vertically centred number stay in their row, and a rule across only some columns
// (a merged task over two rows) does not split the task.
import { describe, expect, it } from "vitest";
import { type PdfLine, twoColumnBlocks } from "./pdf.ts";
import { type Rule, ruledTables, type TableLineIn } from "./pdf-tables.ts";

const line = (y: number, ...segs: Array<[number, string]>): TableLineIn => ({
  text: segs.map((s) => s[1]).join(" "),
  x0: segs[0][0],
  x1: segs[segs.length - 1][0] + 5 * segs[segs.length - 1][1].length,
  y,
  size: 10,
  segments: segs.map(([x, text]) => ({ text, x0: x, x1: x + 5 * text.length })),
});
const h = (y: number, x0 = 50, x1 = 500): Rule => ({ x0, x1, y0: y, y1: y + 0.5 });
const v = (x: number, y0 = 100, y1 = 400): Rule => ({ x0: x, x1: x + 0.5, y0, y1 });

describe("ruled PDF tables", () => {
  // Columns: 50–90 STT, 90–300 Nhiệm vụ, 300–400 Thời gian, 400–500 Đơn vị chủ trì (columns in any order).
  const borders = [v(50), v(90), v(300), v(400), v(500)];
  const lines = [
    line(390, [55, "STT"], [95, "Nhiệm vụ"], [305, "Thời gian"], [405, "Đơn vị chủ"]),
    line(380, [405, "trì"]),
    line(360, [55, "I"], [95, "CHÍNH QUYỀN SỐ"]),
    line(340, [95, "Số hóa hồ sơ hộ tịch"], [305, "Quý II/2026"]),
    line(334, [55, "1"], [405, "Sở Tư pháp"]),
    line(328, [95, "toàn huyện"]),
    line(310, [305, "Quý IV/2026"]),
    line(290, [55, "2"], [95, "Lắp camera"], [305, "Năm 2026"], [405, "Công an"]),
  ];
  const rules = [...borders, h(400), h(370), h(350), h(320, 300, 400), h(300), h(280), h(100)];

  it("gives the header and one line per row, merged rows joined", () => {
    const { tables } = ruledTables(lines, rules, null);
    expect(tables).toHaveLength(1);
    expect(tables[0].rows).toEqual([
      "STT | Nhiệm vụ | Thời gian | Đơn vị chủ trì",
      "I | CHÍNH QUYỀN SỐ |  | ",
      "1 | Số hóa hồ sơ hộ tịch toàn huyện | Quý II/2026; Quý IV/2026 | Sở Tư pháp",
      "2 | Lắp camera | Năm 2026 | Công an",
    ]);
    expect([tables[0].from, tables[0].to]).toEqual([0, lines.length]);
  });

  it("finds nothing without borders or without a header of known columns", () => {
    expect(ruledTables(lines, [], null).tables).toEqual([]);
    const noHeader = lines.slice(2);
    expect(ruledTables(noHeader, rules, null).tables).toEqual([]);
  });
});

describe("two-column blocks of a PDF", () => {
  const L = (y: number, ...segs: Array<[number, string]>): PdfLine => ({
    ...line(y, ...segs),
    page: 1,
  });

  it("reads recipients | signature column by column, so the signer's lines stay together", () => {
    const out = twoColumnBlocks([
      L(200, [60, "Nơi nhận:"], [350, "KT. CHỦ TỊCH"]),
      L(190, [60, "- Sở Khoa học và Công nghệ;"], [350, "PHÓ CHỦ TỊCH"]),
      L(180, [60, "- Lưu: VT."]),
      L(150, [350, "Đặng Minh Quân"]),
    ]);
    expect(out.map((l) => l.text)).toEqual([
      "Nơi nhận:",
      "- Sở Khoa học và Công nghệ;",
      "- Lưu: VT.",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
      "Đặng Minh Quân",
    ]);
  });
});
