// Tables in a PDF, rebuilt from where the text is drawn. A table line is split into
// segments at wide gaps (cell padding); a header is a few lines whose segments, grouped
// into columns by horizontal overlap, read as column titles (extract/tables.ts); below it
// each column's lines are grouped into cells by vertical gaps, and the rows are those of
// the main column (the task or indicator), so vertically centred cells still land in
// their row. Each table becomes lines "a | b | c" like the Word reader's, which the
// extractor reads as a table. Linear in the lines of a page (windows are bounded).
import { columnRole, gridHeaderRoles } from "../tables.ts";

export interface Segment {
  text: string;
  x0: number;
  x1: number;
}

export interface TableLineIn {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  segments: Segment[];
}

interface Column {
  x0: number;
  x1: number;
  header: string;
}

const MAX_HEADER_LINES = 5;

/** Columns of a header window: span titles (over several columns) go in front of the columns they cover. */
function headerColumns(lines: TableLineIn[]): Column[] | null {
  const segs = lines.flatMap((l) => l.segments);
  if (segs.length < 3) return null;
  const overlaps = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) =>
    Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0;
  // A span title covers two or more segments that do not overlap each other.
  const spans = new Set<Segment>();
  for (const s of segs) {
    const under = segs.filter((o) => o !== s && overlaps(s, o) && o.x1 - o.x0 < s.x1 - s.x0);
    let disjoint = 0;
    for (let k = 0; k < under.length; k++)
      if (!under.slice(0, k).some((o) => overlaps(o, under[k]))) disjoint++;
    if (disjoint >= 2) spans.add(s);
  }
  const cols: Array<{ x0: number; x1: number; parts: Segment[] }> = [];
  for (const s of segs) {
    if (spans.has(s)) continue;
    const c = cols.find((c) => Math.min(c.x1, s.x1) - Math.max(c.x0, s.x0) > 0);
    if (c) {
      c.x0 = Math.min(c.x0, s.x0);
      c.x1 = Math.max(c.x1, s.x1);
      c.parts.push(s);
    } else cols.push({ x0: s.x0, x1: s.x1, parts: [s] });
  }
  cols.sort((a, b) => a.x0 - b.x0);
  if (cols.length < 3) return null;
  return cols.map((c) => {
    const over = [...spans].filter((s) => overlaps(s, c)).map((s) => s.text);
    return { x0: c.x0, x1: c.x1, header: [...over, ...c.parts.map((p) => p.text)].join(" ") };
  });
}

/** The column a segment belongs to: the leftmost header it overlaps, else the nearest. */
function columnOf(s: Segment, cols: Column[]): number {
  for (let k = 0; k < cols.length; k++)
    if (Math.min(cols[k].x1, s.x1) - Math.max(cols[k].x0, s.x0) > 0) return k;
  let best = 0;
  let dist = Number.POSITIVE_INFINITY;
  const mid = (s.x0 + s.x1) / 2;
  cols.forEach((c, k) => {
    const d = mid < c.x0 ? c.x0 - mid : mid > c.x1 ? mid - c.x1 : 0;
    if (d < dist) {
      dist = d;
      best = k;
    }
  });
  return best;
}

/** A line that is running text again (one segment across most of the table), not a table row. */
function leavesTable(l: TableLineIn, cols: Column[]): boolean {
  if (/^(?:Nơi nhận|NƠI NHẬN|Ghi chú|Phụ lục|PHỤ LỤC)\b/u.test(l.text)) return true;
  if (l.segments.length !== 1) return false;
  const s = l.segments[0];
  const covered = cols.filter((c) => Math.min(c.x1, s.x1) - Math.max(c.x0, s.x0) > 0).length;
  return covered >= 3 && !/^[\p{Lu}\d\s,.;:()–-]+$/u.test(s.text);
}

interface Piece {
  text: string;
  y: number;
  size: number;
}

/** Rows of the lines under a header, as cell texts per column. */
function tableRows(lines: TableLineIn[], cols: Column[], main: number): string[][] {
  const perCol: Piece[][] = cols.map(() => []);
  for (const l of lines)
    for (const s of l.segments) perCol[columnOf(s, cols)].push({ text: s.text, y: l.y, size: l.size });
  // Cells of a column: its pieces split where the vertical gap exceeds a line's height.
  const cellsOf = (pieces: Piece[]) => {
    const out: Array<{ text: string; top: number; bottom: number }> = [];
    for (const p of pieces) {
      const last = out[out.length - 1];
      if (last && last.bottom - p.y <= 1.32 * p.size) {
        last.text = /[\p{L}\d]-$/u.test(last.text) ? `${last.text}${p.text}` : `${last.text} ${p.text}`;
        last.bottom = p.y;
      } else out.push({ text: p.text, top: p.y, bottom: p.y });
    }
    return out;
  };
  const mainCells = cellsOf(perCol[main]);
  if (!mainCells.length) return [];
  // Row k runs from halfway to the previous main cell to halfway to the next (y goes up).
  const bounds = mainCells.map((c, k) => {
    const prev = mainCells[k - 1];
    const next = mainCells[k + 1];
    return {
      hi: prev ? (prev.bottom + c.top) / 2 : Number.POSITIVE_INFINITY,
      lo: next ? (c.bottom + next.top) / 2 : Number.NEGATIVE_INFINITY,
    };
  });
  const rows: string[][] = mainCells.map((c) => cols.map((_, k) => (k === main ? c.text : "")));
  cols.forEach((_, k) => {
    if (k === main) return;
    for (const c of cellsOf(perCol[k])) {
      const mid = (c.top + c.bottom) / 2;
      let r = bounds.findIndex((b) => mid <= b.hi && mid > b.lo);
      if (r < 0) r = mid > bounds[0].hi ? 0 : rows.length - 1;
      rows[r][k] = rows[r][k] ? `${rows[r][k]}; ${c.text}` : c.text;
    }
  });
  return rows;
}

/** A thin drawn path: a table border. */
export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface RuledTable {
  from: number;
  to: number;
  rows: string[];
}

/** Column borders carried to the next page when a ruled table runs off the bottom of one. */
export interface Carry {
  borders: number[];
}

const near = (a: number, b: number, tol = 2) => Math.abs(a - b) <= tol;

/** Distinct x positions of vertical rules, left to right. */
function distinct(xs: number[]): number[] {
  const out: number[] = [];
  for (const x of [...xs].sort((a, b) => a - b))
    if (!out.length || !near(out[out.length - 1], x)) out.push(x);
  return out;
}

/**
 * Tables drawn with borders: the vertical rules give the columns, the horizontal rules
 * that cross the main column give the rows (a rule across only some columns splits a
 * merged cell's neighbours, not the row). The first band is the header; a second band of
 * column titles only (years under a span) joins it. Lines are matched to bands by y.
 */
export function ruledTables<L extends TableLineIn>(
  lines: L[],
  rules: Rule[],
  carry: Carry | null,
): { tables: RuledTable[]; carry: Carry | null } {
  const verticals = rules.filter((r) => r.x1 - r.x0 <= 2.5 && r.y1 - r.y0 >= 8);
  const horizontals = rules.filter((r) => r.y1 - r.y0 <= 2.5 && r.x1 - r.x0 >= 8);
  if (verticals.length < 4 || horizontals.length < 2) return { tables: [], carry: null };
  // Tables: groups of vertical rules whose y ranges overlap (one table's borders).
  const groups: Rule[][] = [];
  for (const v of [...verticals].sort((a, b) => b.y1 - a.y1)) {
    const g = groups.find((gr) => gr.some((o) => Math.min(o.y1, v.y1) - Math.max(o.y0, v.y0) > -3));
    if (g) g.push(v);
    else groups.push([v]);
  }
  const tables: RuledTable[] = [];
  let nextCarry: Carry | null = null;
  for (const g of groups) {
    const borders = distinct(g.map((v) => (v.x0 + v.x1) / 2));
    if (borders.length < 4) continue;
    const top = Math.max(...g.map((v) => v.y1));
    const bottom = Math.min(...g.map((v) => v.y0));
    const left = borders[0];
    const right = borders[borders.length - 1];
    const colOf = (x: number) => {
      for (let k = borders.length - 2; k >= 0; k--) if (x >= borders[k] - 1) return k;
      return 0;
    };
    const inside = lines
      .map((l, k) => ({ l, k }))
      .filter(({ l }) => l.y < top && l.y > bottom && l.x0 >= left - 2 && l.x1 <= right + 2);
    if (!inside.length) continue;
    const ncols = borders.length - 1;
    // Bands from the horizontal rules that cross a column's middle, per column.
    const crossing = (k: number) => {
      const mid = (borders[k] + borders[k + 1]) / 2;
      return horizontals
        .filter((h) => h.x0 <= mid && h.x1 >= mid && h.y0 >= bottom - 2 && h.y1 <= top + 2)
        .map((h) => (h.y0 + h.y1) / 2);
    };
    // Cell texts: per column, the lines' segments between that column's rules.
    const cellAt = new Map<string, string[]>();
    const bandsOf = (k: number) => distinct(crossing(k)).sort((a, b) => b - a);
    const colBands = Array.from({ length: ncols }, (_, k) => bandsOf(k));
    for (const { l } of inside) {
      for (const sgm of l.segments) {
        const c = colOf(sgm.x0);
        const bands = colBands[c];
        let b = bands.findIndex((y) => y < l.y);
        if (b < 0) b = bands.length;
        const key = `${c}/${b}`;
        const list = cellAt.get(key) ?? [];
        list.push(sgm.text);
        cellAt.set(key, list);
      }
    }
    const textOf = (c: number, b: number) => {
      const parts = cellAt.get(`${c}/${b}`) ?? [];
      let out = "";
      for (const p of parts) out = !out ? p : /[\p{L}\d]-$/u.test(out) ? `${out}${p}` : `${out} ${p}`;
      return out.replace(/\|/g, "/");
    };
    // The header ends at the lowest first-band bottom: a title merged over two header rows
    // ends lower than the span title above the years.
    const firstBottoms = colBands.filter((bs) => bs.length > 1).map((bs) => bs[1]);
    const headerBottom = firstBottoms.length ? Math.min(...firstBottoms) : bottom;
    const headerOf = (c: number) => {
      const parts: string[] = [];
      for (let cb = 1; cb < colBands[c].length && colBands[c][cb] >= headerBottom - 1; cb++) {
        const t = textOf(c, cb);
        if (t) parts.push(t);
      }
      return parts.join(" ");
    };
    const hdr = Array.from({ length: ncols }, (_, c) => headerOf(c));
    const roles = gridHeaderRoles(hdr);
    let headerBands = 1;
    if (!roles) {
      // A continuation on a new page: the same borders as the table above it.
      if (
        !carry ||
        carry.borders.length !== borders.length ||
        !carry.borders.every((x, k) => near(x, borders[k], 3))
      )
        continue;
      headerBands = 0;
    }
    const mainCol = roles ? roles.findIndex((r) => r === "task" || r === "target") : 1;
    const mainBands = colBands[Math.max(0, mainCol)];
    if (roles) headerBands = Math.max(1, mainBands.filter((y) => y >= headerBottom - 1).length - 1);
    const rows: string[] = roles ? [hdr.join(" | ")] : [];
    // Row b of the main column: the cells of other columns whose band lies within it.
    for (let b = headerBands + 1; b <= mainBands.length; b++) {
      const hi = mainBands[b - 1];
      const lo = b < mainBands.length ? mainBands[b] : bottom;
      const cells = Array.from({ length: ncols }, (_, c) => {
        if (c === mainCol) return textOf(c, b);
        const bands = colBands[c];
        const parts: string[] = [];
        for (let cb = 1; cb <= bands.length; cb++) {
          const chi = bands[cb - 1];
          const clo = cb < bands.length ? bands[cb] : bottom;
          const mid = (chi + clo) / 2;
          if (mid < hi && mid > lo) {
            const t = textOf(c, cb);
            if (t) parts.push(t);
          }
        }
        return parts.join("; ");
      });
      if (cells.some(Boolean)) rows.push(cells.join(" | "));
    }
    if (rows.length < (roles ? 2 : 1)) continue;
    const ks = inside.map((x) => x.k);
    tables.push({ from: Math.min(...ks), to: Math.max(...ks) + 1, rows });
    // Runs off the page bottom: the next page may go on with the same columns.
    if (bottom < 90) nextCarry = { borders };
  }
  tables.sort((a, b) => a.from - b.from);
  return { tables, carry: nextCarry };
}

/**
 * Finds tables among a page's lines; returns the page's output as paragraphs where each
 * table is replaced by its header and rows as "a | b | c" lines.
 */
export function rebuildTables<L extends TableLineIn>(
  lines: L[],
): Array<{ from: number; to: number; rows: string[] }> {
  const found: Array<{ from: number; to: number; rows: string[] }> = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].segments.length < 2) {
      i++;
      continue;
    }
    let best: { w: number; cols: Column[]; roles: ReturnType<typeof gridHeaderRoles> } | null = null;
    for (let w = 1; w <= MAX_HEADER_LINES && i + w <= lines.length; w++) {
      const win = lines.slice(i, i + w);
      if (w > 1 && win[w - 2].y - win[w - 1].y > 2.5 * win[w - 1].size) break;
      const cols = headerColumns(win);
      const roles = cols ? gridHeaderRoles(cols.map((c) => c.header)) : null;
      if (cols && roles) best = { w, cols, roles };
    }
    if (!best?.roles) {
      i++;
      continue;
    }
    const { cols, roles } = best;
    const main = roles.findIndex((r) => r === "task" || r === "target");
    let j = i + best.w;
    const body: L[] = [];
    for (; j < lines.length; j++) {
      if (leavesTable(lines[j], cols)) break;
      // The header repeated (a new page): skip its lines.
      body.push(lines[j]);
    }
    const rows = tableRows(body, cols, main).filter(
      (r) => !r.every((c, k) => !c || columnRole(c) === roles[k] || c === cols[k].header),
    );
    if (rows.length) {
      found.push({
        from: i,
        to: j,
        rows: [cols.map((c) => c.header).join(" | "), ...rows.map((r) => r.join(" | "))],
      });
      i = j;
    } else i++;
  }
  return found;
}
