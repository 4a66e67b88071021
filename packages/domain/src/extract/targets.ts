// Targets: one per figure. A bullet is cut into sentences, sentences into ";" clauses,
// and a clause holding several figures into one part per figure. Clauses without a
// figure become qualitative targets (value null).
import { type Block, blockSpan } from "./normalize.ts";
import { foldKeepingPunctuation } from "./text-utils.ts";
import type { Comparator, Target } from "./types.ts";

/** Unit words a bare number may carry to be a target figure ("40 Mbps", "05 mô hình"). */
const COUNT_UNITS = [
  "Mbps",
  "Gbps",
  "Kbps",
  "mô hình",
  "xã",
  "hồ sơ",
  "doanh nghiệp",
  "tài khoản",
  "người",
  "hộ",
  "điểm",
  "cơ sở",
  "sản phẩm",
  "lớp",
  "buổi",
  "lượt",
  "cuộc",
  "hệ thống",
  "ứng dụng",
  "nền tảng",
  "cơ sở dữ liệu",
  "dịch vụ",
  "thủ tục",
  "trạm",
  "camera",
  "tỷ đồng",
  "triệu đồng",
  "thuê bao",
  "hợp tác xã",
  "trường",
  "thôn",
  "ấp",
  "tổ",
  "đơn vị",
  "chỉ tiêu",
  "bài",
  "tin",
  "khu dân cư",
  "bộ dữ liệu",
]
  // Longest first, so "khu dân cư" is not cut short.
  .sort((a, b) => b.length - a.length);
/** Words before a bare number that make it a quantity to reach. */
const QUANTITY_BEFORE =
  /(?:ít nhất|tối thiểu|tối đa|không quá|trên|hơn|đạt|phấn đấu|thêm|mới|có|khoảng|tăng|giảm|xây dựng|phát triển|hỗ trợ|tổ chức|đào tạo|cấp)\s*$/iu;
/** A time limit: "tối đa 24 giờ", "không quá 15 phút", "trong vòng 02 ngày làm việc". */
const LIMIT_BEFORE = /(?:tối đa|không quá|dưới|trong vòng)\s*$/iu;
const DURATION_AFTER = /^\s*(giờ|phút|ngày làm việc)(?![\p{L}])/u;
/** Nouns after a number that do not count things to reach. */
const NOT_A_UNIT = new Set([
  "năm",
  "tháng",
  "ngày",
  "quý",
  "tuần",
  "giờ",
  "phút",
  "tuổi",
  "lần",
  "bậc",
  "hạng",
  "mức",
  "cấp",
  "độ",
  "và",
  "hoặc",
  "đến",
  "trở",
]);
const COUNT_RE = new RegExp(`^\\s*(${COUNT_UNITS.join("|")})(?![\\p{L}])`, "u");
const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?`;
const FIGURE_RE = new RegExp(`(?<![\\p{L}\\d/.,-])(${NUM})(\\s*%)?`, "gu");

export interface Figure {
  index: number;
  end: number;
  value: number;
  unit: string;
}

function parseNumber(s: string): number {
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/u.test(s)) return Number(s.replace(/\./g, "").replace(",", "."));
  return Number(s.replace(",", "."));
}

/** Figures in a clause: percentages, and counts with a unit word; years and dates are not figures. */
export function findFigures(text: string): Figure[] {
  const out: Figure[] = [];
  FIGURE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  for (m = FIGURE_RE.exec(text); m !== null; m = FIGURE_RE.exec(text)) {
    const value = parseNumber(m[1]);
    if (!Number.isFinite(value)) continue;
    if (m[2]) {
      out.push({ index: m.index, end: m.index + m[0].length, value, unit: "%" });
      continue;
    }
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    if (/^\s*[/-]\s*\d/u.test(after)) continue;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (/(?:năm|tháng|ngày|quý|số|mức độ|cấp độ|lớp|từ|top|thứ|giai đoạn)\s*$/iu.test(before)) continue;
    if (value >= 1900 && value <= 2100 && !/[.,]/u.test(m[1])) continue;
    const u = COUNT_RE.exec(after);
    if (u) {
      out.push({ index: m.index, end: m.index + m[0].length + u[0].length, value, unit: u[1] });
      continue;
    }
    // "tối đa 24 giờ", "không quá 15 phút": a time limit to keep is a figure too.
    const limit = DURATION_AFTER.exec(after);
    if (limit && LIMIT_BEFORE.test(before)) {
      out.push({ index: m.index, end: m.index + m[0].length + limit[0].length, value, unit: limit[1] });
      continue;
    }
    // "ít nhất 02 trang trại", "thêm 1.500 thẻ": after a word that sets a quantity, any
    // counted noun is a unit (its first syllable), except time and age words.
    if (!QUANTITY_BEFORE.test(before.slice(-24))) continue;
    const noun = /^\s+(\p{Ll}+)(?![\p{L}\d])/u.exec(after);
    if (!noun || NOT_A_UNIT.has(noun[1])) continue;
    out.push({ index: m.index, end: m.index + m[0].length + noun[0].length, value, unit: noun[1] });
  }
  return out;
}

/** Comparator from the words around a figure. */
export function comparatorFor(before: string, after: string): Comparator {
  const b = foldKeepingPunctuation(before.slice(-40));
  const a = foldKeepingPunctuation(after.slice(0, 20));
  if (/^(?:\S+\s+)?tro len/u.test(a)) return ">=";
  if (/(?:toi da|khong qua|khong vuot qua|duoi|it hon|thap hon)(?:\s+(?:khoang|muc|ty le|con))*\s*$/u.test(b))
    return "<=";
  if (/(?:tren|hon|vuot|cao hon|nhieu hon)(?:\s+(?:khoang|muc|ty le))*\s*$/u.test(b)) return ">";
  return ">=";
}

const SCOPE_RE =
  /(cấp (?:tỉnh|huyện|xã)|khu vực (?:thị trấn|xã|đô thị|nông thôn|thành thị|miền núi)|(?:thành thị|nông thôn))/u;
const YEAR_RE = /(?:đến|trước|hết|cuối|trong)\s+(?:hết\s+)?năm\s+(\d{4})|năm\s+(\d{4})|đến\s+(\d{4})/gu;

/** The year a clause names for itself ("đến hết năm 2022"), ignoring years inside quotes. */
export function yearIn(text: string): number | null {
  // Lower case: headings write "ĐẾN NĂM 2030".
  const unquoted = text.replace(/[“"][^”"]{0,400}[”"]/gu, " ").toLowerCase();
  for (const m of unquoted.matchAll(YEAR_RE)) {
    // "từ năm 2000 đến nay", "so với năm 2020": where a span starts or a baseline, not the
    // target's year ("Từ năm 2026, 100% …" alone is: from then on).
    const before = unquoted.slice(0, m.index);
    const after = unquoted.slice(m.index + m[0].length);
    if (m[2] && /so với\s+$/u.test(before)) continue;
    if (m[2] && /từ\s+$/u.test(before) && /^\s*(?:đến|tới|[-–])/u.test(after)) continue;
    const y = Number(m[1] ?? m[2] ?? m[3]);
    return y >= 2000 && y <= 2100 ? y : null;
  }
  return null;
}

interface Piece {
  from: number;
  to: number;
}

/** Sentence spans: ". " followed by a capital letter ends a sentence. */
export function splitSentences(text: string, from = 0, to = text.length): Piece[] {
  const out: Piece[] = [];
  let start = from;
  const re = /[.!?…](?=\s+["“(]?\p{Lu})/gu;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  for (m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
    // "TP. Hồ Chí Minh", "v.v. ": abbreviations are not sentence ends.
    const prevWord = /(\S+)$/u.exec(text.slice(Math.max(from, m.index - 6), m.index))?.[1] ?? "";
    if (/^(?:TP|Tp|v\.v|St|TS|ThS|PGS|GS)$/u.test(prevWord)) continue;
    out.push({ from: start, to: m.index + 1 });
    start = m.index + 1;
  }
  if (start < to) out.push({ from: start, to });
  return out.map((p) => trimPiece(text, p)).filter((p) => p.to > p.from);
}

function trimPiece(text: string, p: Piece): Piece {
  let { from, to } = p;
  while (from < to && /[\s;,:]/u.test(text[from])) from++;
  while (to > from && /[\s;,]/u.test(text[to - 1])) to--;
  return { from, to };
}

function splitOn(text: string, p: Piece, ch: string): Piece[] {
  const out: Piece[] = [];
  let depth = 0;
  let start = p.from;
  for (let i = p.from; i < p.to; i++) {
    const c = text[i];
    if (c === "(" || c === "“") depth++;
    else if ((c === ")" || c === "”") && depth > 0) depth--;
    else if (c === ch && depth === 0) {
      out.push({ from: start, to: i });
      start = i + 1;
    }
  }
  out.push({ from: start, to: p.to });
  return out.map((x) => trimPiece(text, x)).filter((x) => x.to > x.from);
}

export interface TargetContext {
  pillar: Target["pillar"];
  pillarFromHeading: boolean;
  year: number | null;
  section: string | null;
}

/** Drops a "Về …:" lead-in label; a label that is the subject stays ("Nền tảng X: Kết nối…"). */
function labelEnd(text: string, from: number, to: number): number {
  const m = /^Về\s[^:;.]{1,80}:\s*/u.exec(text.slice(from, Math.min(to, from + 100)));
  return m ? from + m[0].length : from;
}

/** Targets of one item block (bullet or paragraph); `bodyStart` skips the bullet marker. */
export function targetsFromBlock(
  block: Block,
  bodyStart: number,
  ctx: TargetContext,
  nextId: () => string,
): Target[] {
  const text = block.text;
  const out: Target[] = [];
  const start = labelEnd(text, bodyStart, text.length);
  const baseConf = ctx.pillarFromHeading ? 0.9 : 0.7;
  const make = (
    from: number,
    to: number,
    f: Figure | null,
    clauseFrom: number,
    clauseTo: number,
    scope: string | null,
    conf: number,
    subject = "",
  ) => {
    let t = (subject + text.slice(from, to).trim()).replace(/[;,:]+$/u, "").trim();
    // A parenthetical exception at the end is not part of what is measured.
    t = t.replace(/\s*\((?:trừ|ngoại trừ|không bao gồm)[^)]*\)\s*(?=\.?$)/u, "");
    const own = yearIn(text.slice(from, to)) ?? yearIn(text.slice(clauseFrom, clauseTo));
    out.push({
      id: nextId(),
      pillar: ctx.pillar,
      text: t,
      value: f ? f.value : null,
      unit: f ? f.unit : null,
      comparator: f ? comparatorFor(text.slice(clauseFrom, f.index), text.slice(f.end, clauseTo)) : null,
      year: own ?? ctx.year,
      scope,
      section: ctx.section,
      source: blockSpan(block, from, to),
      confidence: Math.max(0.1, conf),
    });
  };
  for (const sentence of splitSentences(text, start, text.length)) {
    const figsInSentence = findFigures(text.slice(sentence.from, sentence.to));
    if (!figsInSentence.length) {
      make(sentence.from, sentence.to, null, sentence.from, sentence.to, null, baseConf - 0.1);
      continue;
    }
    for (const clause of splitOn(text, sentence, ";")) {
      const cText = text.slice(clause.from, clause.to);
      let figs = findFigures(cText).map((f) => ({
        ...f,
        index: f.index + clause.from,
        end: f.end + clause.from,
      }));
      if (!figs.length) {
        make(clause.from, clause.to, null, clause.from, clause.to, null, baseConf - 0.1);
        continue;
      }
      // "từ 40% lên 60%": the figure to reach is the last one.
      figs = figs.filter((f, i) => {
        const next = figs[i + 1];
        return !(next && /^\s*(?:lên|đến|tới|-|–)\s*$/u.test(text.slice(f.end, next.index)));
      });
      if (figs.length === 1) {
        make(clause.from, clause.to, figs[0], clause.from, clause.to, null, baseConf);
        continue;
      }
      // Several figures: cut at the last ", " / " và " before each figure after the first.
      const cuts: number[] = [clause.from];
      for (let i = 1; i < figs.length; i++) {
        const between = text.slice(figs[i - 1].end, figs[i].index);
        const re = /,\s+|\s+và\s+|\s+hoặc\s+/gu;
        let last = -1;
        let lastLen = 0;
        let mm: RegExpExecArray | null;
        for (mm = re.exec(between); mm !== null; mm = re.exec(between)) {
          last = mm.index;
          lastLen = mm[0].length;
        }
        cuts.push(last >= 0 ? figs[i - 1].end + last + lastLen : figs[i].index);
      }
      cuts.push(clause.to);
      const parts = figs.map((f, i) => ({ f, from: cuts[i], to: cuts[i + 1] }));
      // "Tỷ lệ hồ sơ …: năm 2026 đạt 65%, năm 2028 đạt 80%": what is measured is named once,
      // before the colon, and each later part measures it too.
      const colon = text.lastIndexOf(":", figs[0].index);
      const subject = colon > clause.from && colon < cuts[1] ? `${text.slice(clause.from, colon + 1)} ` : "";
      for (const [i, p] of parts.entries()) {
        const partText = text.slice(p.from, p.to);
        const words = foldKeepingPunctuation(partText).split(/\s+/u).filter(Boolean).length;
        const scopeM = SCOPE_RE.exec(partText);
        const scope = scopeM ? scopeM[1] : null;
        if (i > 0 && subject) {
          make(p.from, p.to, p.f, p.from, p.to, scope, baseConf - 0.05, subject);
          continue;
        }
        // A part too short to stand alone keeps the whole clause as its text.
        const [from, to] = words >= 5 ? [p.from, p.to] : [clause.from, clause.to];
        make(from, to, p.f, clause.from, clause.to, scope, baseConf - 0.05);
      }
    }
  }
  return out;
}

/** A target cell's figure: "≥ 80", "> 90", "≤ 0,5", "Top 20", "100"; null for "-" or text. */
export function cellFigure(cell: string): { value: number; comparator: Comparator } | null {
  const t = cell.trim();
  const m = new RegExp(
    `^(≥|>=|>|≤|<=|<|=|trên|dưới|tối thiểu|tối đa|ít nhất|không quá|đạt)?\\s*(top|nhóm)?\\s*(${NUM})\\s*(%)?`,
    "iu",
  ).exec(t);
  if (!m) return null;
  const value = parseNumber(m[3]);
  if (!Number.isFinite(value)) return null;
  const op = (m[1] ?? "").toLowerCase();
  let comparator: Comparator = ">=";
  if (m[2]) comparator = "<=";
  else if (op === ">" || op === "trên") comparator = ">";
  else if (op === "<") comparator = "<";
  else if (["≤", "<=", "dưới", "tối đa", "không quá"].includes(op)) comparator = "<=";
  return { value, comparator };
}

export interface TableTargetRow {
  text: string;
  unit: string | null;
  pillar: Target["pillar"];
  pillarFromHeading: boolean;
  section: string | null;
  /** Year cells: the cell's text, its column's year and place. */
  cells: Array<{ text: string; year: number; column: number; source: { start: number; end: number } }>;
  row: number;
  table: string;
  source: { start: number; end: number };
}

/** One target per year cell with a figure; "-" and empty cells give none. */
export function targetsFromTableRow(r: TableTargetRow, nextId: () => string): Target[] {
  const out: Target[] = [];
  // Without a unit column: "(%)" / "(Mbps)" in the indicator, and a rate ("Tỷ lệ …") is a percentage.
  const inText = /\(([^()]{1,20})\)\s*$/u.exec(r.text)?.[1] ?? (/^tỷ lệ(?=\s)/iu.test(r.text) ? "%" : null);
  const given = r.unit ?? inText;
  const unit = given ? (given.trim() === "%" ? "%" : given.trim().toLowerCase()) : null;
  for (const c of r.cells) {
    const f = cellFigure(c.text);
    if (!f) continue;
    out.push({
      id: nextId(),
      pillar: r.pillar,
      text: r.text,
      value: f.value,
      unit: /%/u.test(c.text) ? "%" : unit,
      comparator: f.comparator,
      year: c.year,
      scope: null,
      section: r.section,
      source: c.source,
      confidence: r.pillarFromHeading ? 0.9 : 0.7,
      cell: { table: r.table, row: r.row, column: c.column },
    });
  }
  return out;
}
