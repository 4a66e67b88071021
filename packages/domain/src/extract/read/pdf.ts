// PDFs: glyphs come from pdfjs in a worker thread (pdf-worker.mjs, which explains
// why glyphs and not getTextContent()); here they become lines, page furniture is
// dropped and wrapped lines are rejoined into paragraphs.
import { Worker } from "node:worker_threads";
import { gluedFootnoteNumbers } from "../text-utils.ts";
import { fail, isPlanExtractError } from "./errors.ts";
import { type Carry, type Rule, rebuildTables, ruledTables, type Segment } from "./pdf-tables.ts";
import { cleanText } from "./text.ts";

/** One drawn glyph in page space (PDF units, y up). */
export interface Glyph {
  ch: string;
  x: number;
  y: number;
  /** Advance width in page space. */
  w: number;
  /** Font size in page space. */
  size: number;
}

export interface PdfLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  page: number;
  /** Runs of text separated by wide gaps (table cells), left to right. */
  segments: Segment[];
  /** A table row rebuilt by pdf-tables.ts: a paragraph of its own. */
  tableRow?: boolean;
}

const isSpaceChar = (ch: string) => /^\s+$/u.test(ch);
const isMark = (ch: string) => /^\p{M}+$/u.test(ch);

/** Groups a page's glyphs into lines (top to bottom) and spells each line left to right. */
export function linesOfGlyphs(glyphs: Glyph[], page: number): PdfLine[] {
  const visible = glyphs.filter((g) => g.size > 0.5);
  visible.sort((a, b) => b.y - a.y || a.x - b.x);
  const clusters: Glyph[][] = [];
  let current: Glyph[] = [];
  let baseY = Number.NaN;
  let baseSize = 0;
  for (const g of visible) {
    if (current.length && Math.abs(g.y - baseY) <= 0.45 * Math.max(baseSize, g.size)) {
      current.push(g);
      if (!isSpaceChar(g.ch) && g.size > baseSize) baseSize = g.size;
      continue;
    }
    if (current.length) clusters.push(current);
    current = [g];
    baseY = g.y;
    baseSize = g.size;
  }
  if (current.length) clusters.push(current);

  const lines: PdfLine[] = [];
  for (const cluster of clusters) {
    const line = spellLine(cluster, page);
    if (line) lines.push(line);
  }
  return mergeRaisedLines(lines);
}

function spellLine(cluster: Glyph[], page: number): PdfLine | null {
  const bases = cluster.filter((g) => !isMark(g.ch)).sort((a, b) => a.x - b.x);
  const marks = cluster.filter((g) => isMark(g.ch));
  // Combining marks drawn as separate glyphs belong after the base they sit on.
  const after = new Map<Glyph, Glyph[]>();
  for (const m of marks) {
    const centre = m.x + m.w / 2;
    let host: Glyph | undefined;
    for (const b of bases) if (b.x <= centre + 0.01) host = b;
    if (host) after.set(host, [...(after.get(host) ?? []), m]);
  }
  let text = "";
  let prev: Glyph | null = null;
  let pendingSpace = false;
  const solid: Glyph[] = [];
  const segments: Segment[] = [];
  let seg: Segment | null = null;
  for (const g of bases) {
    if (isSpaceChar(g.ch)) {
      pendingSpace = text !== "";
      continue;
    }
    if (prev) {
      // Same glyph drawn twice at nearly the same place: fake bold.
      if (g.ch === prev.ch && Math.abs(g.x - prev.x) < 0.15 * g.size) continue;
      const gap = g.x - (prev.x + prev.w);
      if (pendingSpace || gap > 0.22 * Math.max(g.size, prev.size)) text += " ";
      // A gap wider than a few spaces separates table cells.
      if (gap > 0.9 * Math.max(g.size, prev.size)) seg = null;
    }
    pendingSpace = false;
    const chars = g.ch + (after.get(g) ?? []).map((m) => m.ch).join("");
    text += chars;
    if (!seg) {
      seg = { text: "", x0: g.x, x1: g.x + g.w };
      segments.push(seg);
    } else if (seg.text && g.x - seg.x1 > 0.22 * g.size) seg.text += " ";
    seg.text += chars;
    seg.x1 = Math.max(seg.x1, g.x + g.w);
    solid.push(g);
    prev = g;
  }
  text = text.normalize("NFC").replace(/\s+/g, " ").trim();
  if (!text || solid.length === 0) return null;
  const sizes = solid.map((g) => g.size).sort((a, b) => a - b);
  const size = sizes[Math.floor(sizes.length / 2)];
  // The baseline of the line is that of its body-size glyphs, not of a superscript.
  const body = solid.filter((g) => g.size >= size * 0.9);
  const ys = body.map((g) => g.y).sort((a, b) => a - b);
  return {
    text,
    x0: solid[0].x,
    x1: Math.max(...solid.map((g) => g.x + g.w)),
    y: ys[Math.floor(ys.length / 2)],
    size,
    page,
    segments: segments.map((sg) => ({ ...sg, text: sg.text.normalize("NFC").replace(/\s+/g, " ").trim() })),
  };
}

/** A superscript (footnote mark) or subscript clustered on its own joins the line it hangs on. */
function mergeRaisedLines(lines: PdfLine[]): PdfLine[] {
  const out: PdfLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const small = lines[i];
    const below = lines[i + 1];
    if (
      below &&
      small.size < below.size * 0.85 &&
      small.y > below.y &&
      small.y - below.y < below.size * 0.75 &&
      small.text.length <= 4 &&
      small.x0 >= below.x0 - 1 &&
      small.x0 <= below.x1 + 1
    ) {
      // Put the mark where it stands horizontally: usually at the end of a word.
      const ratio = (small.x0 - below.x0) / Math.max(1, below.x1 - below.x0);
      const at = nearestWordEnd(below.text, Math.round(ratio * below.text.length));
      lines[i + 1] = {
        ...below,
        text: below.text.slice(0, at) + small.text + below.text.slice(at),
        segments: below.segments,
      };
      continue;
    }
    out.push(small);
  }
  return out;
}

function nearestWordEnd(text: string, at: number): number {
  for (let d = 0; d < 8; d++) {
    for (const p of [at + d, at - d]) {
      if (p > 0 && p <= text.length && (p === text.length || text[p] === " ") && text[p - 1] !== " ")
        return p;
    }
  }
  return Math.min(Math.max(0, at), text.length);
}

// ---------------------------------------------------------------- page furniture

const PAGE_NUMBER = /^[-–—\s]*(trang|page)?\s*\d{1,4}(\s*(\/|trên|of)\s*\d{1,4})?[-–—\s]*$/iu;

/**
 * Drops page numbers and running headers/footers: lines in the top or bottom band
 * of the page that are a bare number, or that repeat (digits aside) on many pages.
 */
export function dropPageFurniture(pages: PdfLine[][], pageHeights: number[]): PdfLine[][] {
  const key = (l: PdfLine) => l.text.replace(/\d+/g, "#").toLowerCase();
  const bandOf = (l: PdfLine, h: number): "top" | "bottom" | null =>
    l.y > h * 0.88 ? "top" : l.y < h * 0.12 ? "bottom" : null;
  const counts = new Map<string, number>();
  pages.forEach((lines, p) => {
    const seen = new Set<string>();
    for (const l of edgeLines(lines)) if (bandOf(l, pageHeights[p])) seen.add(key(l));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const repeated = (l: PdfLine) =>
    pages.length >= 3 && (counts.get(key(l)) ?? 0) >= Math.max(3, pages.length * 0.5);
  return pages.map((lines, p) => {
    const edges = new Set(edgeLines(lines));
    return lines.filter((l) => {
      if (!edges.has(l) || !bandOf(l, pageHeights[p])) return true;
      return !(PAGE_NUMBER.test(l.text) || repeated(l));
    });
  });
}

/**
 * Footnotes at a page's foot: the page's last lines, in a type smaller than the body's,
 * the first of them starting with a note's number that the text carries as a marker
 * glued to a word or a figure ("sau sắp xếp1;", "71,5%1;" … "1" / "Phường … được thành lập …").
 */
export function dropFootnotes(pages: PdfLine[][]): PdfLine[][] {
  const bodySize = median(pages.flat().map((l) => l.size));
  const markers = gluedFootnoteNumbers(
    pages
      .flat()
      .map((l) => l.text)
      .join("\n"),
  );
  return pages.map((lines) => {
    let start = lines.length;
    while (start > 0 && !lines[start - 1].tableRow && lines[start - 1].size <= bodySize * 0.85) start--;
    const note = /^(\d{1,2})(?:\s|$)/u.exec(lines[start]?.text ?? "");
    return note && markers.has(Number(note[1])) ? lines.slice(0, start) : lines;
  });
}

/** The two first and two last lines of a page: where headers and footers live. */
function edgeLines(lines: PdfLine[]): PdfLine[] {
  return lines.length <= 4 ? lines : [...lines.slice(0, 2), ...lines.slice(-2)];
}

// ---------------------------------------------------------------- paragraphs

const LIST_MARKER =
  /^([-–—•+*▪●○◦]\s|[a-zđ]\)\s|\(?\d{1,2}\)\s|\d{1,2}(\.\d{1,2})*\.?\s|[IVXLC]{1,6}\.\s|(Điều|Chương|Mục|Phần)\s+[\dIVXLC]+)/u;
const ENDS_SENTENCE = /[.:;!?…)”"]$/u;

function median(values: number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Rejoins wrapped lines into paragraphs (one per line of output, blank line
 * between), like the .docx reader's output. A new paragraph starts after a short
 * line, at a wider vertical gap, at an indent, at a change of font size, or at a
 * list marker following a finished sentence.
 */
export function paragraphsOfLines(pages: PdfLine[][]): string[] {
  const all = pages.flat();
  if (!all.length) return [];
  const left = median(all.map((l) => l.x0));
  const rights = all.map((l) => l.x1).sort((a, b) => a - b);
  const right = rights[Math.floor(rights.length * 0.9)];
  const bodySize = median(all.map((l) => l.size)) || 10;
  const gaps: number[] = [];
  for (const lines of pages)
    for (let i = 1; i < lines.length; i++) {
      const g = lines[i - 1].y - lines[i].y;
      if (g > 0 && g < bodySize * 3) gaps.push(g);
    }
  const lineGap = median(gaps) || bodySize * 1.2;

  const paragraphs: string[] = [];
  let currentText = "";
  let prev: PdfLine | null = null;
  for (const line of all) {
    let breakBefore = prev === null;
    if (prev) {
      const samePage = prev.page === line.page;
      const gap = prev.y - line.y;
      // Short means the next line's first word would have fitted: otherwise the
      // writer's software wrapped it (long URLs, long numbers).
      const firstWord = line.text.split(" ")[0];
      const charWidth = (line.x1 - line.x0) / Math.max(1, line.text.length);
      const prevShort = prev.x1 + (firstWord.length + 1) * charWidth < right - 0.5 * bodySize;
      const indented = line.x0 > left + 1.2 * bodySize && prev.x0 <= left + 1.2 * bodySize;
      const sizeChange = Math.abs(line.size - prev.size) > 0.15 * bodySize;
      const marker = LIST_MARKER.test(line.text) && (ENDS_SENTENCE.test(prev.text) || prevShort);
      breakBefore =
        Boolean(line.tableRow || prev.tableRow) ||
        prevShort ||
        marker ||
        sizeChange ||
        (samePage && (gap > lineGap * 1.45 || gap < 0 || indented)) ||
        (!samePage && indented && ENDS_SENTENCE.test(prev.text));
    }
    if (breakBefore) {
      if (currentText) paragraphs.push(currentText);
      currentText = line.text;
    } else {
      // "14/CT-" + "TTg": a wrap right after a hyphen inside a number or code.
      const glue = /[\p{L}\d]-$/u.test(currentText) && /^[\p{L}\d]/u.test(line.text) ? "" : " ";
      currentText = `${currentText}${glue}${line.text}`;
    }
    prev = line;
  }
  if (currentText) paragraphs.push(currentText);
  return paragraphs;
}

// ---------------------------------------------------------------- tables

/**
 * A page's lines with each table replaced by one line per row ("a | b | c"): from its
 * drawn borders when it has them, else from the text's columns.
 */
export function withTables(
  lines: PdfLine[],
  rules: Rule[] = [],
  carry: Carry | null = null,
): {
  lines: PdfLine[];
  carry: Carry | null;
} {
  const ruled = ruledTables(lines, rules, carry);
  const tables = ruled.tables.length ? ruled.tables : rules.length ? [] : rebuildTables(lines);
  return { lines: twoColumnBlocks(spliceTables(lines, tables)), carry: ruled.carry };
}

/**
 * The two-column blocks of a plan (issuer | national motto at the top, recipients |
 * signature at the end) are drawn side by side: each printed line holds a bit of both.
 * A run of lines that split at the same place is read column by column, left first.
 */
export function twoColumnBlocks(lines: PdfLine[]): PdfLine[] {
  const out: PdfLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i];
    const split = !l.tableRow && l.segments.length === 2 ? l.segments[1].x0 : null;
    if (split === null || l.segments[1].x0 - l.segments[0].x1 < 2 * l.size) {
      out.push(l);
      i++;
      continue;
    }
    const left: PdfLine[] = [];
    const right: PdfLine[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      const m = lines[j];
      if (m.tableRow) break;
      const segs = m.segments.length ? m.segments : [{ text: m.text, x0: m.x0, x1: m.x1 }];
      if (segs.some((sg) => sg.x0 < split - 4 && sg.x1 > split + 4)) break;
      if (segs.length > 2) break;
      for (const sg of segs) {
        const part = { ...m, text: sg.text, x0: sg.x0, x1: sg.x1, segments: [sg] };
        if (sg.x0 >= split - 4) right.push(part);
        else left.push(part);
      }
      // Two lines in a row that are only on one side and far below: the block has ended.
      if (j > i && m.page !== lines[j - 1].page) break;
    }
    if (j - i < 2 || !left.length || !right.length) {
      out.push(l);
      i++;
      continue;
    }
    out.push(...left, ...right);
    i = j;
  }
  return out;
}

function spliceTables(
  lines: PdfLine[],
  tables: Array<{ from: number; to: number; rows: string[] }>,
): PdfLine[] {
  if (!tables.length) return lines;
  const out: PdfLine[] = [];
  let at = 0;
  for (const t of tables) {
    out.push(...lines.slice(at, t.from));
    const first = lines[t.from];
    for (const row of t.rows) out.push({ ...first, text: row, segments: [], tableRow: true });
    at = t.to;
  }
  out.push(...lines.slice(at));
  return out;
}

// ---------------------------------------------------------------- reader

export interface PdfOptions {
  /** Give up on a PDF that takes longer than this to parse (malformed or hostile files). */
  timeoutMs?: number;
}

interface WorkerPage {
  height: number;
  glyphs: Glyph[];
  /** Thin drawn paths: table borders. */
  rules?: Rule[];
}

/** An error pdfjs raised while parsing (as opposed to the worker itself failing). */
class PdfJsError extends Error {}
class PdfTimeout extends Error {}

// One long-lived worker: starting it costs ~0.3 s (loading pdfjs). It is unref'd
// while idle so it never keeps a CLI process alive, and replaced after a timeout.
let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<
  number,
  { resolve: (r: { pages: WorkerPage[] }) => void; reject: (e: Error) => void }
>();

function rejectAll(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL("./pdf-worker.mjs", import.meta.url), {
    // No inherited loader flags (tsx): pdfjs must load natively. A memory cap
    // makes a hostile PDF kill the worker, not the server.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: 1536 },
  });
  w.on(
    "message",
    (msg: { id: number; result?: { pages: WorkerPage[] }; error?: { name: string; message: string } }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (pending.size === 0) w.unref();
      if (msg.error) {
        const error = new PdfJsError(msg.error.message);
        error.name = msg.error.name;
        p.reject(error);
      } else if (msg.result) p.resolve(msg.result);
    },
  );
  w.on("error", (error) => {
    if (worker === w) worker = null;
    rejectAll(error);
  });
  w.on("exit", (code) => {
    if (worker === w) worker = null;
    rejectAll(new Error(`PDF worker exited with code ${code}`));
  });
  w.unref();
  worker = w;
  return w;
}

function glyphsInWorker(bytes: Uint8Array, timeoutMs: number): Promise<{ pages: WorkerPage[] }> {
  const w = getWorker();
  const id = nextId++;
  // A copy is transferred, so the caller's buffer stays usable.
  const copy = new Uint8Array(bytes);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new PdfTimeout("timeout"));
      // pdfjs cannot be interrupted: end the worker (and whatever else it was doing).
      if (worker === w) worker = null;
      void w.terminate();
    }, timeoutMs);
    pending.set(id, {
      resolve: (r) => {
        clearTimeout(timer);
        resolve(r);
      },
      reject: (e) => {
        clearTimeout(timer);
        reject(e);
      },
    });
    w.ref();
    w.postMessage({ id, bytes: copy }, [copy.buffer]);
  });
}

/** Ends the PDF worker (tests, graceful shutdown); the next read starts a new one. */
export async function closePdfWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}

function noText(): never {
  return fail(
    "pdf_no_text",
    "Tệp PDF không có lớp chữ (có thể là bản scan), cần nhận dạng ký tự (OCR) trước khi nhập.",
    "The PDF has no text layer (probably a scan); it needs OCR (optical character recognition) before it can be imported.",
  );
}

function corruptPdf(detailEn: string): never {
  return fail(
    "corrupt_file",
    "Tệp PDF bị hỏng hoặc không đúng cấu trúc PDF, không đọc được. Hãy xuất lại PDF từ tài liệu gốc.",
    `The PDF is corrupt or not a valid PDF and cannot be read (${detailEn}). Export the PDF again from the original document.`,
  );
}

export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<string> {
  let pages: WorkerPage[];
  try {
    ({ pages } = await glyphsInWorker(bytes, options.timeoutMs ?? 90_000));
  } catch (error) {
    if (isPlanExtractError(error)) throw error;
    if (error instanceof PdfTimeout) corruptPdf("parsing took too long");
    const { name = "", message = String(error), code } = error as Error & { code?: string };
    if (name === "PasswordException") {
      fail(
        "corrupt_file",
        "Tệp PDF được đặt mật khẩu (mã hóa), không đọc được. Hãy gỡ mật khẩu hoặc xuất lại bản PDF không mã hóa rồi nhập lại.",
        "The PDF is password-protected (encrypted) and cannot be read. Remove the password or export an unencrypted PDF and re-import.",
      );
    }
    if (code === "ERR_WORKER_OUT_OF_MEMORY") corruptPdf("it needs too much memory to parse");
    if (error instanceof PdfJsError) corruptPdf(message);
    throw error;
  }
  if (pages.length < 1) corruptPdf("no pages");

  let visibleChars = 0;
  let unreadableChars = 0;
  const lines: PdfLine[][] = [];
  pages.forEach((page, i) => {
    for (const g of page.glyphs) {
      if (isSpaceChar(g.ch)) continue;
      visibleChars += g.ch.length;
      // Fonts without a Unicode map come out as private-use or control characters.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters mark unmapped glyphs
      if (/[\uE000-\uF8FF\u0000-\u001F\uFFFD]/u.test(g.ch)) unreadableChars += g.ch.length;
    }
    lines.push(linesOfGlyphs(page.glyphs, i + 1));
  });
  if (visibleChars < 20) noText();
  if (unreadableChars > visibleChars * 0.3) {
    fail(
      "pdf_no_text",
      "Tệp PDF không có lớp chữ đọc được (phông chữ không có bảng mã Unicode), cần nhận dạng ký tự (OCR) hoặc xuất lại PDF từ tài liệu gốc trước khi nhập.",
      "The PDF has no readable text layer (its fonts have no Unicode mapping); it needs OCR, or a fresh export from the original document, before it can be imported.",
    );
  }
  let carry: Carry | null = null;
  const paragraphs = paragraphsOfLines(
    dropFootnotes(
      dropPageFurniture(
        lines,
        pages.map((p) => p.height),
      ),
    ).map((pageLines, p) => {
      const r = withTables(pageLines, pages[p].rules ?? [], carry);
      carry = r.carry;
      return r.lines;
    }),
  );
  const text = cleanText(paragraphs.join("\n\n")).trim();
  if (!text) noText();
  return `${text}\n`;
}
