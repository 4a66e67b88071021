// Task tables: "TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành".
// Text from Word or PDF gives them in two shapes: one row per line with cells joined by
// " | " or tabs, or (PDF) one cell per line with the row number alone on a line and long
// cells wrapped over several lines. Both are read here, before paragraphs are joined, so
// each row becomes one task with its lead, coordinators and deadline. Linear in the lines.
import { foldKeepingPunctuation, isAllCaps } from "./text-utils.ts";
import type { TableColumnRole } from "./types.ts";
import { startsWithUnitHead } from "./units.ts";

export type ColumnRole = TableColumnRole;

export interface TableLine {
  text: string;
  start: number;
  end: number;
}

/** One cell: its text and the lines it was read from (for source offsets). */
export interface TableCell {
  text: string;
  lines: TableLine[];
  /** Offset of the cell's text inside each line (cells joined with " | " share a line). */
  offsets: number[];
}

/** A task row as the task builder reads it: the task cell and the texts of the other cells. */
export interface TableRow {
  task: TableCell | null;
  lead: string | null;
  coord: string | null;
  deadline: string | null;
}

/** One row of a table: a cell per column (null when empty); a group row spans the table. */
export interface ReadRow {
  cells: (TableCell | null)[];
  group: boolean;
}

export interface TableColumn {
  header: string;
  role: ColumnRole;
  year: number | null;
}

export interface FoundTable {
  /** Index of the first and one past the last line the table takes. */
  from: number;
  to: number;
  columns: TableColumn[];
  kind: "tasks" | "targets" | "investments" | "other";
  rows: ReadRow[];
}

const YEAR = /\b(19\d{2}|20\d{2})\b/u;

/** The role of a header cell, or null when the text is no column title. */
export function columnRole(cell: string): ColumnRole | null {
  // A column title is short: do not fold a whole paragraph to find out.
  if (cell.length > 80) return null;
  const f = foldKeepingPunctuation(cell)
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!f || f.length > 60) return null;
  if (/^(?:s?tt|so tt|stt|so thu tu)$/u.test(f)) return "index";
  if (/^(?:don vi tinh|dvt|don vi do)$/u.test(f)) return "unit";
  if (/(?:don vi|co quan|bo phan)?\s*chu tri\b/u.test(f) && !/phoi hop/u.test(f)) return "lead";
  if (/^(?:chu dau tu|don vi thuc hien|co quan thuc hien)$/u.test(f)) return "lead";
  if (/phoi hop/u.test(f)) return "coordinators";
  if (/^(?:thoi gian|thoi han|tien do|moc thoi gian|nam hoan thanh)/u.test(f)) return "deadline";
  if (/^(?:nguon (?:von|kinh phi)|nguon$)/u.test(f)) return "funding";
  if (/^(?:kinh phi|du toan|tong muc dau tu|ke hoach von|von|tong von|ngan sach)/u.test(f)) return "budget";
  if (/^(?:san pham|ket qua dau ra|ket qua du kien)/u.test(f)) return "product";
  if (/^(?:ghi chu)/u.test(f)) return "note";
  if (/^(?:(?:ten |noi dung )?chi (?:tieu|so)|muc tieu cu the)/u.test(f) && !YEAR.test(f)) return "target";
  if (
    YEAR.test(f) ||
    /^lo trinh(?: thuc hien)?(?: (?:theo|tung|cac|qua cac) nam)?$|^(?:muc tieu|ke hoach|chi tieu)(?: thuc hien)? (?:theo|tung|cac|qua cac) nam$|^cac nam$/u.test(
      f,
    )
  ) {
    const rest = f
      .replace(YEAR, " ")
      .replace(
        /\b(?:nam|muc tieu|ke hoach|chi tieu|dinh huong|den|theo|tam nhin|giai doan|lo trinh|tung|cac|uoc|th|uoc tinh|thuc hien|ket qua|hien trang|co so|goc|hien nay|so lieu|dat duoc)\b/gu,
        " ",
      )
      .trim();
    // "Ước TH năm 2025", "Thực hiện 2025" are what was done; "Lộ trình thực hiện 2026" is a target year.
    const done =
      /\b(?:uoc|th|ket qua|hien trang|co so|goc|hien nay|dat duoc)\b/u.test(f) ||
      (/\bthuc hien\b/u.test(f) && !/\b(?:lo trinh|ke hoach|muc tieu)\b/u.test(f));
    if (!rest) return done ? "baseline" : "year";
  }
  if (
    /^(?:(?:ten |noi dung )?nhiem vu|noi dung(?: cong viec| thuc hien| hoat dong)?$|cong viec|hoat dong|ten (?:de an|du an|nhiem vu|hoat dong))/u.test(
      f,
    )
  )
    return "task";
  return null;
}

/** Roles of a header line of any table, empty cells allowed (spans); null when it is no header. */
export function gridHeaderRoles(cells: string[]): (ColumnRole | null)[] | null {
  if (cells.length < 3) return null;
  const roles = cells.map((c) => (c ? columnRole(c) : null));
  const filled = cells.filter(Boolean).length;
  const known = roles.filter((r) => r !== null).length;
  // One title we do not know ("Cơ sở pháp lý") is a column to ignore, not a reason to miss the table.
  if (known < 3 || known < filled - (filled >= 5 ? 1 : 0)) return null;
  if (!roles.includes("task") && !roles.includes("target")) return null;
  return roles;
}

/** Cells of a line joined with "|" or tabs, with their offsets; null for a plain line. */
function splitCells(raw: string, keepEmpty = false): Array<{ text: string; at: number }> | null {
  const sep = raw.includes("|") ? "|" : raw.includes("\t") ? "\t" : null;
  if (!sep) return null;
  const out: Array<{ text: string; at: number }> = [];
  let at = 0;
  for (const part of raw.split(sep)) {
    const lead = part.length - part.trimStart().length;
    out.push({ text: part.trim(), at: at + lead });
    at += part.length + 1;
  }
  if (!keepEmpty) {
    // A leading/trailing "|" of a drawn table gives empty edge cells.
    while (out.length && !out[0].text) out.shift();
    while (out.length && !out[out.length - 1].text) out.pop();
  }
  return out.length >= 2 ? out : null;
}

/** A year column's year, from its header. */
function yearOf(header: string): number | null {
  const m = YEAR.exec(header);
  return m ? Number(m[1]) : null;
}

/** What the table lists, from its columns. */
export function tableKind(columns: TableColumn[], headerText: string): FoundTable["kind"] {
  const has = (r: ColumnRole) => columns.some((c) => c.role === r);
  const f = foldKeepingPunctuation(headerText);
  if (/du an|chu dau tu|tong muc dau tu|ke hoach von/u.test(f)) return "investments";
  if (has("target") && columns.some((c) => c.role === "year" && c.year)) return "targets";
  if (has("task") && (has("lead") || has("deadline") || has("coordinators"))) return "tasks";
  if (has("target")) return "targets";
  return "other";
}

const ROMAN_OR_LETTER = /^(?:[IVXL]{1,6}|[A-ZĐ]|[a-zđ])[.)]?$/u;

/** A row spanning the table: a group title ("I | CHÍNH QUYỀN SỐ") with no other cell. */
function isGroupRow(cells: (TableCell | null)[], columns: TableColumn[]): boolean {
  const main = columns.findIndex((c) => c.role === "task" || c.role === "target");
  const index = columns.findIndex((c) => c.role === "index");
  const filled = cells.map((c, k) => (c?.text ? k : -1)).filter((k) => k >= 0);
  if (!filled.length) return false;
  const title = cells[main]?.text ?? cells[filled[filled.length - 1]]?.text ?? "";
  const others = filled.filter((k) => k !== main && k !== index && cells[k]?.text !== title);
  if (others.length) return false;
  const idx = index >= 0 ? (cells[index]?.text ?? "") : "";
  if (idx && !ROMAN_OR_LETTER.test(idx)) return false;
  return Boolean(idx) || isAllCaps(title);
}

/** Builds a table from its header cells and rows of cells; merges continuation rows. */
export function buildTable(
  from: number,
  to: number,
  headers: string[],
  rows: (TableCell | null)[][],
): FoundTable {
  const columns: TableColumn[] = headers.map((h) => {
    const role = columnRole(h) ?? "ignore";
    return { header: h, role, year: role === "year" || role === "baseline" ? yearOf(h) : null };
  });
  let kind = tableKind(columns, headers.join(" "));
  if (kind === "targets") for (const c of columns) if (c.role === "task") c.role = "target";
  if (kind === "tasks") for (const c of columns) if (c.role === "target") c.role = "task";
  const main = columns.findIndex((c) => c.role === "task" || c.role === "target");
  const index = columns.findIndex((c) => c.role === "index");
  const out: ReadRow[] = [];
  for (const cells of rows) {
    if (!cells.some((c) => c?.text)) continue;
    const group = isGroupRow(cells, columns);
    const prev = out.length ? out[out.length - 1] : null;
    const same = (k: number) => k >= 0 && (cells[k]?.text ?? "") === (prev?.cells[k]?.text ?? "");
    const mainEmpty = main >= 0 && !cells[main]?.text;
    if (
      prev &&
      !prev.group &&
      !group &&
      ((mainEmpty && !(index >= 0 && cells[index]?.text)) || (same(main) && same(index) && !mainEmpty))
    ) {
      // A task over two rows: the merged cells repeat (or are empty), the others add up.
      cells.forEach((c, k) => {
        if (!c?.text) return;
        const p = prev.cells[k];
        if (!p) prev.cells[k] = c;
        else if (p.text !== c.text && !p.text.split("; ").includes(c.text))
          prev.cells[k] = {
            text: `${p.text}; ${c.text}`,
            lines: [...p.lines, ...c.lines],
            offsets: [...p.offsets, ...c.offsets],
          };
      });
      continue;
    }
    out.push({ cells, group });
  }
  if (kind === "other" && main < 0) kind = "other";
  return { from, to, columns, kind, rows: out };
}

/** The task-builder view of a row of a task table. */
export function taskRow(t: FoundTable, r: ReadRow): TableRow {
  const at = (role: ColumnRole) => t.columns.findIndex((c) => c.role === role);
  const txt = (k: number) => (k >= 0 ? (r.cells[k]?.text ?? null) || null : null);
  return {
    task: at("task") >= 0 ? (r.cells[at("task")] ?? null) : null,
    lead: txt(at("lead")),
    coord: txt(at("coordinators")),
    deadline: txt(at("deadline")),
  };
}

const TIME_LIKE =
  /^(?:(?:trước|trong|từ|đến|hết|cuối|đầu)\s+)?(?:quý|tháng|năm|ngày|thường xuyên|hằng|hàng|liên tục|giai đoạn|\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}|\d{1,2}\s*\/\s*\d{4}|\d{4}(?:\s*[-–]\s*\d{4})?$)/iu;
const INDEX_LINE = /^(\d{1,3})\.?$/u;
const ENDS_OPEN = /(?:\s(?:của|và|cho|với|tại|các|những|trên|về|để|theo|từ|đến|trong|thuộc)|[,;(–-])$/u;

/** Ends a table: a section heading, the close of the plan, or a bullet of running text. */
function endsTable(text: string): boolean {
  return (
    /^(?:(?:PHẦN|Phần)\s+[IVXL]+\b|[IVXL]{1,6}[./)]\s|Nơi nhận|NƠI NHẬN|TM\.|KT\.|[-–•+]\s)/u.test(text) ||
    /^\d{1,2}\.\s+\p{Lu}/u.test(text)
  );
}

function cell(lines: TableLine[], offsets: number[], texts: string[]): TableCell {
  return { text: texts.join(" ").replace(/\s+/gu, " ").trim(), lines, offsets };
}

/**
 * Finds task tables among the lines. `raw(line)` is the line's text with tabs kept
 * (the normalised source turns tabs into spaces).
 */
export function findTables(
  lines: TableLine[],
  raw: (l: TableLine) => string,
  blankBefore: (k: number) => boolean = () => false,
): FoundTable[] {
  const out: FoundTable[] = [];
  let i = 0;
  while (i < lines.length) {
    // Shape 4: pdftotext's column after column.
    const dump = columnDumpTable(lines, i, blankBefore);
    if (dump) {
      out.push(dump);
      i = dump.to;
      continue;
    }
    // Shape 1: a header line with "|" / tab separated cells.
    const joined = joinedTable(lines, i, raw);
    if (joined) {
      out.push(joined);
      i = joined.to;
      continue;
    }
    // Shape 3: a target table with one cell per line (Word's "save as text").
    const stackedTargets = stackedTargetTable(lines, i);
    if (stackedTargets) {
      out.push(stackedTargets);
      i = stackedTargets.to;
      continue;
    }
    // Shape 2: one header cell per line.
    const roles: ColumnRole[] = [];
    let j = i;
    while (j < lines.length && j - i < 10) {
      const r = columnRole(lines[j].text);
      if (!r || lines[j].text.length > 60) break;
      roles.push(r);
      j++;
    }
    if (
      roles.length >= 3 &&
      roles.includes("task") &&
      (roles.includes("lead") || roles.includes("deadline"))
    ) {
      const res = stackedRows(lines, j, roles);
      if (res.rows.length) {
        const columns = roles.map((r, k) => ({ header: lines[i + k].text, role: r, year: null }));
        const textCell = (text: string | null): TableCell | null =>
          text ? { text, lines: [], offsets: [] } : null;
        const byRole = (r: TableRow, role: ColumnRole): TableCell | null =>
          role === "task"
            ? r.task
            : role === "lead"
              ? textCell(r.lead)
              : role === "coordinators"
                ? textCell(r.coord)
                : role === "deadline"
                  ? textCell(r.deadline)
                  : null;
        const rows: ReadRow[] = res.rows.map((r) => ({
          group: false,
          cells: roles.map((role) => byRole(r, role)),
        }));
        out.push({ from: i, to: res.end, columns, kind: "tasks", rows });
        i = res.end;
        continue;
      }
    }
    i++;
  }
  return out;
}

/**
 * Cells of a row line, empty cells kept. A drawn table "| a | b |" has a pipe at both
 * edges: with `width` known, edge cells beyond it are dropped; without, both empty edges.
 */
function rowCells(raw: string, width = 0): Array<{ text: string; at: number }> | null {
  const cells = splitCells(raw, true);
  if (!cells) return null;
  const edged = /^\s*\|/u.test(raw) && /\|\s*$/u.test(raw);
  if (edged && !width && !cells[0].text && !cells[cells.length - 1].text) {
    cells.shift();
    cells.pop();
  }
  if (edged && width) {
    if (cells.length > width && !cells[0].text) cells.shift();
    if (cells.length > width && !cells[cells.length - 1].text) cells.pop();
  }
  return cells.length >= 2 ? cells : null;
}

const INDEXISH = /^(?:\d{1,3}(?:\.\d{1,2})*\.?|[IVXL]{1,6}\.?|[a-zđ]\)?)$/u;
const NUMBERING_CELL = /^\(?\d{1,2}\)?$/u;

/** A table of "|"/tab-joined lines: one or two header lines, then its rows. */
function joinedTable(lines: TableLine[], i: number, raw: (l: TableLine) => string): FoundTable | null {
  const head = rowCells(raw(lines[i]));
  if (!head) return null;
  const roles = gridHeaderRoles(head.map((c) => c.text));
  if (!roles) return null;
  const headers = head.map((c) => c.text);
  let j = i + 1;
  // A second header line: years under "Mục tiêu theo năm", or the rest of split titles.
  const second = j < lines.length ? rowCells(raw(lines[j]), headers.length) : null;
  if (
    second &&
    !INDEXISH.test(second[0]?.text ?? "") &&
    second.some((c) => c.text && !NUMBERING_CELL.test(c.text)) &&
    second.every((c) => !c.text || columnRole(c.text) !== null || NUMBERING_CELL.test(c.text))
  ) {
    let spanTitle = "";
    second.forEach((c, k) => {
      if (k >= headers.length) return;
      if (headers[k]) spanTitle = headers[k];
      if (!c.text || NUMBERING_CELL.test(c.text) || c.text === headers[k]) return;
      headers[k] =
        headers[k] && headers[k] !== spanTitle ? `${headers[k]} ${c.text}` : `${spanTitle} ${c.text}`.trim();
    });
    j++;
  }
  const indexFirst = columnRole(headers[0]) === "index";
  const rows: (TableCell | null)[][] = [];
  for (; j < lines.length; j++) {
    const rc = rowCells(raw(lines[j]), headers.length);
    if (!rc) break;
    const texts = rc.map((c) => c.text);
    // The header repeated on a new page, and the "(1) | (2) | …" numbering row.
    if (gridHeaderRoles(texts) || texts.every((t) => !t || NUMBERING_CELL.test(t))) continue;
    const shift = rc.length < headers.length && indexFirst && !INDEXISH.test(texts[0]) ? 1 : 0;
    const cells: (TableCell | null)[] = headers.map(() => null);
    rc.forEach((c, k) => {
      if (k + shift < cells.length && c.text) cells[k + shift] = cell([lines[j]], [c.at], [c.text]);
    });
    rows.push(cells);
  }
  if (!rows.length) return null;
  return buildTable(i, j, headers, rows);
}

const YEAR_LINE = /^(?:năm\s+)?(?:19|20)\d{2}$/iu;
const ROMAN_LINE = /^[IVXL]{1,6}\.?$/u;

/**
 * A target table exported one cell per line: header titles, then the years of the
 * "Mục tiêu theo năm" span, then rows "1", indicator, figures…, unit, with Roman group rows.
 */
function stackedTargetTable(lines: TableLine[], i: number): FoundTable | null {
  const all: string[] = [];
  let j = i;
  while (j < lines.length && all.length < 20) {
    const t = lines[j].text;
    if (t.length > 60 || !columnRole(t)) break;
    all.push(t);
    j++;
  }
  // Years after the last other title are the second header row, under the span "Mục tiêu theo năm".
  let cut = all.length;
  while (cut > 0 && YEAR_LINE.test(all[cut - 1])) cut--;
  const headers = all.slice(0, cut);
  const years = all.slice(cut);
  const roles = headers.map(columnRole);
  if (headers.length < 3 && !(headers.length >= 2 && years.length)) return null;
  if (!roles.includes("target") || !(roles.includes("year") || roles.includes("unit"))) {
    if (!roles.includes("target") || !years.length) return null;
  }
  const span = headers.findIndex((h, k) => roles[k] === "year" && yearOf(h) === null);
  if (span >= 0 && years.length) headers.splice(span, 1, ...years.map((y) => `${headers[span]} ${y}`));
  else if (years.length) headers.push(...years);
  const hasIndex = columnRole(headers[0]) === "index";
  const width = headers.length - (hasIndex ? 1 : 0);
  const rows: (TableCell | null)[][] = [];
  let expected = 1;
  let cur: TableLine[] | null = null;
  let curIndex: TableLine | null = null;
  const flush = () => {
    if (!cur) return;
    const cells: (TableCell | null)[] = headers.map(() => null);
    if (curIndex) cells[0] = cell([curIndex], [0], [curIndex.text]);
    cur.forEach((l, k) => {
      if (k < width) cells[k + (hasIndex ? 1 : 0)] = cell([l], [0], [l.text]);
    });
    rows.push(cells);
    cur = null;
    curIndex = null;
  };
  const full = () => cur === null || cur.length >= width;
  for (; j < lines.length; j++) {
    const t = lines[j].text;
    const n = /^(\d{1,3})\.?$/u.exec(t);
    const nextIsText = j + 1 < lines.length && lines[j + 1].text.split(" ").length >= 3;
    if (
      hasIndex &&
      n &&
      Number(n[1]) === expected &&
      (cur === null || cur.length >= width || (cur.length >= 2 && nextIsText))
    ) {
      flush();
      expected++;
      cur = [];
      curIndex = lines[j];
      continue;
    }
    if (
      ROMAN_LINE.test(t) &&
      (cur === null || cur.length >= 2) &&
      j + 1 < lines.length &&
      isAllCaps(lines[j + 1].text)
    ) {
      flush();
      const g = headers.map(() => null as TableCell | null);
      g[0] = cell([lines[j]], [0], [t]);
      g[1] = cell([lines[j + 1]], [0], [lines[j + 1].text]);
      rows.push(g);
      j++;
      continue;
    }
    if (full() || endsTable(t)) break;
    (cur as TableLine[] | null)?.push(lines[j]);
  }
  flush();
  if (rows.length < 2) return null;
  return buildTable(i, j, headers, rows);
}

/** Rows of a table whose cells are one per line, starting after the header at `start`. */
function stackedRows(
  lines: TableLine[],
  start: number,
  roles: ColumnRole[],
): { rows: TableRow[]; end: number } {
  const rows: TableRow[] = [];
  const hasIndex = roles[0] === "index";
  const dataRoles = roles.filter((r) => r !== "index");
  const headerTexts = new Set(lines.slice(start - roles.length, start).map((l) => l.text));
  let j = start;
  let expected = 1;
  let pending: TableLine[] = [];
  const flush = () => {
    if (pending.length) rows.push(stackedRow(pending, dataRoles));
    pending = [];
  };
  for (; j < lines.length; j++) {
    const t = lines[j].text;
    if (headerTexts.has(t)) continue; // header repeated on a new page
    const idx = INDEX_LINE.exec(t);
    if (hasIndex && idx) {
      const n = Number(idx[1]);
      if (n === expected) {
        flush();
        expected++;
        continue;
      }
      continue; // a page number inside the table
    }
    if (endsTable(t)) break;
    if (hasIndex && expected === 1) break; // no row started: not a table after all
    pending.push(lines[j]);
    // Without row numbers a row is as many lines as columns.
    if (!hasIndex && pending.length === dataRoles.length) flush();
  }
  flush();
  return { rows, end: j };
}

/** Assigns the lines of one row to its columns: wrapped lines are merged into one cell. */
function stackedRow(lines: TableLine[], roles: ColumnRole[]): TableRow {
  // Segments: a line starting in lower case, or after a line ending in a connector, continues.
  const segs: TableLine[][] = [];
  for (const l of lines) {
    const prev = segs.length ? segs[segs.length - 1] : null;
    const last = prev ? prev[prev.length - 1].text : "";
    if (prev && (/^\p{Ll}/u.test(l.text) || ENDS_OPEN.test(last))) prev.push(l);
    else segs.push([l]);
  }
  const row: TableRow = { task: null, lead: null, coord: null, deadline: null };
  const text = (s: TableLine[]) => s.map((l) => l.text).join(" ");
  // Deadline: a trailing time expression when the last column is the deadline.
  let rest = segs;
  const dlCol = roles.indexOf("deadline");
  if (dlCol === roles.length - 1 && rest.length > 1 && TIME_LIKE.test(text(rest[rest.length - 1]))) {
    row.deadline = text(rest[rest.length - 1]);
    rest = rest.slice(0, -1);
  }
  // Task: everything before the first unit-like segment after the first.
  let k = 1;
  while (k < rest.length && !startsWithUnitHead(text(rest[k]))) k++;
  const taskLines = rest.slice(0, Math.max(1, k)).flat();
  row.task = cell(
    taskLines,
    taskLines.map(() => 0),
    taskLines.map((l) => l.text),
  );
  const units = rest.slice(Math.max(1, k));
  if (roles.includes("lead") && units.length) row.lead = text(units[0]);
  if (roles.includes("coordinators") && units.length > 1) row.coord = units.slice(1).map(text).join(", ");
  if (!roles.includes("lead") && roles.includes("coordinators") && units.length)
    row.coord = units.map(text).join(", ");
  return row;
}

// ---------------------------------------------------------------- column dumps

const INDEX_TOKEN = /^(?:\d{1,3}|[IVXL]{1,6})\.?$/u;
/** Words after which a line break continues a name: "tỉnh / Bình Định", "Ngày / Chuyển đổi số …". */
const NAME_BEFORE =
  /(?:^|\s)(?:tỉnh|huyện|xã|phường|thành phố|ngày|Ngày|luật|Luật|về|số|với|quốc gia|Cơ sở|cơ sở)$/u;
const ROMAN_TOKEN = /^[IVXL]{1,6}\.?$/u;
const FUNDING_LIKE = /^(?:ngân sách|vốn|không phát sinh|xã hội hó?a|thuê dịch vụ|nguồn|kinh phí)/iu;
const TIME_CELL = /^(?:\d{1,2}\s+tháng|(?:trước|trong|từ|đến|hết|cuối|đầu)\s+\d)/iu;

type Kind = "product" | "unit" | "time" | "funding";

function blockKind(text: string): Kind {
  if (TIME_LIKE.test(text) || TIME_CELL.test(text)) return "time";
  if (FUNDING_LIKE.test(text)) return "funding";
  if (startsWithUnitHead(text)) return "unit";
  return "product";
}

/** Splits the lines of one group's task cells into `count` cells at the likeliest row breaks. */
function splitTaskCells(lines: TableLine[], count: number, width: number): TableLine[][] | null {
  if (count <= 0 || lines.length < count) return null;
  if (count === 1) return [lines];
  const scored = lines
    .map((l, k) => {
      if (k === 0 || !/^[\p{Lu}“"\d]/u.test(l.text)) return null;
      const prev = lines[k - 1].text;
      const firstWord = l.text.split(" ")[0];
      const room = width - prev.length;
      // The writer's software would have put the next word on this line: the cell ended here.
      let score = room > firstWord.length + 1 ? 3 : 0;
      if (/[.;:)”"]$/u.test(prev)) score += 1;
      // A line ending in a connector or a word that takes a name goes on ("tỉnh / Bình Định").
      if (ENDS_OPEN.test(prev)) score -= 5;
      if (NAME_BEFORE.test(prev)) score -= 3;
      // Two capitalised words start a name, not a cell ("Bình Định", "Chuyển đổi" after "Ngày").
      if (/^\p{Lu}\S*\s+\p{Lu}/u.test(l.text)) score -= 2;
      return { k, score: score + room / (100 * width) };
    })
    .filter((x): x is { k: number; score: number } => x !== null)
    .sort((a, b) => b.score - a.score || a.k - b.k);
  if (scored.length < count - 1) return null;
  const cuts = scored
    .slice(0, count - 1)
    .map((x) => x.k)
    .sort((a, b) => a - b);
  const out: TableLine[][] = [];
  let from = 0;
  for (const c of [...cuts, lines.length]) {
    out.push(lines.slice(from, c));
    from = c;
  }
  return out;
}

/**
 * A task table as pdftotext prints it by default: per page, the number and task columns
 * first (numbers, Roman group numbers, group titles in capitals and wrapped task text
 * interleaved), then the titles of the other columns, then those cells as blank-line
 * separated blocks, row after row. Task cells are cut at the likeliest line breaks, as
 * many as the page has numbers; the other cells are matched to rows by what they look
 * like (product, unit, time, funding) in column order.
 */
export function columnDumpTable(
  lines: TableLine[],
  i: number,
  blankBefore: (k: number) => boolean,
): FoundTable | null {
  if (columnRole(lines[i].text) !== "index") return null;
  const rows: (TableCell | null)[][] = [];
  let headers: string[] | null = null;
  let j = i;
  let chunks = 0;
  while (j < lines.length && columnRole(lines[j].text) === "index" && chunks < 200) {
    chunks++;
    // Left columns: numbers and task text, up to the other columns' titles.
    const indices: string[] = [];
    const text: TableLine[] = [];
    let k = j + 1;
    let taskTitle = "";
    for (; k < lines.length; k++) {
      const t = lines[k].text;
      const role = columnRole(t);
      if (role && role !== "index" && role !== "task" && role !== "target") break;
      if (role === "task" && !taskTitle) {
        taskTitle = t;
        continue;
      }
      if (INDEX_TOKEN.test(t)) indices.push(t.replace(/\.$/u, ""));
      else text.push(lines[k]);
      if (k - j > 20000) return null;
    }
    if (!taskTitle || k >= lines.length) return null;
    // Titles of the other columns: blocks starting with a column title.
    const titles: string[] = [];
    while (k < lines.length && !INDEX_TOKEN.test(lines[k].text)) {
      // A title may wrap: "Nguồn kinh" / "phí".
      let e = k + 1;
      while (e < lines.length && !blankBefore(e) && lines[e].text.length < 20 && e - k < 3) e++;
      const title = lines
        .slice(k, e)
        .map((l) => l.text)
        .join(" ");
      if (!columnRole(title) || title.length > 60) break;
      titles.push(title);
      k = e;
    }
    const cols = ["STT", taskTitle, ...titles];
    const roles = cols.map(columnRole);
    if (!headers) {
      if (roles.some((r) => r === null) || (!roles.includes("lead") && !roles.includes("deadline")))
        return null;
      headers = cols;
    }
    // The other cells: blank-line separated blocks, up to the next page's "STT" or the table's end.
    const blocks: TableLine[][] = [];
    for (; k < lines.length; k++) {
      const t = lines[k].text;
      if (columnRole(t) === "index" || /^(?:phụ lục|nơi nhận)\b/iu.test(t) || endsTable(t)) break;
      if (
        /^\d{1,3}$/u.test(t) &&
        blankBefore(k) &&
        (k + 1 >= lines.length || blankBefore(k + 1) || columnRole(lines[k + 1].text) === "index")
      )
        continue; // a page number
      if (!blocks.length || blankBefore(k)) blocks.push([lines[k]]);
      else blocks[blocks.length - 1].push(lines[k]);
    }
    // Task cells per group.
    const width = Math.max(...text.map((l) => l.text.length), 1);
    const isTitle = (l: TableLine) => isAllCaps(l.text) && /\p{Lu}{3}/u.test(l.text);
    const groups: Array<{
      roman: string | null;
      title: TableLine | null;
      lines: TableLine[];
      count: number;
    }> = [{ roman: null, title: null, lines: [], count: 0 }];
    for (const tok of indices) {
      if (ROMAN_TOKEN.test(tok)) groups.push({ roman: tok, title: null, lines: [], count: 0 });
      else groups[groups.length - 1].count++;
    }
    let g = 0;
    for (const l of text) {
      if (isTitle(l) && g + 1 < groups.length) groups[++g].title = l;
      else groups[g].lines.push(l);
    }
    const kinds = roles.slice(2);
    const taskRows: (TableCell | null)[][] = [];
    let n = 0;
    const numbers = indices.filter((t) => !ROMAN_TOKEN.test(t));
    for (const grp of groups) {
      if (grp.roman && grp.title) {
        const r = cols.map(() => null as TableCell | null);
        r[0] = { text: grp.roman, lines: [], offsets: [] };
        r[1] = cell([grp.title], [0], [grp.title.text]);
        rows.push(r);
      }
      const cells = splitTaskCells(grp.lines, grp.count, width);
      if (!cells) {
        n += grp.count;
        continue;
      }
      for (const c of cells) {
        const r = cols.map(() => null as TableCell | null);
        r[0] = { text: numbers[n++] ?? "", lines: [], offsets: [] };
        r[1] = cell(
          c,
          c.map(() => 0),
          c.map((l) => l.text),
        );
        rows.push(r);
        taskRows.push(r);
      }
    }
    // Other cells, row by row: each kind in column order; a block of an earlier column starts a new row.
    const order: Record<Kind, number> = { product: 0, unit: 1, time: 3, funding: 4 };
    let row = 0;
    let last = -1;
    let units = 0;
    const leftovers: Array<{ kind: Kind; block: TableLine[] }> = [];
    const kindsOf = blocks.map((b) => blockKind(b.map((l) => l.text).join(" ")));
    for (const [bi, b] of blocks.entries()) {
      let kind = kindsOf[bi];
      const next = kindsOf[bi + 1];
      // A product-looking block after the product is the lead (a name without a unit word);
      // after the lead and before the time, the partners.
      if (kind === "product" && (last === 0 || (last === 1 && (next === "time" || next === "funding"))))
        kind = "unit";
      // A row opening with a unit-like block followed by two more units: the first is the product
      // ("Trung tâm dữ liệu đạt tiêu chuẩn …").
      if (
        kind === "unit" &&
        (last === -1 || last >= 2) &&
        next === "unit" &&
        kindsOf[bi + 2] === "unit" &&
        last !== 1
      )
        kind = "product";
      let rank = order[kind];
      if (kind === "unit") rank = units === 0 ? 1 : 2;
      if (rank <= last) {
        row++;
        last = -1;
        units = 0;
        if (kind === "unit") rank = 1;
      }
      if (row >= taskRows.length) {
        leftovers.push({ kind, block: b });
        continue;
      }
      const role: ColumnRole =
        kind === "product"
          ? "product"
          : kind === "time"
            ? "deadline"
            : kind === "funding"
              ? "funding"
              : rank === 1
                ? "lead"
                : "coordinators";
      const col = kinds.indexOf(role);
      if (col >= 0)
        taskRows[row][col + 2] = cell(
          b,
          b.map(() => 0),
          b.map((l) => l.text),
        );
      if (kind === "unit") units++;
      last = rank;
    }
    // Cells printed after the others (a row split over two): to the rows missing that column.
    const nextFree = new Map<number, number>();
    for (const { kind, block } of leftovers) {
      const role: ColumnRole = kind === "time" ? "deadline" : kind === "funding" ? "funding" : "product";
      const col = kinds.indexOf(role);
      if (col < 0) continue;
      let at = nextFree.get(col) ?? 0;
      while (at < taskRows.length && taskRows[at][col + 2]) at++;
      nextFree.set(col, at + 1);
      const r = taskRows[at];
      if (r)
        r[col + 2] = cell(
          block,
          block.map(() => 0),
          block.map((l) => l.text),
        );
    }
    j = k;
  }
  if (!headers || !rows.length) return null;
  return buildTable(i, j, headers, rows);
}
