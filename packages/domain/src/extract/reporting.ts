// Reporting regime: "định kỳ hàng quý (trước ngày 15 của tháng cuối quý)",
// "báo cáo 6 tháng trước ngày 15/5, báo cáo năm trước ngày 15/11", "đột xuất".
import { type Block, blockSpan } from "./normalize.ts";
import { splitSentences } from "./targets.ts";
import { foldKeepingPunctuation } from "./text-utils.ts";
import type { ReportingFrequency, ReportingRule } from "./types.ts";

type Due = ReportingRule["due"];

interface Mention {
  at: number;
  freq: ReportingFrequency;
}

function frequencies(f: string): Mention[] {
  const out: Mention[] = [];
  const push = (re: RegExp, freq: ReportingFrequency) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    for (m = re.exec(f); m !== null; m = re.exec(f)) out.push({ at: m.index, freq });
  };
  push(/(?:hang|dinh ky|theo|moi) thang(?! cua thang cuoi)|bao cao thang\b/gu, "monthly");
  // "theo quý" but not "theo quy định" / "quy trình".
  push(
    /(?:hang|dinh ky|theo|moi|tung) quy(?![a-z])(?!\s+(?:dinh|trinh|che|mo|hoach|uoc|chuan|pham))|bao cao quy(?![a-z])(?!\s+(?:dinh|trinh|che))/gu,
    "quarterly",
  );
  push(/(?:6|sau) thang(?! (?:dau|cuoi) nam \d)|ban nien/gu, "semiannual");
  push(
    /(?:hang|dinh ky|moi) nam(?! \d)|bao cao nam(?! \d)|(?:quy|thang)\s*,\s*nam(?! \d)|tong ket nam(?! \d)|\bva nam(?=\s*\(|\s+truoc)/gu,
    "annual",
  );
  push(/dot xuat|khi co yeu cau/gu, "adhoc");
  out.sort((a, b) => a.at - b.at);
  // One mention per frequency, in order of first appearance.
  const seen = new Set<ReportingFrequency>();
  return out.filter((m) => {
    if (seen.has(m.freq)) return false;
    seen.add(m.freq);
    return true;
  });
}

function dues(f: string): Array<{ at: number; due: NonNullable<Due> }> {
  const out: Array<{ at: number; due: NonNullable<Due> }> = [];
  const re =
    /(?:truoc |vao |chau nhat |cham nhat )?ngay (\d{1,2})(?:\s*(?:hang thang\s*)?(?:cua\s+)?thang cuoi (?:quy|ky)|\s*\/\s*(\d{1,2})(?:\s*\/\s*\d{4})?|\s+thang\s+(\d{1,2})(?:\s+nam\s+\d{4})?)/gu;
  let m: RegExpExecArray | null;
  for (m = re.exec(f); m !== null; m = re.exec(f)) {
    const day = Number(m[1]);
    if (day < 1 || day > 31) continue;
    if (m[2] || m[3]) {
      const month = Number(m[2] ?? m[3]);
      if (month >= 1 && month <= 12) out.push({ at: m.index, due: { day, month } });
    } else out.push({ at: m.index, due: { day, month: "last-of-period" } });
  }
  // "hằng tháng trước ngày 25": a day with no month, each period.
  const bare = /(?:truoc|vao|cham nhat) ngay (\d{1,2})(?!\s*(?:\/|thang|-|\.)\s*\d)(?!\d)/gu;
  for (m = bare.exec(f); m !== null; m = bare.exec(f)) {
    const day = Number(m[1]);
    if (day >= 1 && day <= 31 && !out.some((d) => d.at === m?.index))
      out.push({ at: m.index, due: { day, month: "last-of-period" } });
  }
  out.sort((a, b) => a.at - b.at);
  return out;
}

const REPORT_WORD = /bao cao|phan anh/u;
const ADHOC_RE =
  /(?:neu co|khi co|truong hop|qua trinh|kho khan|vuong mac)[^.]{0,120}(?:kho khan|vuong mac|phat sinh|sua doi|bo sung|dieu chinh)[^.]{0,160}(?:bao cao|phan anh|de xuat)/u;
/** A due "trước ngày N của tháng cuối quý" names the quarter even without "hằng quý". */
const QUARTER_DUE = /ngay \d{1,2}\s*(?:hang thang\s*)?(?:cua\s+)?thang cuoi quy/u;

/**
 * Sentences, cut at ";" when the parts are clauses of their own ("Xây dựng kế hoạch hằng
 * năm …; báo cáo kết quả 6 tháng …"), but not inside parentheses.
 */
function clauses(text: string): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  for (const s of splitSentences(text)) {
    let from = s.from;
    let depth = 0;
    for (let i = s.from; i < s.to; i++) {
      const c = text[i];
      if (c === "(") depth++;
      else if (c === ")") depth = Math.max(0, depth - 1);
      else if (c === ";" && depth === 0) {
        out.push({ from, to: i + 1 });
        from = i + 1;
        while (from < s.to && text[from] === " ") from++;
      }
    }
    if (from < s.to) out.push({ from, to: s.to });
  }
  return out;
}

/** Reporting rules from the organisation / closing blocks (one per frequency and date). */
export function extractReporting(blocks: Block[]): ReportingRule[] {
  const rules: ReportingRule[] = [];
  const have = new Set<string>();
  for (const block of blocks) {
    for (const s of clauses(block.text)) {
      let text = block.text.slice(s.from, s.to).replace(/^[-–+•*]\s*/u, "");
      text = text.replace(/\.\/\.$/u, ".");
      const f = foldKeepingPunctuation(text);
      const isAdhoc = ADHOC_RE.test(f);
      if (!REPORT_WORD.test(f) && !isAdhoc) continue;
      const freqs = frequencies(f);
      if (!freqs.some((x) => x.freq !== "adhoc") && QUARTER_DUE.test(f))
        freqs.push({ at: QUARTER_DUE.exec(f)?.index ?? 0, freq: "quarterly" });
      if (!freqs.length && !isAdhoc) continue;
      // A regime sentence in a list often starts with the unit: keep from "định kỳ" when present.
      const dk = /định kỳ|Định kỳ/u.exec(text);
      const shown = dk && dk.index > 0 && freqs.length ? text.slice(dk.index) : text;
      const ds = dues(f);
      const span = blockSpan(block, s.from, s.to);
      const periodic = freqs.filter((x) => x.freq !== "adhoc");
      const fixed = ds.filter((d) => d.due.month !== "last-of-period");
      const relative = ds.filter((d) => d.due.month === "last-of-period");
      periodic.forEach((fm, i) => {
        let due: Due = null;
        if (fm.freq === "quarterly" || fm.freq === "monthly") due = relative.shift()?.due ?? null;
        if (!due && (fm.freq === "quarterly" || fm.freq === "monthly") && periodic.length === ds.length)
          due = ds[i]?.due ?? null;
        if (!due && (fm.freq === "semiannual" || fm.freq === "annual")) due = fixed.shift()?.due ?? null;
        // Two reporting cycles (units → focal department, department → committee) give
        // two rules of one frequency when their dates differ.
        const key = `${fm.freq}/${JSON.stringify(due)}`;
        if (have.has(fm.freq) && (!due || have.has(key))) return;
        have.add(fm.freq);
        have.add(key);
        rules.push({ frequency: fm.freq, due, text: shown, source: span, confidence: due ? 0.85 : 0.7 });
      });
      if ((freqs.some((x) => x.freq === "adhoc") || isAdhoc) && !have.has("adhoc")) {
        have.add("adhoc");
        rules.push({ frequency: "adhoc", due: null, text: shown, source: span, confidence: 0.75 });
      }
    }
  }
  return rules;
}
