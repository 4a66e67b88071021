import type { TDtiFramework, TDtiNode } from "@dtplan/contracts";
import {
  type DtiNodeDef,
  flattenNodes,
  frameworkProblems,
  isAggregateRule,
} from "@dtplan/domain/dti/framework.ts";
import {
  formatRule,
  nodeKindLabel,
  parseNodeKind,
  parseRule,
  ruleKindLabel,
} from "@dtplan/domain/dti/rule-text.ts";
import { cleanText } from "@dtplan/domain/text/clean.ts";
import type ExcelJS from "exceljs";
import { newWorkbook } from "../../workbook.ts";
import { addSheet, NUMBER_FORMATS } from "../exports/tabular.ts";
import { type CellError, cellError, openWorkbook, plain, uploadError } from "../reporting/report-excel.ts";

/** The criteria table as provinces publish it: one row per node, parent by code. */
export const FRAMEWORK_SHEET = "Bộ chỉ số";
const COLS = {
  code: 1,
  parent: 2,
  kind: 3,
  name: 4,
  maxPoints: 5,
  weight: 6,
  rule: 7,
  details: 8,
  evidence: 9,
  guidance: 10,
} as const;
const HEADERS: Record<keyof typeof COLS, string> = {
  code: "Mã",
  parent: "Mã cấp trên",
  kind: "Loại",
  name: "Tên chỉ số, tiêu chí",
  maxPoints: "Điểm tối đa",
  weight: "Trọng số",
  rule: "Cách tính điểm",
  details: "Chi tiết cách tính (mức, a/b, ngưỡng, chỉ tiêu)",
  evidence: "Tài liệu kiểm chứng",
  guidance: "Hướng dẫn",
};

type Row = { node: TDtiNode; parent: string | null };

/** Bộ chỉ số as .xlsx: the criteria table, with the framework's source above it. */
export async function frameworkWorkbook(framework: TDtiFramework): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = "dtplan";
  wb.title = framework.name;
  const rows: Row[] = flattenNodes(framework.nodes).map((x) => ({
    node: x.node,
    parent: x.path[x.path.length - 1] ?? null,
  }));
  const ws = addSheet(wb, {
    name: FRAMEWORK_SHEET,
    title: `${framework.name} (${framework.code}, năm ${framework.year}; tổng ${framework.maxPoints} điểm)`,
    rows,
    columns: [
      { key: "code", header: HEADERS.code, value: (r) => r.node.code, width: 10 },
      { key: "parent", header: HEADERS.parent, value: (r) => r.parent, width: 10 },
      { key: "kind", header: HEADERS.kind, value: (r) => nodeKindLabel(r.node.kind), width: 16 },
      { key: "name", header: HEADERS.name, value: (r) => r.node.name, width: 50, wrap: true },
      {
        key: "maxPoints",
        header: HEADERS.maxPoints,
        value: (r) => r.node.maxPoints,
        width: 10,
        numFmt: NUMBER_FORMATS.decimal,
      },
      {
        key: "weight",
        header: HEADERS.weight,
        value: (r) => r.node.weight,
        width: 9,
        numFmt: NUMBER_FORMATS.decimal,
      },
      { key: "rule", header: HEADERS.rule, value: (r) => ruleKindLabel(r.node.rule.kind), width: 22 },
      {
        key: "details",
        header: HEADERS.details,
        value: (r) => formatRule(r.node.rule),
        width: 60,
        wrap: true,
      },
      {
        key: "evidence",
        header: HEADERS.evidence,
        value: (r) => r.node.evidenceRequired,
        width: 40,
        wrap: true,
      },
      { key: "guidance", header: HEADERS.guidance, value: (r) => r.node.guidance, width: 40, wrap: true },
    ],
  });
  const note = ws.getRow(ws.rowCount + 2).getCell(1);
  note.value = cleanText(`Nguồn: ${framework.description}`);
  note.alignment = { wrapText: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const err = (row: number | null, col: number | null, message: string) =>
  cellError(FRAMEWORK_SHEET, row, col, message);
const text = (cell: ExcelJS.Cell) => {
  const v = plain(cell);
  return v === null ? "" : cleanText(String(v));
};
/** A number typed in a cell; "12,5" and "1.000,5" are read as numbers. `undefined` when it is not one. */
function numberIn(cell: ExcelJS.Cell): number | null | undefined {
  const v = plain(cell);
  if (v === null || typeof v === "number") return v;
  const t = v.replace(/\s/g, "");
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, "").replace(",", "."));
  return /^-?\d+([.,]\d+)?$/.test(t) ? Number(t.replace(",", ".")) : undefined;
}

/**
 * Reads a criteria table: the first sheet with a "Mã" header (in its first rows), one
 * node per row below until an empty code. Every error is collected with its cell
 * (`Bộ chỉ số!E7: …`), and nothing is created while one remains.
 */
export async function parseFrameworkWorkbook(bytes: Uint8Array): Promise<DtiNodeDef[]> {
  const wb = await openWorkbook(bytes, "bộ chỉ số");
  const errors: CellError[] = [];
  let ws: ExcelJS.Worksheet | undefined;
  let headerRow = 0;
  for (const sheet of wb.worksheets) {
    for (let r = 1; r <= Math.min(6, sheet.rowCount); r++) {
      if (text(sheet.getCell(r, COLS.code)).toLowerCase() === HEADERS.code.toLowerCase()) {
        ws = sheet;
        headerRow = r;
        break;
      }
    }
    if (ws) break;
  }
  if (!ws) {
    throw uploadError([
      err(null, null, `không tìm thấy bảng có cột "${HEADERS.code}" ở một trong 6 dòng đầu của trang tính`),
    ]);
  }
  const byCode = new Map<string, { def: DtiNodeDef & { children: DtiNodeDef[] }; row: number }>();
  const roots: DtiNodeDef[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const code = text(ws.getCell(r, COLS.code));
    if (!code) break;
    const at = (col: number, message: string) => errors.push(err(r, col, message));
    if (!/^[\p{L}0-9][\p{L}0-9._-]*$/u.test(code) || code.length > 40) {
      at(COLS.code, "mã chỉ gồm chữ, số, dấu chấm, gạch ngang (tối đa 40 ký tự)");
    }
    if (byCode.has(code)) at(COLS.code, `mã "${code}" đã có ở dòng ${byCode.get(code)?.row}`);
    const kind = parseNodeKind(text(ws.getCell(r, COLS.kind)));
    if (!kind) at(COLS.kind, "loại phải là Trụ cột, Chỉ số chính, Chỉ số thành phần hoặc Tiêu chí");
    const name = text(ws.getCell(r, COLS.name));
    if (!name) at(COLS.name, "thiếu tên chỉ số, tiêu chí");
    const maxPoints = numberIn(ws.getCell(r, COLS.maxPoints));
    if (maxPoints === undefined || (typeof maxPoints === "number" && maxPoints < 0)) {
      at(COLS.maxPoints, "điểm tối đa phải là số không âm");
    }
    const weight = numberIn(ws.getCell(r, COLS.weight));
    if (weight === undefined || (typeof weight === "number" && weight < 0))
      at(COLS.weight, "trọng số phải là số không âm");
    const parsed = parseRule(text(ws.getCell(r, COLS.rule)), text(ws.getCell(r, COLS.details)));
    if ("error" in parsed) {
      at(
        text(ws.getCell(r, COLS.rule)) && !parsed.error.startsWith("không rõ cách tính")
          ? COLS.details
          : COLS.rule,
        parsed.error,
      );
    }
    const def = {
      code,
      name,
      kind: kind ?? "criterion",
      maxPoints: typeof maxPoints === "number" ? maxPoints : null,
      weight: typeof weight === "number" ? weight : null,
      rule: "rule" in parsed ? parsed.rule : { kind: "sum" as const },
      evidenceRequired: text(ws.getCell(r, COLS.evidence)),
      guidance: text(ws.getCell(r, COLS.guidance)),
      children: [] as DtiNodeDef[],
    };
    // A sum's maximum is computed: whatever the table says is not kept.
    if (def.rule.kind === "sum") def.maxPoints = null;
    const parent = text(ws.getCell(r, COLS.parent));
    if (parent) {
      const p = byCode.get(parent);
      if (!p) at(COLS.parent, `mã cấp trên "${parent}" chưa có ở các dòng phía trên`);
      else if (!isAggregateRule(p.def.rule.kind)) {
        at(COLS.parent, `"${parent}" có mục con nên phải tính bằng tổng, trung bình hoặc bình quân trọng số`);
      } else p.def.children.push(def);
    } else roots.push(def);
    if (!byCode.has(code)) byCode.set(code, { def, row: r });
  }
  if (byCode.size === 0 && errors.length === 0) {
    errors.push(err(headerRow + 1, COLS.code, "bảng chưa có chỉ số nào"));
  }
  if (errors.length === 0) {
    const column = {
      code: COLS.code,
      maxPoints: COLS.maxPoints,
      rule: COLS.details,
      children: COLS.rule,
      weight: COLS.weight,
    };
    for (const p of frameworkProblems(roots)) {
      const code = p.path[p.path.length - 1] ?? "";
      errors.push(err(byCode.get(code)?.row ?? null, column[p.field], p.message));
    }
  }
  if (errors.length) throw uploadError(errors);
  return roots;
}
