import { describe, expect, it } from "vitest";
import { excelErrorRows, refusesWholeFile } from "./excel-errors.ts";

describe("excelErrorRows", () => {
  it("reads sheet, cell and message from the structured fields, dropping the repeated reference", () => {
    expect(
      excelErrorRows([
        {
          path: "Nhiệm vụ!D5",
          sheet: "Nhiệm vụ",
          row: 5,
          column: "D",
          message: "Nhiệm vụ!D5: Tiến độ phải từ 0 đến 100%",
        },
      ]),
    ).toEqual([
      { key: "0:Nhiệm vụ!D5", sheet: "Nhiệm vụ", cell: "D5", row: 5, message: "Tiến độ phải từ 0 đến 100%" },
    ]);
  });

  it("falls back to the path when only `{ path, message }` came through", () => {
    const [row] = excelErrorRows([
      { path: "Chỉ tiêu!AB12", message: "Chỉ tiêu!AB12: Số liệu không được âm" },
    ]);
    expect(row).toMatchObject({ sheet: "Chỉ tiêu", cell: "AB12", message: "Số liệu không được âm" });
  });

  it("keeps a whole-sheet error without a cell", () => {
    const [row] = excelErrorRows([
      { path: "Khó khăn - Kiến nghị", message: "Khó khăn - Kiến nghị: Thiếu trang" },
    ]);
    expect(row).toMatchObject({
      sheet: "Khó khăn - Kiến nghị",
      cell: null,
      row: null,
      message: "Thiếu trang",
    });
  });

  it("keeps the row of an error without a column", () => {
    const [row] = excelErrorRows([
      { path: "Nhiệm vụ", sheet: "Nhiệm vụ", row: 7, column: null, message: "Dòng lạ" },
    ]);
    expect(row).toMatchObject({ cell: null, row: 7 });
  });

  it("leaves the sheet empty for an error about the request itself", () => {
    const [row] = excelErrorRows([{ path: "body.file", message: "Thiếu tệp" }]);
    expect(row).toMatchObject({ sheet: "", cell: null, message: "Thiếu tệp" });
  });

  it("keeps every error, in the server's order, with distinct keys", () => {
    const rows = excelErrorRows([
      { path: "Nhiệm vụ!D5", message: "a" },
      { path: "Nhiệm vụ!D5", message: "b" },
    ]);
    expect(rows.map((r) => r.message)).toEqual(["a", "b"]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
  });

  it("tells a refusal of the whole file (a damaged workbook) from errors in its cells", () => {
    expect(refusesWholeFile(excelErrorRows([{ path: "body.file", message: "Tệp bị hỏng" }]))).toBe(true);
    expect(refusesWholeFile(excelErrorRows([{ path: "Nhiệm vụ!D5", message: "a" }]))).toBe(false);
  });
});
