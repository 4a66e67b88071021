import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { NUMBER_FORMATS, type Table, toCsv, toJsonRows, toXlsx } from "../src/modules/exports/tabular.ts";

interface Row {
  name: string;
  value: number | null;
  due: Date | null;
}

const table: Table<Row> = {
  name: "Chỉ tiêu: tổng hợp/2025",
  title: "Danh sách chỉ tiêu",
  columns: [
    { key: "name", header: "Tên chỉ tiêu", value: (r) => r.name, wrap: true },
    { key: "value", header: "Giá trị", value: (r) => r.value, numFmt: NUMBER_FORMATS.decimal },
    { key: "due", header: "Thời hạn", value: (r) => r.due, numFmt: NUMBER_FORMATS.date },
  ],
  rows: [
    { name: 'Tỷ lệ hồ sơ "toàn trình", trực tuyến', value: 87.5, due: new Date("2025-12-31T00:00:00Z") },
    { name: "Dòng\nhai", value: null, due: null },
  ],
};

describe("tabular exports", () => {
  it("writes RFC 4180 CSV with a byte-order mark, quoting commas, quotes and line breaks", () => {
    const csv = toCsv(table);
    expect(csv.startsWith("\uFEFFTên chỉ tiêu,Giá trị,Thời hạn\r\n")).toBe(true);
    expect(csv).toContain('"Tỷ lệ hồ sơ ""toàn trình"", trực tuyến",87.5,2025-12-31\r\n');
    expect(csv).toContain('"Dòng\nhai",,\r\n');
  });

  it("gives JSON rows keyed by column with ISO dates and nulls", () => {
    expect(toJsonRows(table)).toEqual([
      { name: 'Tỷ lệ hồ sơ "toàn trình", trực tuyến', value: 87.5, due: "2025-12-31" },
      { name: "Dòng\nhai", value: null, due: null },
    ]);
  });

  it("writes one sheet per table with a frozen header, number formats and a cleaned sheet name", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx([table, { ...table, title: undefined }])) as unknown as ArrayBuffer);
    const [first, second] = wb.worksheets;
    expect(first.name).toBe("Chỉ tiêu  tổng hợp 2025");
    expect(second.name).toBe("Chỉ tiêu  tổng hợp 2025 (2)");
    expect(first.getCell("A1").value).toBe("Danh sách chỉ tiêu");
    expect(first.getRow(2).values).toEqual([undefined, "Tên chỉ tiêu", "Giá trị", "Thời hạn"]);
    expect(first.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(second.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(first.getCell("B3").value).toBe(87.5);
    expect(first.getCell("B3").numFmt).toBe("#,##0.##");
    expect(first.getCell("C3").numFmt).toBe("dd/mm/yyyy");
  });
});
