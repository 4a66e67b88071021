// Task tables: "TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành".
// Text from Word or PDF gives them in two shapes: one row per line with cells joined by
// " | " or tabs, or (PDF) one cell per line with the row number alone on a line and long
// cells wrapped over several lines. Both are read here, before paragraphs are joined, so
// each row becomes one task with its lead, coordinators and deadline. Linear in the lines.
import { foldKeepingPunctuation } from "./text-utils.ts";
import { startsWithUnitHead } from "./units.ts";

export type ColumnRole = "index" | "task" | "lead" | "coord" | "deadline" | "other";

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

export interface TableRow {
  task: TableCell | null;
  lead: string | null;
  coord: string | null;
  deadline: string | null;
}

export interface FoundTable {
  /** Index of the first and one past the last line the table takes. */
  from: number;
  to: number;
  rows: TableRow[];
}

/** The role of a header cell, or null when the text is no column title. */
export function columnRole(cell: string): ColumnRole | null {
  const f = foldKeepingPunctuation(cell)
    .replace(/[^a-z0-9 ]+/g, " ")
    .trim();
  if (!f || f.length > 60) return null;
  if (/^(?:s?tt|so tt|stt)$/u.test(f)) return "index";
  if (/(?:don vi|co quan|bo phan)?\s*chu tri\b/u.test(f) && !/phoi hop/u.test(f)) return "lead";
  if (/phoi hop/u.test(f)) return "coord";
  if (/^(?:thoi gian|thoi han|tien do|moc thoi gian)/u.test(f)) return "deadline";
  if (
    /^(?:(?:ten |noi dung )?nhiem vu|noi dung(?: cong viec| thuc hien)?|cong viec|hoat dong|ten (?:de an|du an|nhiem vu))/u.test(
      f,
    )
  )
    return "task";
  if (/^(?:san pham|ket qua|ghi chu|kinh phi|du toan|nguon (?:von|kinh phi)|ngan sach)/u.test(f))
    return "other";
  return null;
}

/** Column roles of a header, or null when it is not a task table header. */
function headerRoles(cells: string[]): ColumnRole[] | null {
  if (cells.length < 3) return null;
  const roles = cells.map(columnRole);
  if (roles.some((r) => r === null)) return null;
  const rs = roles as ColumnRole[];
  if (!rs.includes("task")) return null;
  if (!rs.includes("lead") && !rs.includes("deadline")) return null;
  return rs;
}

/** Cells of a line joined with "|" or tabs, with their offsets; null for a plain line. */
function splitCells(raw: string): Array<{ text: string; at: number }> | null {
  const sep = raw.includes("|") ? "|" : raw.includes("\t") ? "\t" : null;
  if (!sep) return null;
  const out: Array<{ text: string; at: number }> = [];
  let at = 0;
  for (const part of raw.split(sep)) {
    const lead = part.length - part.trimStart().length;
    out.push({ text: part.trim(), at: at + lead });
    at += part.length + 1;
  }
  // A leading/trailing "|" of a drawn table gives empty edge cells.
  while (out.length && !out[0].text) out.shift();
  while (out.length && !out[out.length - 1].text) out.pop();
  return out.length >= 2 ? out : null;
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
export function findTables(lines: TableLine[], raw: (l: TableLine) => string): FoundTable[] {
  const out: FoundTable[] = [];
  let i = 0;
  while (i < lines.length) {
    // Shape 1: a header line with "|" / tab separated cells.
    const cells = splitCells(raw(lines[i]));
    const roles1 = cells ? headerRoles(cells.map((c) => c.text)) : null;
    if (cells && roles1) {
      const rows: TableRow[] = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const rc = splitCells(raw(lines[j]));
        if (!rc) break;
        if (headerRoles(rc.map((c) => c.text))) continue; // header repeated on a new page
        rows.push(joinedRow(lines[j], rc, roles1));
      }
      if (rows.length) {
        out.push({ from: i, to: j, rows });
        i = j;
        continue;
      }
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
        out.push({ from: i, to: res.end, rows: res.rows });
        i = res.end;
        continue;
      }
    }
    i++;
  }
  return out;
}

function joinedRow(line: TableLine, rc: Array<{ text: string; at: number }>, roles: ColumnRole[]): TableRow {
  const row: TableRow = { task: null, lead: null, coord: null, deadline: null };
  // A row without its number cell is aligned on the right-hand columns.
  const shift = rc.length < roles.length && roles[0] === "index" ? 1 : 0;
  rc.forEach((c, k) => {
    const role = roles[k + shift];
    if (!role || !c.text) return;
    if (role === "task") row.task = cell([line], [c.at], [c.text]);
    else if (role === "lead") row.lead = c.text;
    else if (role === "coord") row.coord = c.text;
    else if (role === "deadline") row.deadline = c.text;
  });
  return row;
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
  if (roles.includes("coord") && units.length > 1) row.coord = units.slice(1).map(text).join(", ");
  if (!roles.includes("lead") && roles.includes("coord") && units.length)
    row.coord = units.map(text).join(", ");
  return row;
}
