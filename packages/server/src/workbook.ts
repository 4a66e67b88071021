import type ExcelJS from "exceljs";

/**
 * A new Excel workbook. exceljs is loaded on the first download or upload, not at start:
 * it holds ~35 MB of a server's resident memory that most processes never use.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: exceljs } = await import("exceljs");
  return new exceljs.Workbook();
}
