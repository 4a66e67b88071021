// Header and signature: title, issuer, locality, province, number, date, period, signer.
// Handles the two-column header (issuing body | Quốc hiệu) whose columns end up on the
// same lines, and plans whose text has no header at all (title taken from the body).

import { isoDate } from "./dates.ts";
import type { Block } from "./normalize.ts";
import {
  collapseSpaces,
  foldKeepingPunctuation,
  isAllCaps,
  isLowerStart,
  modernTone,
  titleCaseName,
} from "./text-utils.ts";
import type { PlanExtract } from "./types.ts";

const NATIONAL_MOTTO =
  /CỘNG\s*HÒA\s*XÃ\s*HỘI\s*CHỦ\s*NGHĨA\s*VIỆT\s*NAM|Độc\s*lập\s*[-–]\s*Tự\s*do\s*[-–]\s*Hạnh\s*phúc|[-_–]{3,}/giu;
const KIND = "huyện|thị xã|thành phố|quận|tỉnh|xã|phường|thị trấn";
const NAME = String.raw`\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,3}`;
/** A unit name may be hyphenated since the 2025 mergers: "phường Lâm Viên - Đà Lạt". */
const HYPHENATED_NAME = String.raw`${NAME}(?:\s+[-–]\s+\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,2})?`;
const KIND_NAME_RE = new RegExp(`(?<![\\p{L}])(${KIND})\\s+(${HYPHENATED_NAME})`, "u");

/** The document's head and signature: the plan-extract fields that describe the document itself. */
export type Metadata = Pick<
  PlanExtract,
  "title" | "issuer" | "locality" | "province" | "documentNumber" | "issuedDate" | "period" | "signer"
>;

function stripMotto(s: string): string {
  return collapseSpaces(modernTone(s).replace(NATIONAL_MOTTO, " "));
}

/** Blocks before the first numbered section or "Căn cứ"/"Thực hiện" paragraph. */
function headerBlocks(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks.slice(0, 25)) {
    // "KẾ HOẠCH" / "Thực hiện Nghị quyết số …": a title may itself start like a preamble line.
    const afterTitleWord = out.length > 0 && /^KẾ HOẠCH\s*$/u.test(out[out.length - 1].text.trim());
    if (
      /^(?:[IVX]+\.|\d+\.|(?:PHẦN|Phần)\s+[IVX]+)\s/u.test(b.text) ||
      (/^(?:Căn cứ|Thực hiện|Triển khai)\s/u.test(b.text) && !afterTitleWord)
    )
      break;
    out.push(b);
  }
  return out;
}

function kindName(s: string): string | null {
  const m = KIND_NAME_RE.exec(s);
  return m ? `${m[1]} ${m[2]}` : null;
}

export function extractMetadata(
  blocks: Block[],
  bodyBlocks: Block[],
  closing: Block[],
  sourceText: string,
): Metadata {
  const head = headerBlocks(blocks);
  const headText = head.map((b) => stripMotto(b.text));
  let documentNumber: string | null = null;
  let issuedDate: string | null = null;
  let issuer: string | null = null;
  let title: string | null = null;
  let placeName: string | null = null;

  for (const t of headText) {
    const num = /Số\s*:\s*([0-9][^\s,;]*\/[^\s,;]+)/u.exec(t);
    if (num && !documentNumber) documentNumber = num[1].replace(/[.,;]+$/u, "");
    const date = /(\p{Lu}[\p{L}\s]{1,40}?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(t);
    if (date && !issuedDate) {
      issuedDate = isoDate(Number(date[4]), Number(date[3]), Number(date[2]));
      placeName = date[1].replace(/^.*\/\S+\s+/u, "").trim();
    }
  }
  // Issuing body: the upper-case lines at the top ("ỦY BAN NHÂN DÂN" / "HUYỆN THÁP MƯỜI").
  const capsLines: string[] = [];
  for (const t of headText) {
    const c = t.replace(/Số\s*:.*$/u, "").trim();
    if (!c) continue;
    if (/^KẾ HOẠCH\b/u.test(c)) break;
    if (isAllCaps(c) && c.length <= 80) capsLines.push(c);
  }
  if (capsLines.length) {
    const joined = capsLines.join(" ");
    const m =
      /(ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|BAN CHỈ ĐẠO[\p{L} ]{0,40}?)\s+(HUYỆN|THỊ XÃ|THÀNH PHỐ|QUẬN|TỈNH|XÃ|PHƯỜNG|THỊ TRẤN)\s+(.+)$/u.exec(
        joined,
      );
    if (m) {
      const body = m[1] === "UBND" ? "Ủy ban nhân dân" : m[1].charAt(0) + m[1].slice(1).toLowerCase();
      issuer = `${body} ${m[2].toLowerCase()} ${titleCaseName(m[3])}`;
    }
  }
  // Title: "KẾ HOẠCH" then the subject line(s).
  for (let i = 0; i < headText.length; i++) {
    const t = headText[i];
    const m = /^KẾ HOẠCH\s*(.*)$/u.exec(t);
    if (!m) continue;
    let rest = m[1].trim();
    if (!rest && i + 1 < headText.length) {
      rest = headText[i + 1];
      // An upper-case title wrapped over several lines.
      for (
        let j = i + 2;
        j < headText.length && isAllCaps(rest) && isAllCaps(headText[j]) && rest.length < 250;
        j++
      )
        rest += ` ${headText[j]}`;
      if (isAllCaps(rest)) rest = rest.charAt(0) + rest.slice(1).toLowerCase();
      // A subtitle wrapped over lines: "Thực hiện Chương trình …" / "giai đoạn 2026 - 2030, …".
      for (let j = i + 2; j < headText.length && isLowerStart(headText[j]) && rest.length < 300; j++)
        rest += ` ${headText[j]}`;
    }
    if (rest) title = `Kế hoạch ${rest.replace(/[.;:]+$/u, "")}`;
    break;
  }
  const allText = bodyBlocks.map((b) => b.text).join("\n");
  if (!title) {
    const m =
      /(?:ban hành|xây dựng)\s+(Kế hoạch\s+[^,;:.]{5,200}?)(?:\s*,|\s+(?:như sau|với (?:các|những) nội dung|cụ thể)|\s*:|\.)/u.exec(
        allText,
      ) ?? /Trên đây là\s+(Kế hoạch\s+[^,;:.]{5,200}?)(?:\s*,|\s+của\s|\.)/u.exec(allText);
    if (m) title = collapseSpaces(m[1]);
  }

  // Locality: the unit the title names, else the issuer's, else the date line's place.
  let locality: string | null = title ? kindName(title) : null;
  if (
    locality &&
    /^tỉnh/u.test(locality) &&
    title &&
    new RegExp(`(?:${KIND})\\s`, "u").test(title.replace(/tỉnh\s+\S+/u, ""))
  ) {
    const other = kindName(title.replace(/tỉnh\s+/u, "TỈNH "));
    if (other) locality = other;
  }
  if (!locality && issuer) locality = kindName(issuer);
  if (!locality) {
    const m = new RegExp(
      `(?:Ủy ban nhân dân|UBND)\\s+((?:${KIND})\\s+${NAME})\\s+(?:ban hành|xây dựng)`,
      "u",
    ).exec(allText);
    if (m) locality = m[1];
  }
  if (!locality && placeName) locality = placeName;

  // Issuer from the body: "Ủy ban nhân dân huyện ban hành Kế hoạch", or the signature "TM. ỦY BAN NHÂN DÂN".
  if (!issuer) {
    const m =
      /(Ủy ban nhân dân|UBND|Uỷ ban nhân dân|Ban Chỉ đạo[^,.;]{0,40}?)\s+(huyện|thị xã|thành phố|quận|tỉnh|xã|phường|thị trấn)(?:\s+(\p{Lu}[\p{L}\s]{0,30}?))?\s+(?:ban hành|xây dựng)\s+Kế hoạch/u.exec(
        modernTone(allText),
      );
    const lname = locality?.replace(new RegExp(`^(?:${KIND})\\s+`, "u"), "") ?? null;
    if (m) {
      const body = m[1] === "UBND" ? "Ủy ban nhân dân" : m[1];
      issuer = `${body} ${m[2]} ${m[3]?.trim() || lname || ""}`.trim();
    } else if (
      /TM\.\s*ỦY BAN NHÂN DÂN|TM\.\s*UBND/u.test(modernTone(closing.map((b) => b.text).join(" "))) &&
      locality
    ) {
      issuer = `Ủy ban nhân dân ${locality}`;
    }
  }

  // Province: the most frequent name after "tỉnh" / "Tỉnh ủy".
  const counts = new Map<string, number>();
  const provRe = new RegExp(
    `(?:tỉnh|Tỉnh ủy|Tỉnh uỷ|TỈNH)\\s+(${NAME}|[\\p{Lu}]{2,}(?:\\s+[\\p{Lu}]{2,}){0,3})`,
    "gu",
  );
  let pm: RegExpExecArray | null;
  const scan = modernTone(sourceText.length > 400000 ? sourceText.slice(0, 400000) : sourceText);
  for (pm = provRe.exec(scan); pm !== null; pm = provRe.exec(scan)) {
    const raw = pm[1];
    const name = isAllCaps(raw) ? titleCaseName(raw) : raw;
    if (/^(?:Ủy|Uỷ|Chủ|Ban|Sở|Đoàn|Hội|Quỹ)$/u.test(name.split(" ")[0])) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let province: string | null = null;
  let best = 0;
  for (const [n, c] of counts) if (c > best) [province, best] = [n, c];
  if (locality && /^tỉnh\s/u.test(locality)) province = locality.replace(/^tỉnh\s+/u, "");

  const period = periodFrom(title, allText, issuedDate);
  if (period.end == null) Object.assign(period, periodFromHeadings(bodyBlocks, issuedDate, period.vision));
  const signer = signerFrom(closing.length ? closing : blocks.slice(-15));
  return { title, issuer, locality, province, documentNumber, issuedDate, period, signer };
}

/** Years of the plan: "năm 2024" → 2024–2024; "giai đoạn 2021-2025, tầm nhìn 2030" → 2021–2025, 2030. */
export function periodFrom(
  title: string | null,
  body: string,
  issuedDate: string | null,
): PlanExtract["period"] {
  const src = title ?? "";
  const f = foldKeepingPunctuation(src);
  let vision: number | null = null;
  const v = /(?:tam nhin|dinh huong)(?: den)?(?: nam)? (\d{4})/u.exec(f);
  if (v) vision = Number(v[1]);
  const range = /(\d{4})\s*[-–]\s*(\d{4})/u.exec(f);
  if (range) return { start: Number(range[1]), end: Number(range[2]), vision };
  const until = /den (?:het )?nam (\d{4})/u.exec(f);
  if (until) {
    const issuedYear = issuedDate ? Number(issuedDate.slice(0, 4)) : null;
    return { start: issuedYear, end: Number(until[1]), vision };
  }
  const year = /nam (\d{4})/u.exec(f);
  if (year) return { start: Number(year[1]), end: Number(year[1]), vision };
  const fb = foldKeepingPunctuation(body.slice(0, 5000));
  const by = /ke hoach[^.]{0,120}?nam (\d{4})/u.exec(fb);
  if (by) return { start: Number(by[1]), end: Number(by[1]), vision };
  return { start: null, end: null, vision };
}

/**
 * A title without years ("Kế hoạch thực hiện Nghị quyết số …"): the years of the target
 * headings ("MỤC TIÊU ĐẾN NĂM 2025", "Tầm nhìn đến năm 2030"), starting in the issue year.
 */
export function periodFromHeadings(
  blocks: Block[],
  issuedDate: string | null,
  vision: number | null,
): PlanExtract["period"] {
  let end: number | null = null;
  let far: number | null = vision;
  for (const b of blocks) {
    if (b.text.length > 120) continue;
    const f = foldKeepingPunctuation(b.text);
    if (!/^(?:[ivx]+[.)]|\d+(?:\.\d+)*[.)]?|[a-z]\))?\s*(?:muc tieu|chi tieu|tam nhin|dinh huong)/u.test(f))
      continue;
    const m = /(?:den|toi)(?: het)?(?: nam)? (\d{4})/u.exec(f) ?? /giai doan \d{4}\s*-\s*(\d{4})/u.exec(f);
    if (!m) continue;
    const y = Number(m[1]);
    if (/tam nhin|dinh huong/u.test(f)) far = far ?? y;
    else end = end == null ? y : Math.max(end, y);
  }
  if (end == null) return { start: null, end: null, vision };
  const issuedYear = issuedDate ? Number(issuedDate.slice(0, 4)) : null;
  return { start: issuedYear, end, vision: far != null && far > end ? far : null };
}

function signerFrom(closing: Block[]): PlanExtract["signer"] {
  const lines = closing.map((b) => b.text.trim()).filter(Boolean);
  let nameIdx = -1;
  for (let i = lines.length - 1; i >= 0 && i >= lines.length - 8; i--) {
    const l = lines[i];
    if (/^(?:\p{Lu}[\p{Ll}\p{M}]*)(?:\s+\p{Lu}[\p{Ll}\p{M}]*){1,4}$/u.test(l) && !isAllCaps(l)) {
      nameIdx = i;
      break;
    }
  }
  if (nameIdx < 0) return null;
  const titleParts: string[] = [];
  for (let i = Math.max(0, nameIdx - 12); i < nameIdx; i++) {
    const l = lines[i];
    const glued = /((?:TM|KT|TL|Q|TUQ)\.\s*[\p{Lu}\s.]+)$/u.exec(l);
    if (/^[-+•]/u.test(l)) continue;
    if (isAllCaps(l) && l.length <= 60 && !/^NƠI NHẬN/u.test(l))
      titleParts.push(l.replace(/^Nơi nhận:?\s*/iu, ""));
    else if (glued) titleParts.push(glued[1].trim());
  }
  return { name: lines[nameIdx], title: titleParts.length ? collapseSpaces(titleParts.join(" ")) : null };
}
