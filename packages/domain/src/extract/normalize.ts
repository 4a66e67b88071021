// Turns raw plan text into paragraphs ("blocks"): NFC, PDF line wraps joined, page
// numbers, running headers, hyperlink artifacts and footnotes removed. Every block keeps
// a map from its text back to offsets in the normalised source, so items can point at
// where they came from.
import { type FoundTable, findTables, type TableCell, tableKind, taskRow } from "./tables.ts";
import { gluedFootnoteNumbers, isAllCaps, isLowerStart } from "./text-utils.ts";
import type { ExtractedTable, SourceSpan, TableColumnRole } from "./types.ts";

export interface Line {
  text: string;
  start: number;
  end: number;
}

/** A paragraph: its joined text and a word-level map back to the source. */
export interface Block {
  text: string;
  start: number;
  end: number;
  /** segStarts[i] is where segment i begins in `text`; segSrc[i] where it begins in the source. */
  segStarts: number[];
  segSrc: number[];
  /** A row of a task table: the block's text is the task cell, these are the other cells. */
  cells?: {
    lead: string | null;
    coord: string | null;
    deadline: string | null;
    /** The group row above it ("I. CHÍNH QUYỀN SỐ"), if any. */
    group?: string | null;
    /** The table and row it came from. */
    ref?: { table: string; row: number };
  };
}

/** A table found in the text, with where it sits among the blocks. */
export interface NormTable {
  found: FoundTable;
  extracted: ExtractedTable;
  /** Number of blocks before it: blocks[anchor - 1] is the paragraph just above. */
  anchor: number;
}

export interface Normalized {
  sourceText: string;
  blocks: Block[];
  /** Footnote bodies taken out of the text. */
  footnotes: Block[];
  paragraphMode: boolean;
  tables: NormTable[];
}

/** NFC, LF line ends, odd spaces turned into plain spaces (length-preserving after NFC). */
export function normalizeSource(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\f\v\u2028\u2029]/g, "\n")
    .replace(/[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, " ")
    .replace(/[\u200b-\u200d\ufeff\u00ad]/g, " ");
}

const HEADING_START =
  /^(?:(?:PHẦN|Phần)\s+[IVX]+\b|[IVXL]{1,6}[./)]\s|\d{1,2}(?:\.\d{1,2}){0,3}[.)]\s|\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\s|[a-zđ][)]\s)/u;
const BULLET_START = /^[-–—•+*∙·]\s+/u;
const PAGE_NUMBER = /^(?:[-–]\s*)?(?:trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*[-–])?$/iu;
const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/iu;
const TERMINAL = /(?:[.;:!?…]|\.\/\.)["”)]*$/u;

function splitLines(src: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  while (pos <= src.length) {
    let nl = src.indexOf("\n", pos);
    if (nl < 0) nl = src.length;
    let s = pos;
    let e = nl;
    while (s < e && src.charCodeAt(s) === 32) s++;
    while (e > s && src.charCodeAt(e - 1) === 32) e--;
    if (e > s) out.push({ text: src.slice(s, e), start: s, end: e });
    pos = nl + 1;
  }
  return out;
}

function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

class BlockBuilder {
  text = "";
  start = -1;
  end = -1;
  segStarts: number[] = [];
  segSrc: number[] = [];
  lines: Line[] = [];

  /** Appends a line word by word; `glue` joins without a space (a hyphenated number split by a wrap). */
  add(line: Line, glue: boolean, notes: Set<number>): void {
    if (this.start < 0) this.start = line.start;
    this.end = line.end;
    this.lines.push(line);
    const re = /\S+/g;
    let m: RegExpExecArray | null;
    let first = true;
    for (m = re.exec(line.text); m !== null; m = re.exec(line.text)) {
      if (this.text.length > 0 && !(first && glue)) this.text += " ";
      const word = m[0];
      const src = line.start + m.index;
      // "toàn trình1." → "toàn trình.": drop a footnote marker glued to the word.
      const fm = notes.size ? /^(.*\p{Ll}\p{Ll})(\d{1,2})([.,;:)]*)$/u.exec(word) : null;
      if (fm && notes.has(Number(fm[2]))) {
        this.segStarts.push(this.text.length);
        this.segSrc.push(src);
        this.text += fm[1];
        if (fm[3]) {
          this.segStarts.push(this.text.length);
          this.segSrc.push(src + fm[1].length + fm[2].length);
          this.text += fm[3];
        }
      } else {
        this.segStarts.push(this.text.length);
        this.segSrc.push(src);
        this.text += word;
      }
      first = false;
    }
  }

  build(): Block {
    return {
      text: this.text,
      start: this.start,
      end: this.end,
      segStarts: this.segStarts,
      segSrc: this.segSrc,
    };
  }
}

/** Maps an offset in a block's text to the source offset. */
export function blockToSource(block: Block, offset: number): number {
  const { segStarts, segSrc } = block;
  if (!segStarts.length) return block.start;
  let lo = 0;
  let hi = segStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  const delta = Math.max(0, offset - segStarts[lo]);
  return Math.min(block.end, segSrc[lo] + delta);
}

/** Source span of [from, to) of a block's text. */
export function blockSpan(block: Block, from = 0, to = block.text.length): { start: number; end: number } {
  if (to <= from) return { start: blockToSource(block, from), end: blockToSource(block, from) };
  return { start: blockToSource(block, from), end: blockToSource(block, to - 1) + 1 };
}

/** A sub-block: the same map, restricted to [from, to) of the text. */
export function sliceBlock(block: Block, from: number, to: number): Block {
  const text = block.text.slice(from, to);
  const segStarts: number[] = [];
  const segSrc: number[] = [];
  for (let i = 0; i < block.segStarts.length; i++) {
    const s = block.segStarts[i];
    const next = i + 1 < block.segStarts.length ? block.segStarts[i + 1] : block.text.length;
    if (next <= from || s >= to) continue;
    const clip = Math.max(s, from);
    segStarts.push(clip - from);
    segSrc.push(block.segSrc[i] + (clip - s));
  }
  const span = blockSpan(block, from, to);
  return { text, start: span.start, end: span.end, segStarts, segSrc };
}

/**
 * A footnote at a page's foot written as its marker on a line of its own, its text below
 * and then the page number ("1" / "Phường … được thành lập …" / "2"): the lines of each.
 */
function standaloneFootnotes(lines: Line[], glued: Set<number>): Line[][] {
  const notes: Line[][] = [];
  for (let i = 0; i + 2 < lines.length; i++) {
    const marker = /^(\d{1,2})$/u.exec(lines[i].text);
    if (!marker || !glued.has(Number(marker[1]))) continue;
    const body: Line[] = [];
    let j = i + 1;
    for (; j < lines.length && j <= i + 5; j++) {
      const t = lines[j].text;
      if (PAGE_NUMBER.test(t) || BULLET_START.test(t) || HEADING_START.test(t)) break;
      body.push(lines[j]);
    }
    if (!body.length || !/^\p{Lu}/u.test(body[0].text) || !PAGE_NUMBER.test(lines[j]?.text ?? "")) continue;
    notes.push([lines[i], ...body]);
    i = j - 1;
  }
  return notes;
}

/** Footnote numbers: a digit glued to a word ("toàn trình1.") and a body starting with that number. */
function findFootnoteNumbers(lines: Line[], src: string): Set<number> {
  const glued = gluedFootnoteNumbers(src);
  const found = new Set<number>();
  if (!glued.size) return found;
  for (const l of lines) {
    const b = /^(\d{1,2}) \p{Lu}/u.exec(l.text);
    if (b && glued.has(Number(b[1]))) found.add(Number(b[1]));
    const inline = /[.;] (\d{1,2}) \p{Lu}\p{Ll}/gu;
    let im: RegExpExecArray | null;
    for (im = inline.exec(l.text); im !== null; im = inline.exec(l.text))
      if (glued.has(Number(im[1]))) found.add(Number(im[1]));
  }
  return found;
}

/** Source span of a cell, or null when its lines are not known. */
function cellSpan(c: TableCell | null): SourceSpan | null {
  if (!c?.lines.length) return null;
  const last = c.lines.length - 1;
  const start = c.lines[0].start + (c.offsets[0] ?? 0);
  const end = last === 0 ? start + c.text.length : c.lines[last].end;
  return { start, end: Math.max(start, Math.min(end, c.lines[last].end)) };
}

/** The review screen's view of a table: columns and every cell's place in the source. */
function extractedTable(id: string, t: FoundTable, lines: Line[]): ExtractedTable {
  const rows = t.rows.map((r) => {
    const cells = r.cells.map(cellSpan);
    const spans = cells.filter((c): c is SourceSpan => c !== null);
    const source = spans.length
      ? { start: Math.min(...spans.map((c) => c.start)), end: Math.max(...spans.map((c) => c.end)) }
      : { start: lines[t.from].start, end: lines[t.from].start };
    return r.group ? { source, cells, group: true } : { source, cells };
  });
  return {
    id,
    kind: t.kind,
    source: { start: lines[t.from].start, end: lines[Math.max(t.from, t.to - 1)].end },
    columns: t.columns.map((c) => ({ header: c.header, role: c.role, year: c.year })),
    rows,
  };
}

/** A task table's row as a block: the task cell's text mapped to its lines, the other cells attached. */
function rowBlock(t: FoundTable, k: number, id: string, group: string | null): Block | null {
  const row = taskRow(t, t.rows[k]);
  if (!row.task?.text) return null;
  const b = new BlockBuilder();
  const none = new Set<number>();
  row.task.lines.forEach((l, n) => {
    const at = row.task?.offsets[n] ?? 0;
    const text = n === 0 && row.task && row.task.lines.length === 1 ? row.task.text : l.text.slice(at);
    b.add({ text, start: l.start + at, end: l.start + at + text.length }, false, none);
  });
  return {
    ...b.build(),
    cells: { lead: row.lead, coord: row.coord, deadline: row.deadline, group, ref: { table: id, row: k } },
  };
}

/** Applies the reviewer's column roles to a table found in the text. */
function withRoles(t: FoundTable, roles: Record<number, TableColumnRole> | undefined): FoundTable {
  if (!roles) return t;
  const columns = t.columns.map((c, k) => (roles[k] ? { ...c, role: roles[k] } : c));
  return { ...t, columns, kind: tableKind(columns, "") };
}

export function normalizeText(
  raw: string,
  columnRoles: Record<string, Record<number, TableColumnRole>> = {},
): Normalized {
  const sourceText = normalizeSource(raw);
  let lines = splitLines(sourceText);
  // Task tables are read first, from the text with its tabs (the source turns them into spaces).
  const tabbed = raw
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\f\v\u2028\u2029]/g, "\n");
  const tableAt = new Map<Line, { blocks: Block[]; table: NormTable }>();
  const inTable = new Set<Line>();
  const tables: NormTable[] = [];
  if (tabbed.length === sourceText.length) {
    const blankBefore = (k: number) =>
      k > 0 && k < lines.length && /\n[ \t]*\n/u.test(sourceText.slice(lines[k - 1].end, lines[k].start));
    for (const found of findTables(lines, (l) => tabbed.slice(l.start, l.end), blankBefore)) {
      const id = `tbl-${tables.length + 1}`;
      const t = withRoles(found, columnRoles[id]);
      const table: NormTable = { found: t, extracted: extractedTable(id, t, lines), anchor: 0 };
      tables.push(table);
      // Tables other than tasks and targets stay in the text as lines.
      if (t.kind !== "tasks" && t.kind !== "targets") continue;
      const rows: Block[] = [];
      let group: string | null = null;
      t.rows.forEach((r, k) => {
        if (r.group) {
          group = r.cells
            .map((c) => c?.text ?? "")
            .filter(Boolean)
            .join(". ");
          return;
        }
        if (t.kind !== "tasks") return;
        const b = rowBlock(t, k, id, group);
        if (b) rows.push(b);
      });
      for (let k = t.from; k < t.to; k++) inTable.add(lines[k]);
      tableAt.set(lines[t.from], { blocks: rows, table });
    }
  }

  const pageFootnotes = standaloneFootnotes(lines, gluedFootnoteNumbers(sourceText));
  const inFootnote = new Set(pageFootnotes.flat());
  // Running headers and footers: the same short, capitalised line on several pages.
  const counts = new Map<string, number>();
  for (const l of lines) if (l.text.length <= 100) counts.set(l.text, (counts.get(l.text) ?? 0) + 1);
  lines = lines.filter((l) => {
    if (tableAt.has(l)) return true;
    if (inTable.has(l) || inFootnote.has(l)) return false;
    if (PAGE_NUMBER.test(l.text)) return false;
    const n = counts.get(l.text) ?? 0;
    if (
      n >= 3 &&
      l.text.length <= 60 &&
      !isLowerStart(l.text) &&
      !BULLET_START.test(l.text) &&
      !HEADING_START.test(l.text) &&
      !TERMINAL.test(l.text) &&
      l.text.length > 3
    )
      return false;
    return true;
  });

  const lengths = lines.map((l) => l.text.length).filter((n) => n >= 20);
  const width = Math.max(40, percentile(lengths, 0.8));
  // A .docx or re-flowed text has one paragraph per line: nothing to de-wrap.
  const paragraphMode = percentile(lengths, 0.75) > 150;

  const footnoteNumbers = findFootnoteNumbers(lines, sourceText);
  for (const note of pageFootnotes) footnoteNumbers.add(Number(note[0].text));

  const blocks: Block[] = [];
  const footnotes: Block[] = pageFootnotes.map((note) => {
    const b = new BlockBuilder();
    for (const l of note.slice(1)) b.add(l, false, footnoteNumbers);
    return b.build();
  });
  let cur: BlockBuilder | null = null;
  let curIsBullet = false;
  let curIsHeading = false;

  const flush = () => {
    if (cur?.text) {
      const b = cur.build();
      const fm = /^(\d{1,2}) \p{Lu}/u.exec(b.text);
      if (fm && footnoteNumbers.has(Number(fm[1]))) footnotes.push(b);
      else blocks.push(...splitGluedHeading(cutInlineFootnote(b, footnoteNumbers, footnotes), paragraphMode));
    }
    cur = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = line.text.trim();
    if (!t) continue;
    const table = tableAt.get(line);
    if (table) {
      flush();
      table.table.anchor = blocks.length;
      blocks.push(...table.blocks);
      continue;
    }
    // A lone URL inside a sentence is a hyperlink artifact from the PDF.
    if (URL_ONLY.test(t) && cur) {
      const prevLine = cur.lines[cur.lines.length - 1];
      const next = lines[i + 1]?.text ?? "";
      if (!TERMINAL.test(prevLine.text) && isLowerStart(next)) continue;
    }
    if (!cur) {
      cur = new BlockBuilder();
      cur.add(line, false, footnoteNumbers);
      curIsBullet = BULLET_START.test(t);
      curIsHeading = HEADING_START.test(t);
      continue;
    }
    const prev: Line = cur.lines[cur.lines.length - 1];
    const decision = joinDecision(prev.text, t, { paragraphMode, width, curIsBullet, curIsHeading });
    if (decision === "break") {
      flush();
      cur = new BlockBuilder();
      cur.add(line, false, footnoteNumbers);
      curIsBullet = BULLET_START.test(t);
      curIsHeading = HEADING_START.test(t);
    } else {
      // "…/UBND-" + "KGVX": a document number split by the wrap.
      const glue = /[\p{L}\d]-$/u.test(prev.text) && !/\s-$/u.test(prev.text);
      cur.add(line, glue, footnoteNumbers);
    }
  }
  flush();
  return { sourceText, blocks, footnotes, paragraphMode, tables };
}

/**
 * "1. Đẩy mạnh công tác truyền thông, … doanh nghiệp Kết hợp thông tin …." — a heading
 * glued to its first paragraph when paragraphs were re-joined. Split where a capitalised
 * word follows a lower-case one, the heading part has no punctuation end and the rest
 * is a long sentence.
 */
function splitGluedHeading(b: Block, paragraphMode: boolean): Block[] {
  if (!paragraphMode) return [b];
  const mk = /^(?:[IVXL]{1,6}[.)]|\d{1,2}(?:\.\d{1,2}){0,2}[.)]?|[a-zđ]\))\s+/u.exec(b.text);
  if (!mk || !TERMINAL.test(b.text) || b.text.length > 2000) return [b];
  const re = /(\p{Ll}) (\p{Lu}\p{Ll}+)(?= )/gu;
  re.lastIndex = mk[0].length;
  let m: RegExpExecArray | null;
  for (m = re.exec(b.text); m !== null; m = re.exec(b.text)) {
    const cut = m.index + 1;
    const head = b.text.slice(mk[0].length, cut);
    if (/[.;:!?]/u.test(head)) return [b];
    // "… các Doanh nghiệp", "… trước Chủ tịch": a name inside the sentence, not a new one.
    if (
      /(?:^|\s)(?:các|của|và|với|cho|tại|trước|theo|về|những|là|tới|đến|như|từ|trong|bởi|do|sự|ngày|để|giữa|thuộc)\s*$/u.test(
        head,
      )
    )
      continue;
    // A proper name ("Trưởng Ban Chỉ đạo", "Sở Y tế") is not a sentence start.
    if (!/(?:^|\s)\p{Ll}+$/u.test(head) || /^\S+\s+\p{Lu}/u.test(b.text.slice(cut + 1))) continue;
    const headWords = head.trim().split(/\s+/u).length;
    const rest = b.text.slice(cut + 1);
    if (headWords >= 5 && rest.split(/\s+/u).length >= 12)
      return [sliceBlock(b, 0, cut), sliceBlock(b, cut + 1, b.text.length)];
  }
  return [b];
}

/** In re-flowed text a footnote body can trail the paragraph that holds its marker. */
function cutInlineFootnote(b: Block, notes: Set<number>, footnotes: Block[]): Block {
  if (!notes.size) return b;
  const re = /[.;] (\d{1,2}) \p{Lu}\p{Ll}/gu;
  let m: RegExpExecArray | null;
  for (m = re.exec(b.text); m !== null; m = re.exec(b.text)) {
    if (notes.has(Number(m[1]))) {
      const cut = m.index + 1;
      footnotes.push(sliceBlock(b, cut + 1, b.text.length));
      return sliceBlock(b, 0, cut);
    }
  }
  return b;
}

/** A task's attribute line: its deadline, lead or coordinators ("Thời hạn hoàn thành:", "Chủ trì:"). */
const ATTRIBUTE_LINE_START =
  /^(?:(?:thời hạn|thời gian|tiến độ)(?:\s+(?:hoàn thành|thực hiện|triển khai))?|(?:(?:đơn vị|cơ quan)\s+)?(?:chủ trì|phối hợp)(?:\s+thực hiện)?)\s*:/iu;

interface JoinCtx {
  paragraphMode: boolean;
  width: number;
  curIsBullet: boolean;
  curIsHeading: boolean;
}

function joinDecision(prev: string, cur: string, ctx: JoinCtx): "join" | "break" {
  const prevTerminated = TERMINAL.test(prev);
  if (HEADING_START.test(cur)) return "break";
  // Header and preamble lines always start a paragraph.
  if (/^(?:KẾ HOẠCH|Số\s*:|Căn cứ\s|Thực hiện\s|Kính gửi|Nơi nhận)/u.test(cur)) return "break";
  // The upper-case header (issuing body, title) never runs into mixed-case text.
  const capsLine = (l: string) => isAllCaps(l) && /\S\s+\S/u.test(l) && !TERMINAL.test(l);
  if (prev.length <= 100 && cur.length <= 100 && capsLine(prev) !== capsLine(cur) && !isLowerStart(cur))
    return "break";
  if (BULLET_START.test(cur)) {
    // "giai đoạn năm 2021" / "- 2025, tầm nhìn": a range split at the dash, not a bullet.
    if (/^[-–]\s*\d/u.test(cur) && !prevTerminated && !ctx.curIsHeading && /\d$/u.test(prev)) return "join";
    return "break";
  }
  if (ctx.paragraphMode) return "break";
  // "Thời hạn hoàn thành: Quý I/2026." after a finished sentence is the group's own line,
  // not the sentence's wrap, however long that sentence's last line was.
  if (prevTerminated && ATTRIBUTE_LINE_START.test(cur)) return "break";
  const long = prev.length >= 0.85 * ctx.width;
  if (prevTerminated) {
    if (isLowerStart(cur)) return "join";
    if (!long) return "break";
    return ctx.curIsBullet ? "join" : "break";
  }
  if (isLowerStart(cur)) return "join";
  if (prev.length < 0.6 * ctx.width) return "break";
  // A heading's last line rarely fills the width; a capital after it starts the body.
  if (ctx.curIsHeading && !long) return "break";
  return "join";
}
