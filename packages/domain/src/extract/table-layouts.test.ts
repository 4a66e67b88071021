// Tables read as tables: hand-made Word tables (merged cells, group rows, a task over two
// rows, columns in an unusual order) and the same shapes as text.
import { describe, expect, it } from "vitest";
import { extractPlan } from "./extract-plan.ts";
import { tableRows } from "./read/docx-tables.ts";
import { cellFigure } from "./targets.ts";

const tc = (text: string, pr = "") =>
  `<w:tc><w:tcPr>${pr}</w:tcPr>${text
    .split("\n")
    .map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`)
    .join("")}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join("")}</w:tr>`;
const tbl = (cols: number, ...rows: string[]) =>
  `<w:tbl><w:tblGrid>${"<w:gridCol/>".repeat(cols)}</w:tblGrid>${rows.join("")}</w:tbl>`;

const plan = (body: string, appendix = "") =>
  `ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\nKẾ HOẠCH\nChuyển đổi số tỉnh Hòa Bình năm 2026\nI. MỤC TIÊU\n${body}\nII. NHIỆM VỤ\nCác nhiệm vụ chi tiết tại Phụ lục kèm theo.\nIII. TỔ CHỨC THỰC HIỆN\nCác sở báo cáo định kỳ hằng quý.\nNơi nhận:\n- Như trên;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n${appendix}`;

describe("Word tables", () => {
  it("writes one line per row, spans as empty cells and merged-down cells repeated", () => {
    const xml = tbl(
      4,
      tr(tc("STT"), tc("Nhiệm vụ"), tc("Đơn vị chủ trì"), tc("Thời gian")),
      tr(tc("I"), tc("HẠ TẦNG SỐ", '<w:gridSpan w:val="3"/>')),
      tr(
        tc("1", '<w:vMerge w:val="restart"/>'),
        tc("Lắp camera", '<w:vMerge w:val="restart"/>'),
        tc("Công an tỉnh"),
        tc("Quý II/2026"),
      ),
      tr(tc("", "<w:vMerge/>"), tc("", "<w:vMerge/>"), tc("Sở Xây dựng\nSở Tài chính"), tc("Quý IV/2026")),
    );
    expect(tableRows(xml)).toEqual([
      "STT | Nhiệm vụ | Đơn vị chủ trì | Thời gian",
      "I | HẠ TẦNG SỐ |  | ",
      "1 | Lắp camera | Công an tỉnh | Quý II/2026",
      "1 | Lắp camera | Sở Xây dựng; Sở Tài chính | Quý IV/2026",
    ]);
  });

  it("leaves two-column layout tables (header, signature) to the paragraph reader", () => {
    expect(
      tableRows(tbl(2, tr(tc("ỦY BAN NHÂN DÂN"), tc("CỘNG HÒA")), tr(tc("Số: 1/KH-UBND"), tc("Độc lập")))),
    ).toBeNull();
  });
});

describe("task tables in an appendix", () => {
  const appendix = [
    "Phụ lục I",
    "DANH MỤC NHIỆM VỤ",
    "Thời gian thực hiện | Đơn vị phối hợp | Nhiệm vụ | STT | Đơn vị chủ trì",
    " |  | CHÍNH QUYỀN SỐ | I | ",
    "Quý II/2026 | Sở Tài chính; Công an tỉnh | Xây dựng kho dữ liệu dùng chung | 1 | Sở KH&CN",
    "Quý IV/2026 |  | Xây dựng kho dữ liệu dùng chung | 1 | ",
    " |  | AN TOÀN THÔNG TIN MẠNG | II | ",
    "Thường xuyên | Sở KH&CN | Diễn tập ứng cứu sự cố | 2 | Công an tỉnh",
  ].join("\n");
  const r = extractPlan(plan("Tỷ lệ hồ sơ trực tuyến đạt 80%.", appendix));

  it("gives one task per row, with its cells, group and the later of two times", () => {
    const rows = r.tasks.filter((t) => t.cell);
    expect(rows.map((t) => [t.text, t.lead, t.coordinators, t.deadline, t.pillar])).toEqual([
      [
        "Xây dựng kho dữ liệu dùng chung",
        "Sở Khoa học và Công nghệ",
        ["Sở Tài chính", "Công an tỉnh"],
        { text: "Quý IV/2026", date: "2026-12-31" },
        "digital_government",
      ],
      [
        "Diễn tập ứng cứu sự cố",
        "Công an tỉnh",
        ["Sở Khoa học và Công nghệ"],
        { text: "Thường xuyên", date: null },
        "cybersecurity",
      ],
    ]);
    expect(rows[0].section).toMatch(/^Phụ lục I\//u);
  });

  it("lists the table with its column roles and each row's place in the text", () => {
    const t = r.tables?.[0];
    expect(t?.kind).toBe("tasks");
    expect(t?.columns.map((c) => c.role)).toEqual(["deadline", "coordinators", "task", "index", "lead"]);
    expect(t?.rows.filter((x) => x.group).length).toBe(2);
    const row = t?.rows[rows(r)[0].cell?.row ?? -1];
    expect(row && r.sourceText.slice(row.cells[2]?.start, row.cells[2]?.end)).toBe(
      "Xây dựng kho dữ liệu dùng chung",
    );
  });

  it("follows a column role the reviewer fixed", () => {
    const fixed = extractPlan(plan("Tỷ lệ hồ sơ trực tuyến đạt 80%.", appendix), {
      columnRoles: { "tbl-1": { 1: "ignore" } },
    });
    expect(rows(fixed).map((t) => t.coordinators)).toEqual([[], []]);
  });
});

const rows = (r: ReturnType<typeof extractPlan>) => r.tasks.filter((t) => t.cell);

describe("target tables", () => {
  const table = [
    "TT | Chỉ tiêu | Kết quả 2025 | Mục tiêu theo năm |  | Định hướng 2035 | Đơn vị tính",
    " |  |  | 2026 | 2027 |  | ",
    "I | HẠ TẦNG SỐ |  |  |  |  | ",
    "1 | Tỷ lệ thôn được phủ sóng 5G | 62 | ≥ 80 | > 90 | 100 | %",
    "2 | Thứ hạng DTI của tỉnh | 30 | Top 20 | - | ≤ 10 | Thứ hạng",
  ].join("\n");
  const r = extractPlan(plan(`1. Chỉ tiêu cụ thể\n${table}`));

  it("gives one target per year cell with a figure; baselines and '-' give none", () => {
    expect(r.targets.map((t) => [t.text, t.value, t.comparator, t.year, t.unit, t.pillar])).toEqual([
      ["Tỷ lệ thôn được phủ sóng 5G", 80, ">=", 2026, "%", "infrastructure"],
      ["Tỷ lệ thôn được phủ sóng 5G", 90, ">", 2027, "%", "infrastructure"],
      ["Tỷ lệ thôn được phủ sóng 5G", 100, ">=", 2035, "%", "infrastructure"],
      ["Thứ hạng DTI của tỉnh", 20, "<=", 2026, "thứ hạng", "infrastructure"],
      ["Thứ hạng DTI của tỉnh", 10, "<=", 2035, "thứ hạng", "infrastructure"],
    ]);
    expect(r.targets.every((t) => t.cell?.table === "tbl-1" && t.cell.column !== undefined)).toBe(true);
  });

  it("reads the same table exported one cell per line", () => {
    const stacked = table
      .split("\n")
      .flatMap((l) => l.split(" | "))
      .map((c) => c.trim())
      .filter(Boolean)
      .join("\n");
    const s = extractPlan(plan(`1. Chỉ tiêu cụ thể\n${stacked}`));
    expect(s.targets.map((t) => [t.value, t.year])).toEqual(r.targets.map((t) => [t.value, t.year]));
  });

  it("reads a cell's comparator and number", () => {
    expect(cellFigure("≥ 1.000")).toEqual({ value: 1000, comparator: ">=" });
    expect(cellFigure("≤ 0,5")).toEqual({ value: 0.5, comparator: "<=" });
    expect(cellFigure("-")).toBeNull();
  });
});

describe("a task table as pdftotext prints it (one column after another)", () => {
  const dump = [
    "Phụ lục I",
    "STT",
    "",
    "Nhiệm vụ",
    "",
    "I",
    "",
    "HẠ TẦNG SỐ",
    "Phát triển trạm phát sóng 5G tại các xã,",
    "phường và khu công nghiệp",
    "Nâng cấp mạng truyền số liệu chuyên dùng",
    "1",
    "2",
    "",
    "Sản phẩm đầu ra",
    "",
    "Đơn vị chủ trì",
    "",
    "Thời gian",
    "thực hiện",
    "",
    "Tối thiểu 650 trạm",
    "",
    "Các doanh nghiệp",
    "viễn thông",
    "",
    "Năm 2026",
    "",
    "Mạng được nâng cấp",
    "",
    "Sở KH&CN",
    "",
    "Quý III/2026",
  ].join("\n");
  const r = extractPlan(plan("Tỷ lệ hồ sơ trực tuyến đạt 80%.", dump));

  it("cuts the task column into as many cells as numbers and matches the other cells by kind", () => {
    expect(rows(r).map((t) => [t.text, t.lead, t.deadline?.date, t.pillar])).toEqual([
      [
        "Phát triển trạm phát sóng 5G tại các xã, phường và khu công nghiệp",
        "Các doanh nghiệp viễn thông",
        "2026-12-31",
        "infrastructure",
      ],
      [
        "Nâng cấp mạng truyền số liệu chuyên dùng",
        "Sở Khoa học và Công nghệ",
        "2026-09-30",
        "infrastructure",
      ],
    ]);
  });
});

describe("target tables of other shapes", () => {
  it("reads a 'Lộ trình thực hiện' span, an unknown column and a rate without a unit column", () => {
    const table = [
      "STT | Chỉ tiêu | Cơ sở pháp lý | Lộ trình thực hiện |  | Ghi chú",
      " |  |  | 2026 | 2028 | ",
      "1 | Tỷ lệ hồ sơ trực tuyến toàn trình | Nghị quyết 57 | ≥ 70 | 90 | ",
      "2 | Tốc độ Internet cố định (Mbps) | - | 300 | ≥ 500 | ",
    ].join("\n");
    const r = extractPlan(plan(`1. Chỉ tiêu chủ yếu\n${table}`));
    expect(r.targets.map((t) => [t.value, t.unit, t.year])).toEqual([
      [70, "%", 2026],
      [90, "%", 2028],
      [300, "mbps", 2026],
      [500, "mbps", 2028],
    ]);
  });
});
