// Budget: the total in VND ("Tổng kinh phí: 1.552.020.000 đồng", "1,5 tỷ đồng"),
// funding sources as phrases, and the section's text.
import { type Block, blockSpan } from "./normalize.ts";
import { collapseSpaces, foldKeepingPunctuation } from "./text-utils.ts";
import type { Budget } from "./types.ts";

/** "2.143,5" (dots for thousands, a comma for decimals), "1,250,000", "9,6", "500". */
const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+|\d+(?:[.,]\d+)?`;
const AMOUNT_RE = new RegExp(`(${NUM})\\s*(tỷ|triệu|nghìn|ngàn)?\\s*(?:đồng|VNĐ|VND|đ)(?![\\p{L}])`, "giu");
const TOTAL_RE = new RegExp(
  `tổng(?:\\s+(?:kinh phí|cộng|dự toán|số|vốn))?[^.;\\d]{0,60}?(${NUM})\\s*(tỷ|triệu|nghìn|ngàn)?\\s*(?:đồng|VNĐ|VND|đ)(?![\\p{L}])`,
  "iu",
);

/** Parses "1.552.020.000", "1,5 tỷ", "500 triệu" into VND. */
export function parseAmount(num: string, scale: string | undefined): number | null {
  let n: number;
  if (/^\d{1,3}(?:\.\d{3})+,\d+$/u.test(num)) n = Number(num.replace(/\./g, "").replace(",", "."));
  else if (/^\d{1,3}(?:[.,]\d{3})+$/u.test(num) && !scale) n = Number(num.replace(/[.,]/g, ""));
  else if (/^\d{1,3}(?:\.\d{3})+$/u.test(num)) n = Number(num.replace(/\./g, ""));
  else n = Number(num.replace(",", "."));
  if (!Number.isFinite(n)) return null;
  const mult = scale ? ({ tỷ: 1e9, triệu: 1e6, nghìn: 1e3, ngàn: 1e3 }[scale.toLowerCase() as "tỷ"] ?? 1) : 1;
  return Math.round(n * mult);
}

const SOURCE_PATTERNS: RegExp[] = [
  /ngân sách (?:nhà nước|trung ương|tỉnh|huyện|xã|địa phương|cấp (?:tỉnh|huyện|xã))/giu,
  /xã hội hó?a/giu,
  /nguồn (?:vốn|kinh phí|chi|ngân sách)[^.,;()]{0,60}/giu,
  /(?:các )?nguồn (?:vốn )?hợp pháp khác/giu,
  /vốn (?:đầu tư công|sự nghiệp|ODA|vay)[^.,;()]{0,30}/giu,
];

export function extractBudget(blocks: Block[], allBlocks: Block[]): Budget {
  const text = collapseSpaces(blocks.map((b) => b.text.replace(/^[-–+•*]\s*/u, "")).join(" "));
  let total: number | null = null;
  let confidence = 0.5;
  const find = (list: Block[]): number | null => {
    for (const b of list) {
      const m = TOTAL_RE.exec(b.text);
      if (m) return parseAmount(m[1], m[2]);
      // "Tổng kinh phí … giai đoạn 2021-2025 dự kiến 1.250 tỷ đồng": the first amount after "tổng".
      const t = /tổng(?:\s+(?:kinh phí|cộng|dự toán|số|vốn))/iu.exec(b.text);
      if (t) {
        const tail = b.text.slice(t.index, t.index + 200).split(/[.;](?:\s|$)/u)[0];
        AMOUNT_RE.lastIndex = 0;
        const a = AMOUNT_RE.exec(tail);
        if (a) return parseAmount(a[1], a[2]);
      }
    }
    return null;
  };
  total = find(blocks);
  if (total != null) confidence = 0.9;
  else {
    const amounts: number[] = [];
    for (const b of blocks) {
      AMOUNT_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      for (m = AMOUNT_RE.exec(b.text); m !== null && amounts.length < 50; m = AMOUNT_RE.exec(b.text)) {
        const v = parseAmount(m[1], m[2]);
        if (v != null && v >= 1000) amounts.push(v);
      }
    }
    if (amounts.length === 1) {
      total = amounts[0];
      confidence = 0.7;
    } else if (!blocks.length) {
      total = find(allBlocks);
      if (total != null) confidence = 0.6;
    }
  }
  const sources: string[] = [];
  const seen = new Set<string>();
  for (const re of SOURCE_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    for (m = re.exec(text); m !== null; m = re.exec(text)) {
      const s = m[0]
        .replace(/\s+(?:và|kết hợp|hoặc)\s.*$/u, "")
        .replace(/[\s,;:]+$/u, "")
        .trim();
      const f = foldKeepingPunctuation(s);
      if (!s || [...seen].some((x) => x.includes(f) || f.includes(x))) continue;
      seen.add(f);
      sources.push(s.charAt(0).toLowerCase() + s.slice(1));
    }
  }
  const source = blocks.length ? { start: blocks[0].start, end: blocks[blocks.length - 1].end } : null;
  void blockSpan;
  return { total, currency: "VND", sources, text: text || null, source, confidence };
}
