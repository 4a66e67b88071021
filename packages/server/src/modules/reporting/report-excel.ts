import type { TSaveReport, TUnitReport } from "@dtplan/contracts";
import { PlanExtractError } from "@dtplan/domain/extract/errors.ts";
import { inspectOfficeZip, XLSX_KIND } from "@dtplan/domain/extract/read/index.ts";
import { numeratorExceedsDenominator } from "@dtplan/domain/reporting/figures.ts";
import { cleanTextDeep } from "@dtplan/domain/text/clean.ts";
import type ExcelJS from "exceljs";
import { AppError, type ErrorDetail } from "../../errors.ts";
import { newWorkbook } from "../../workbook.ts";

/** Sheet names as the unit sees them (Vietnamese). */
export const SHEETS = {
  tasks: "Nhiệm vụ",
  values: "Chỉ tiêu",
  notes: "Khó khăn - Kiến nghị",
  meta: "_dtplan",
} as const;

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// Column layout, shared by the writer and the reader so they cannot drift apart.
const TASK_COLS = { no: 1, text: 2, role: 3, progress: 4, note: 5, key: 6 } as const;
const VALUE_COLS = {
  no: 1,
  target: 2,
  indicator: 3,
  rule: 4,
  numerator: 5,
  denominator: 6,
  value: 7,
  note: 8,
  key: 9,
} as const;
const NOTE_ROWS = { difficulties: 2, proposals: 3 } as const;

const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF4CC" } };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E2F3" } };

/** An upload error at one cell: `{ sheet, row, column, message }`, also as a `path` (`Nhiệm vụ!D5`). */
export interface CellError extends ErrorDetail {
  sheet: string;
  row: number | null;
  column: string | null;
}

const colLetter = (n: number) => String.fromCharCode(64 + n);

export function cellError(sheet: string, row: number | null, col: number | null, message: string): CellError {
  const column = col ? colLetter(col) : null;
  const ref = row && column ? `${sheet}!${column}${row}` : sheet;
  return { path: ref, sheet, row, column, message: `${ref}: ${message}` };
}

function header(ws: ExcelJS.Worksheet, titles: [string, number][]) {
  ws.getRow(1).values = titles.map(([t]) => t);
  titles.forEach(([, width], i) => {
    ws.getColumn(i + 1).width = width;
  });
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).eachCell((c) => {
    c.fill = HEADER_FILL;
    c.alignment = { wrapText: true, vertical: "middle" };
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
}

function input(cell: ExcelJS.Cell, validation?: ExcelJS.DataValidation) {
  cell.protection = { locked: false };
  cell.fill = INPUT_FILL;
  if (validation) cell.dataValidation = validation;
}

const PROGRESS_RULE: ExcelJS.DataValidation = {
  type: "whole",
  operator: "between",
  allowBlank: true,
  formulae: [0, 100],
  showErrorMessage: true,
  errorTitle: "Tiến độ",
  error: "Tiến độ là số nguyên từ 0 đến 100.",
};
const FIGURE_RULE: ExcelJS.DataValidation = {
  type: "decimal",
  operator: "greaterThanOrEqual",
  allowBlank: true,
  formulae: [0],
  showErrorMessage: true,
  errorTitle: "Số liệu",
  error: "Số liệu phải là số không âm.",
};

const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

function ruleText(v: TUnitReport["values"][number]): string {
  const i = v.indicator;
  switch (i.aggregation) {
    case "ratio":
      return `Tỷ lệ = ${i.numeratorLabel ?? "tử số"} / ${i.denominatorLabel ?? "mẫu số"} × 100`;
    case "boolean":
      return "Có (1) / Không (0)";
    default:
      return `Giá trị (${i.unit})`;
  }
}

/**
 * Biểu mẫu Excel of a unit's report: the structure is locked (sheet protection), the
 * cells to fill are unlocked, shaded and validated; a hidden sheet carries the plan,
 * period, unit and the version the form was made from, so an upload can be checked.
 */
export async function reportWorkbook(stored: TUnitReport): Promise<Buffer> {
  // Text saved before the input was cleaned may hold characters XML forbids.
  const report = cleanTextDeep(stored);
  const wb = await newWorkbook();
  wb.creator = "dtplan";
  wb.created = new Date();

  const tasks = wb.addWorksheet(SHEETS.tasks);
  header(tasks, [
    ["STT", 6],
    ["Nhiệm vụ", 70],
    ["Vai trò", 12],
    ["Tiến độ (%)", 12],
    ["Kết quả thực hiện", 50],
    ["Mã", 10],
  ]);
  report.tasks.forEach((t, i) => {
    const row = tasks.getRow(i + 2);
    row.getCell(TASK_COLS.no).value = i + 1;
    row.getCell(TASK_COLS.text).value = t.text;
    row.getCell(TASK_COLS.text).alignment = { wrapText: true, vertical: "top" };
    row.getCell(TASK_COLS.role).value = t.role === "lead" ? "Chủ trì" : "Phối hợp";
    row.getCell(TASK_COLS.progress).value = t.progress;
    input(row.getCell(TASK_COLS.progress), PROGRESS_RULE);
    row.getCell(TASK_COLS.note).value = t.note ?? null;
    input(row.getCell(TASK_COLS.note));
    row.getCell(TASK_COLS.key).value = t.key;
  });
  tasks.getColumn(TASK_COLS.key).hidden = true;

  const values = wb.addWorksheet(SHEETS.values);
  header(values, [
    ["STT", 6],
    ["Chỉ tiêu", 50],
    ["Chỉ số", 35],
    ["Cách tính", 35],
    ["Tử số", 12],
    ["Mẫu số", 12],
    ["Giá trị", 12],
    ["Ghi chú", 35],
    ["Mã", 10],
  ]);
  report.values.forEach((v, i) => {
    const row = values.getRow(i + 2);
    row.getCell(VALUE_COLS.no).value = i + 1;
    row.getCell(VALUE_COLS.target).value = v.targetText;
    row.getCell(VALUE_COLS.target).alignment = { wrapText: true, vertical: "top" };
    row.getCell(VALUE_COLS.indicator).value = `${v.indicator.code} — ${v.indicator.name}`;
    row.getCell(VALUE_COLS.rule).value = ruleText(v);
    row.getCell(VALUE_COLS.numerator).value = v.numerator;
    row.getCell(VALUE_COLS.denominator).value = v.denominator;
    row.getCell(VALUE_COLS.value).value = v.value;
    if (v.indicator.aggregation === "ratio") {
      input(row.getCell(VALUE_COLS.numerator), FIGURE_RULE);
      input(row.getCell(VALUE_COLS.denominator), FIGURE_RULE);
    } else {
      input(row.getCell(VALUE_COLS.value), FIGURE_RULE);
    }
    row.getCell(VALUE_COLS.note).value = v.note ?? null;
    input(row.getCell(VALUE_COLS.note));
    row.getCell(VALUE_COLS.key).value = v.targetKey;
  });
  values.getColumn(VALUE_COLS.key).hidden = true;

  const notes = wb.addWorksheet(SHEETS.notes);
  header(notes, [
    ["Nội dung", 20],
    ["", 100],
  ]);
  notes.getCell(NOTE_ROWS.difficulties, 1).value = "Khó khăn, vướng mắc";
  notes.getCell(NOTE_ROWS.difficulties, 2).value = report.difficulties;
  notes.getCell(NOTE_ROWS.proposals, 1).value = "Kiến nghị, đề xuất";
  notes.getCell(NOTE_ROWS.proposals, 2).value = report.proposals;
  for (const r of Object.values(NOTE_ROWS)) {
    input(notes.getCell(r, 2));
    notes.getCell(r, 2).alignment = { wrapText: true, vertical: "top" };
  }

  const meta = wb.addWorksheet(SHEETS.meta, { state: "veryHidden" });
  meta.addRows([
    ["plan", report.plan.code],
    ["period", report.period.key],
    ["unit", report.unit.id],
    ["version", report.version],
  ]);

  for (const ws of [tasks, values, notes, meta]) await ws.protect("", PROTECTION);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A cell's content as plain data: formulas by their result, rich text by its text. */
export function plain(cell: ExcelJS.Cell): string | number | null {
  let v: unknown = cell.value;
  if (v && typeof v === "object" && "result" in v) v = (v as { result: unknown }).result;
  if (v && typeof v === "object" && "richText" in v) {
    v = (v as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
  }
  if (v && typeof v === "object" && "text" in v) v = (v as { text: unknown }).text;
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const s = String(v).trim();
  return s === "" ? null : s;
}

/** A number typed in a cell; "12,5" is read as 12.5. `undefined` when it is not a number. */
function numberIn(cell: ExcelJS.Cell): number | null | undefined {
  const v = plain(cell);
  if (v === null || typeof v === "number") return v;
  return /^-?\d+([.,]\d+)?$/.test(v) ? Number(v.replace(",", ".")) : undefined;
}

const textIn = (cell: ExcelJS.Cell): string | null => {
  const v = plain(cell);
  return v === null ? null : String(v);
};

export interface ParsedUpload {
  input: TSaveReport;
  errors: CellError[];
}

/** Reads the bytes as .xlsx (`what` names the expected file); 400 when they are not a workbook at all. */
export async function openWorkbook(bytes: Uint8Array, what: string): Promise<ExcelJS.Workbook> {
  const notXlsx = () =>
    new AppError("bad_request", `Tệp tải lên không phải tệp Excel (.xlsx) của ${what}.`, [
      { path: "body.file", message: "Không đọc được tệp .xlsx" },
    ]);
  // Every .xlsx is a ZIP archive.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notXlsx();
  // Refuse a zip bomb before exceljs expands it in memory.
  try {
    await inspectOfficeZip(bytes, XLSX_KIND);
  } catch (error) {
    if (error instanceof PlanExtractError) {
      // The reader's code (corrupt_file, zip_bomb) stays out of what a person reads.
      const detail = {
        vi: "Tệp bị hỏng hoặc không phải tệp Excel hoàn chỉnh",
        en: "The file is damaged or not a complete Excel file",
      };
      throw new AppError("bad_request", error.message, [{ path: "body.file", message: detail.vi }]).inEnglish(
        error.messageEn,
        [{ path: "body.file", message: detail.en }],
      );
    }
    throw error;
  }
  const wb = await newWorkbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw notXlsx();
  }
  return wb;
}

/** Reads the bytes as the report form; 400 when they are not a workbook or not the form. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = await openWorkbook(bytes, "biểu mẫu báo cáo");
  if (!wb.getWorksheet(SHEETS.meta)) {
    throw new AppError("bad_request", "Tệp tải lên không phải tệp Excel (.xlsx) của biểu mẫu báo cáo.", [
      { path: "body.file", message: "Không đọc được tệp .xlsx" },
    ]);
  }
  return wb;
}

/**
 * Validates every input cell of an uploaded form against the report it must belong to
 * and turns it into a save-draft input. Collects all errors rather than stopping at
 * the first, so the unit fixes its file in one go.
 */
export function parseReportWorkbook(wb: ExcelJS.Workbook, report: TUnitReport): ParsedUpload {
  const errors: CellError[] = [];
  const meta = wb.getWorksheet(SHEETS.meta) as ExcelJS.Worksheet;
  const metaValue = (name: string) => {
    for (let r = 1; r <= meta.rowCount; r++) {
      if (textIn(meta.getCell(r, 1)) === name) return { row: r, value: textIn(meta.getCell(r, 2)) };
    }
    return { row: null, value: null };
  };
  const plan = metaValue("plan");
  if (plan.value !== report.plan.code) {
    errors.push(cellError(SHEETS.meta, plan.row, 2, `biểu mẫu thuộc kế hoạch khác (${plan.value ?? "—"})`));
  }
  const period = metaValue("period");
  if (period.value !== report.period.key) {
    errors.push(
      cellError(
        SHEETS.meta,
        period.row,
        2,
        `biểu mẫu của kỳ khác (${period.value ?? "—"}), không phải kỳ ${report.period.label}`,
      ),
    );
  }
  const unit = metaValue("unit");
  if (unit.value !== report.unit.id) {
    errors.push(
      cellError(SHEETS.meta, unit.row, 2, `biểu mẫu của đơn vị khác, không phải ${report.unit.name}`),
    );
  }
  const version = metaValue("version");
  const fileVersion = Number(version.value);
  if (!Number.isInteger(fileVersion) || fileVersion !== report.version) {
    errors.push(
      cellError(
        SHEETS.meta,
        version.row,
        2,
        "báo cáo đã được cập nhật sau khi tải biểu mẫu này; hãy tải biểu mẫu mới và nhập lại",
      ),
    );
  }

  const tasks: NonNullable<TSaveReport["tasks"]> = [];
  const taskByKey = new Map(report.tasks.map((t) => [t.key, t]));
  const ws = wb.getWorksheet(SHEETS.tasks);
  if (!ws) errors.push(cellError(SHEETS.tasks, null, null, "thiếu trang tính"));
  else {
    const seen = new Set<string>();
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const key = textIn(row.getCell(TASK_COLS.key));
      const progress = numberIn(row.getCell(TASK_COLS.progress));
      const note = textIn(row.getCell(TASK_COLS.note));
      if (!key) {
        if (progress !== null || note !== null) {
          errors.push(
            cellError(
              SHEETS.tasks,
              r,
              TASK_COLS.key,
              "dòng không có mã nhiệm vụ (không thêm dòng vào biểu mẫu)",
            ),
          );
        }
        continue;
      }
      if (!taskByKey.has(key) || seen.has(key)) {
        errors.push(cellError(SHEETS.tasks, r, TASK_COLS.key, "mã nhiệm vụ không thuộc báo cáo của đơn vị"));
        continue;
      }
      seen.add(key);
      if (
        progress === undefined ||
        (progress !== null && (!Number.isInteger(progress) || progress < 0 || progress > 100))
      ) {
        errors.push(cellError(SHEETS.tasks, r, TASK_COLS.progress, "tiến độ phải từ 0 đến 100 (số nguyên)"));
        continue;
      }
      if (note && note.length > 5000) {
        errors.push(
          cellError(SHEETS.tasks, r, TASK_COLS.note, "kết quả thực hiện quá dài (tối đa 5000 ký tự)"),
        );
        continue;
      }
      tasks.push({ key, progress, note });
    }
  }

  const values: NonNullable<TSaveReport["values"]> = [];
  const valueByKey = new Map(report.values.map((v) => [v.targetKey, v]));
  const vs = wb.getWorksheet(SHEETS.values);
  if (!vs) errors.push(cellError(SHEETS.values, null, null, "thiếu trang tính"));
  else {
    const seen = new Set<string>();
    for (let r = 2; r <= vs.rowCount; r++) {
      const row = vs.getRow(r);
      const key = textIn(row.getCell(VALUE_COLS.key));
      if (!key) continue;
      const expected = valueByKey.get(key);
      if (!expected || seen.has(key)) {
        errors.push(
          cellError(SHEETS.values, r, VALUE_COLS.key, "mã chỉ tiêu không thuộc báo cáo của đơn vị"),
        );
        continue;
      }
      seen.add(key);
      const figure = (col: number, label: string): number | null | undefined => {
        const n = numberIn(row.getCell(col));
        if (n === undefined) errors.push(cellError(SHEETS.values, r, col, `${label} phải là số`));
        else if (n !== null && n < 0) errors.push(cellError(SHEETS.values, r, col, `${label} không được âm`));
        else return n;
        return undefined;
      };
      const note = textIn(row.getCell(VALUE_COLS.note));
      const i = expected.indicator;
      if (i.aggregation === "ratio") {
        const numerator = figure(VALUE_COLS.numerator, "tử số");
        const denominator = figure(VALUE_COLS.denominator, "mẫu số");
        if (numerator === undefined || denominator === undefined) continue;
        if (numeratorExceedsDenominator(numerator, denominator)) {
          errors.push(cellError(SHEETS.values, r, VALUE_COLS.numerator, "tử số không được lớn hơn mẫu số"));
          continue;
        }
        values.push({ targetKey: key, numerator, denominator, note });
      } else {
        const value = figure(VALUE_COLS.value, "giá trị");
        if (value === undefined) continue;
        if (value !== null && i.unit === "%" && value > 100) {
          errors.push(cellError(SHEETS.values, r, VALUE_COLS.value, "tỷ lệ phần trăm phải từ 0 đến 100"));
          continue;
        }
        if (value !== null && i.aggregation === "boolean" && value !== 0 && value !== 1) {
          errors.push(cellError(SHEETS.values, r, VALUE_COLS.value, "chỉ nhận 1 (có) hoặc 0 (không)"));
          continue;
        }
        values.push({ targetKey: key, value, note });
      }
    }
  }

  const input: TSaveReport = { version: report.version, tasks, values };
  const ns = wb.getWorksheet(SHEETS.notes);
  if (!ns) errors.push(cellError(SHEETS.notes, null, null, "thiếu trang tính"));
  else {
    for (const [field, r] of Object.entries(NOTE_ROWS) as [keyof typeof NOTE_ROWS, number][]) {
      const text = textIn(ns.getCell(r, 2)) ?? "";
      if (text.length > 20_000)
        errors.push(cellError(SHEETS.notes, r, 2, "nội dung quá dài (tối đa 20000 ký tự)"));
      else input[field] = text;
    }
  }
  return { input, errors };
}

/** 400 listing every bad cell; nothing is saved. */
export function uploadError(errors: CellError[]): AppError {
  const shown = errors.slice(0, 5).map((e) => e.message);
  const more = errors.length > shown.length ? ` và ${errors.length - shown.length} lỗi khác` : "";
  return new AppError(
    "validation_failed",
    `Biểu mẫu Excel có ${errors.length} lỗi, chưa lưu gì — ${shown.join("; ")}${more}.`,
    errors,
  );
}
