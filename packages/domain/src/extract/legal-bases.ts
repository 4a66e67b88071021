// Legal bases: the documents the plan says it is based on or implements ("Căn cứ …",
// "Thực hiện Kế hoạch số …"). Only citations that open a clause count; one cited inside
// another's citation counts only when the outer one is "về (việc) thực hiện" it, and
// never from inside parentheses.

import { findDate } from "./dates.ts";
import { type Block, blockSpan } from "./normalize.ts";
import { collapseSpaces } from "./text-utils.ts";
import type { LegalBasis } from "./types.ts";
import { expandUnitAbbreviations } from "./units.ts";

const TYPES =
  "Thông tư liên tịch|Kế hoạch|Quyết định|Nghị quyết|Chỉ thị|Công văn|Chương trình|Nghị định|Thông tư|Luật|Pháp lệnh|Thông báo|Kết luận|Hướng dẫn|Đề án|Văn bản|Chiến lược|Công điện";
const NUMBER = String.raw`\d{1,6}(?:[-–.][\p{L}\d]+)*(?:\/[\p{L}\d]+(?:[-–][\p{L}\d]+)*)+`;
const CITATION_RE = new RegExp(
  `(${TYPES})(?:\\s+(?:hành động|liên tịch|công tác|phối hợp))?(?:\\s+số)?\\s*:?\\s*(${NUMBER})`,
  "giu",
);
/** "Luật Chuyển đổi số số 148/2025/QH15", "(Luật số 148/2025/QH15)": a law by name and number. */
const LAW_NUMBER_RE = /\bLuật\s+(?:[^;()]{2,120}?\s+)?số\s+(\d{1,4}\/\d{4}\/QH\d{1,2})/gu;
/** "các Nghị quyết của Chính phủ: số 03/NQ-CP …; số 214/NQ-CP …": one citation, several documents. */
const PLURAL_RE = new RegExp(`các\\s+(${TYPES})(?:\\s+của\\s+([^:;]{2,80}?))?\\s*:`, "iu");
const LAW_RE = /\bLuật\s+(?!số\b)((?:[\p{Lu}\p{Ll}]+\s+){1,12}?)(?:số\s+(\S+)\s+)?ngày\s+/gu;

const ISSUER_STOP =
  /\s(?:về|phê duyệt|ban hành|triển khai|thực hiện|hướng dẫn|quy định|Quy định|sửa đổi|v\/v|tại|trong|đến|giai đoạn|năm\s+\d{4})(?![\p{L}])|[;,(“"]/u;

function canonicalType(t: string): string {
  const l = t.toLowerCase();
  const all = TYPES.split("|");
  return all.find((x) => x.toLowerCase() === l) ?? t;
}

export interface LegalContext {
  province: string | null;
  locality: string | null;
}

function expandIssuer(raw: string, ctx: LegalContext): string {
  let s = collapseSpaces(expandUnitAbbreviations(raw)).replace(/[\s.;,:]+$/u, "");
  // "Ủy ban nhân dân tỉnh" → "… tỉnh Quảng Ngãi" when the name is left out.
  s = s.replace(
    /(Ủy ban nhân dân|Hội đồng nhân dân|Ban Chỉ đạo chuyển đổi số|Ban Chỉ đạo)\s+(tỉnh|huyện)$/iu,
    (m, body: string, lvl: string) => {
      const name = lvl.toLowerCase() === "tỉnh" ? ctx.province : ctx.locality?.replace(/^\S+\s+/u, "");
      return name ? `${body} ${lvl} ${name}` : m;
    },
  );
  return s;
}

/** Extracts legal bases from the preamble / "Căn cứ" / "Mục đích" blocks. */
export function extractLegalBases(blocks: Block[], ctx: LegalContext): LegalBasis[] {
  const out: LegalBasis[] = [];
  const seen = new Set<string>();
  for (const block of blocks) {
    const text = block.text;
    // Clause boundaries: ";" and the block start.
    const clauseStarts: number[] = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === ";") clauseStarts.push(i + 1);
    const clauseOf = (pos: number) => {
      let lo = 0;
      let hi = clauseStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (clauseStarts[mid] <= pos) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const firstInClause = new Set<number>();
    CITATION_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    const hits: Array<{ m: RegExpExecArray; clause: number }> = [];
    for (m = CITATION_RE.exec(text); m !== null; m = CITATION_RE.exec(text)) {
      if (!/\//u.test(m[2])) continue;
      hits.push({ m, clause: clauseOf(m.index) });
      if (hits.length > 500) break;
    }
    for (const { m: hit, clause } of hits) {
      const cStart = clauseStarts[clause];
      const before = text.slice(cStart, hit.index);
      const depth = (before.match(/\(/g)?.length ?? 0) - (before.match(/\)/g)?.length ?? 0);
      if (depth > 0) continue;
      const nested = firstInClause.has(clause);
      firstInClause.add(clause);
      if (
        nested &&
        !/về\s+(?:việc\s+)?(?:triển khai\s+)?thực hiện\s*$/iu.test(before) &&
        !(/\svà\s*$/u.test(before) && /^\s*(?:-\s*)?(?:Căn cứ|Thực hiện)\s/iu.test(before))
      )
        continue;
      const number = hit[2].replace(/[.,;:]+$/u, "");
      const key = number.toLowerCase().replace(/\s+/g, "");
      // Cited first without a date (in the title), then in full: keep the full citation.
      const earlier = seen.has(key)
        ? out.findIndex((b) => b.number?.toLowerCase().replace(/\s+/g, "") === key)
        : -1;
      if (seen.has(key) && (earlier < 0 || out[earlier].date)) continue;
      seen.add(key);
      const cEnd = clause + 1 < clauseStarts.length ? clauseStarts[clause + 1] - 1 : text.length;
      const after = text.slice(hit.index + hit[0].length, Math.min(cEnd, hit.index + hit[0].length + 400));
      let date: string | null = null;
      let rest = after;
      const dm = /^\s*,?\s*ngày\s+/u.exec(after);
      if (dm) {
        const d = findDate(after.slice(dm[0].length, dm[0].length + 40));
        if (d && d.index === 0) {
          date = d.iso;
          rest = after.slice(dm[0].length + d.length);
        }
      }
      let issuer: string | null = null;
      const im = /^\s*,?\s*(?:của|do)\s+/u.exec(rest);
      if (im) {
        const tail = rest.slice(im[0].length, im[0].length + 160);
        const stop = ISSUER_STOP.exec(tail);
        const raw = stop ? tail.slice(0, stop.index) : tail;
        if (raw.trim()) issuer = expandIssuer(raw, ctx);
      }
      let end = cEnd;
      const slice = text.slice(hit.index, end).replace(/[\s.;,]+$/u, "");
      end = hit.index + slice.length;
      if (earlier >= 0) {
        if (!date) continue;
        out.splice(earlier, 1);
      }
      out.push({
        type: canonicalType(hit[1]),
        number,
        date,
        issuer,
        text: slice,
        source: blockSpan(block, hit.index, end),
        confidence: date ? 0.95 : 0.8,
      });
    }
    // "các Nghị quyết của Chính phủ: số …; số …": each "số N" opening a part is one more.
    const plural = PLURAL_RE.exec(text);
    if (plural) {
      const re = new RegExp(`(?:[:;]\\s*)số\\s+(${NUMBER})`, "gu");
      re.lastIndex = plural.index + plural[0].length - 1;
      let pm: RegExpExecArray | null;
      for (pm = re.exec(text); pm !== null; pm = re.exec(text)) {
        const number = pm[1].replace(/[.,;:]+$/u, "");
        const key = number.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        const at = pm.index + pm[0].indexOf("số");
        const semi = text.indexOf(";", at);
        const end = semi < 0 ? text.length : semi;
        const d = /^\s*,?\s*ngày\s+/u.exec(text.slice(at + pm[0].length - pm[0].indexOf("số")));
        const date = d
          ? findDate(text.slice(at + pm[0].length - pm[0].indexOf("số") + d[0].length).slice(0, 40))
          : null;
        const type = canonicalType(plural[1]);
        const issuer = plural[2] ? expandIssuer(plural[2], ctx) : null;
        out.push({
          type,
          number,
          date: date && date.index === 0 ? date.iso : null,
          issuer,
          text: `${type} ${text.slice(at, end).replace(/[\s.;,]+$/u, "")}${issuer ? ` của ${issuer}` : ""}`,
          source: blockSpan(block, at, end),
          confidence: 0.8,
        });
      }
    }
    // Laws by name and number, the number possibly in parentheses after the date.
    LAW_NUMBER_RE.lastIndex = 0;
    const lawClauses = new Set<number>();
    let ln: RegExpExecArray | null;
    for (ln = LAW_NUMBER_RE.exec(text); ln !== null; ln = LAW_NUMBER_RE.exec(text)) {
      const clause = clauseOf(ln.index);
      const before = text.slice(clauseStarts[clause], ln.index);
      const inParens = /\(\s*$/u.test(before);
      if (!inParens && !/^\s*(?:-\s*)?(?:Căn cứ|Thực hiện)?\s*$/iu.test(before)) continue;
      const number = ln[1];
      lawClauses.add(clause);
      if (seen.has(number.toLowerCase())) continue;
      seen.add(number.toLowerCase());
      const cStart = inParens ? clauseStarts[clause] : ln.index;
      const cEnd = clause + 1 < clauseStarts.length ? clauseStarts[clause + 1] - 1 : text.length;
      const slice = text.slice(cStart, cEnd).replace(/^[\s-]*(?:Căn cứ|Thực hiện)\s+/iu, "");
      const from = cEnd - slice.length;
      const d = /ngày\s+/u.exec(slice);
      const date = d ? findDate(slice.slice(d.index + d[0].length, d.index + d[0].length + 40)) : null;
      out.push({
        type: "Luật",
        number,
        date: date && date.index === 0 ? date.iso : null,
        issuer: /Quốc hội/u.test(slice) ? "Quốc hội" : null,
        text: slice.replace(/[\s.;,]+$/u, ""),
        source: blockSpan(block, from, cEnd),
        confidence: 0.8,
      });
    }
    // Laws are cited by name and date rather than number.
    LAW_RE.lastIndex = 0;
    let lm: RegExpExecArray | null;
    for (lm = LAW_RE.exec(text); lm !== null; lm = LAW_RE.exec(text)) {
      const clause = clauseOf(lm.index);
      if (lawClauses.has(clause)) continue;
      const before = text.slice(clauseStarts[clause], lm.index);
      if (!/^\s*(?:-\s*)?(?:Căn cứ|Thực hiện)?\s*$/iu.test(before)) continue;
      const d = findDate(text.slice(lm.index + lm[0].length, lm.index + lm[0].length + 40));
      const number = lm[2] ? lm[2].replace(/[.,;:]+$/u, "") : null;
      const key = number ? number.toLowerCase() : `luật ${lm[1].trim().toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const cEnd = clause + 1 < clauseStarts.length ? clauseStarts[clause + 1] - 1 : text.length;
      const slice = text.slice(lm.index, cEnd).replace(/[\s.;,]+$/u, "");
      out.push({
        type: "Luật",
        number,
        date: d && d.index === 0 ? d.iso : null,
        issuer: "Quốc hội",
        text: slice,
        source: blockSpan(block, lm.index, lm.index + slice.length),
        confidence: 0.7,
      });
    }
  }
  return out;
}
