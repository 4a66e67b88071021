// Word tables (`w:tbl`) as text the extractor reads as tables: one paragraph per table
// row, its cells joined by " | ", one cell per grid column. A cell spanning columns
// (`gridSpan`) is written once and followed by empty cells; a cell merged down
// (`vMerge` continue) repeats the text of the cell it continues, so every row stands on
// its own (a task over two rows has the same number and task cell on both). Tables of
// fewer than three columns (the issuer | motto header, the recipients | signature
// block) are page layout, not data: mammoth keeps reading them as paragraphs.
import { decodeXml as decode } from "./docx-numbering.ts";

const encode = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Top-level elements `<tag>…</tag>` of `xml` (nested ones of the same tag stay inside). */
function topLevel(xml: string, tag: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = new RegExp(`<(/?)${tag}(?=[\\s>/])[^>]*?(/?)>`, "g");
  let depth = 0;
  let start = -1;
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) {
    if (m[2] === "/") continue;
    if (m[1] === "/") {
      depth--;
      if (depth === 0 && start >= 0) {
        out.push({ start, end: m.index + m[0].length });
        start = -1;
      }
    } else {
      if (depth === 0) start = m.index;
      depth++;
    }
  }
  return out;
}

/** The text of one paragraph: runs' text, tabs and breaks as spaces. */
function paragraphText(p: string): string {
  let out = "";
  const re = /<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:(?:tab|br|cr)\b[^>]*\/>/g;
  for (let m = re.exec(p); m !== null; m = re.exec(p)) out += m[1] !== undefined ? decode(m[1]) : " ";
  return out.replace(/\s+/g, " ").trim();
}

/** A cell's paragraphs in one line: joined with "; " unless the previous one ends a clause. */
function cellText(tc: string): string {
  const parts = topLevel(tc, "w:p")
    .map((r) => paragraphText(tc.slice(r.start, r.end)))
    .filter(Boolean);
  let out = "";
  for (const p of parts) {
    if (!out) out = p;
    else out += /[.;:,]$/u.test(out) ? ` ${p}` : `; ${p}`;
  }
  return out.replace(/\|/g, "/");
}

interface GridCell {
  text: string;
  span: number;
  merge: "restart" | "continue" | null;
}

function rowCells(tr: string): GridCell[] {
  return topLevel(tr, "w:tc").map((r) => {
    const tc = tr.slice(r.start, r.end);
    const pr = /<w:tcPr>([\s\S]*?)<\/w:tcPr>/.exec(tc)?.[1] ?? "";
    const span = Number(/<w:gridSpan\b[^>]*w:val="(\d+)"/.exec(pr)?.[1] ?? 1) || 1;
    const vm = /<w:vMerge\b([^>]*)\/?>/.exec(pr);
    const merge = vm ? (/w:val="restart"/.test(vm[1]) ? "restart" : "continue") : null;
    return { text: merge === "continue" ? "" : cellText(tc), span: Math.max(1, Math.min(span, 64)), merge };
  });
}

/** The rows of a table as lines of cells, one per grid column; null for a layout table. */
export function tableRows(tbl: string): string[] | null {
  const rows = topLevel(tbl, "w:tr").map((r) => rowCells(tbl.slice(r.start, r.end)));
  const gridCols = (tbl.match(/<w:gridCol\b/g) ?? []).length;
  const width = Math.max(gridCols, ...rows.map((r) => r.reduce((n, c) => n + c.span, 0)));
  if (width < 3 || rows.length < 2) return null;
  const above: string[] = [];
  const lines: string[] = [];
  for (const cells of rows) {
    const line: string[] = [];
    for (const c of cells) {
      const col = line.length;
      const text = c.merge === "continue" ? (above[col] ?? "") : c.text;
      line.push(text);
      for (let k = 1; k < c.span; k++) line.push("");
    }
    while (line.length < width) line.push("");
    line.forEach((t, k) => {
      above[k] = t;
    });
    if (line.some(Boolean)) lines.push(line.join(" | "));
  }
  return lines;
}

/**
 * document.xml with every data table replaced by one paragraph per row (see above),
 * or null when it has no such table.
 */
export function flattenTables(documentXml: string): string | null {
  const tables = topLevel(documentXml, "w:tbl");
  if (!tables.length) return null;
  let out = "";
  let at = 0;
  let changed = false;
  for (const t of tables) {
    const rows = tableRows(documentXml.slice(t.start, t.end));
    if (!rows) continue;
    changed = true;
    out += documentXml.slice(at, t.start);
    for (const r of rows) out += `<w:p><w:r><w:t xml:space="preserve">${encode(r)}</w:t></w:r></w:p>`;
    at = t.end;
  }
  return changed ? out + documentXml.slice(at) : null;
}
