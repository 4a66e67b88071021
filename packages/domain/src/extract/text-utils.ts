// Small text helpers shared by the extraction rules. Plain folding for matching lives in
// ../text/fold.ts (`foldVietnamese`, `foldedTokens`); this file keeps what the rules need
// on top of it.
import { foldedTokens } from "../text/fold.ts";

// Old-style tone placement ("hoá", "uỷ", "khoẻ") mapped to the modern one ("hóa", "ủy", "khỏe"),
// so both spellings of a word compare equal and canonical names use one form.
const TONE_MAP: Record<string, string> = {
  oá: "óa",
  oà: "òa",
  oả: "ỏa",
  oã: "õa",
  oạ: "ọa",
  oé: "óe",
  oè: "òe",
  oẻ: "ỏe",
  oẽ: "õe",
  oẹ: "ọe",
  uý: "úy",
  uỳ: "ùy",
  uỷ: "ủy",
  uỹ: "ũy",
  uỵ: "ụy",
  Oá: "Óa",
  Oà: "Òa",
  Oả: "Ỏa",
  Oã: "Õa",
  Oạ: "Ọa",
  Uý: "Úy",
  Uỳ: "Ùy",
  Uỷ: "Ủy",
  Uỹ: "Ũy",
  Uỵ: "Ụy",
  OÁ: "ÓA",
  OÀ: "ÒA",
  OẢ: "ỎA",
  OÃ: "ÕA",
  OẠ: "ỌA",
  UÝ: "ÚY",
  UỲ: "ÙY",
  UỶ: "ỦY",
  UỸ: "ŨY",
  UỴ: "ỤY",
};
// Only at the end of a syllable ("hoá" but not "hoán"/"quý" stays "quý": "qu" is a consonant).
const OLD_TONE_RE = /(?<![qQ])([oOuU][áàảãạéèẻẽẹýỳỷỹỵÁÀẢÃẠÉÈẺẼẸÝỲỶỸỴ])(?![\p{L}])/gu;

/** Rewrites old-style tone marks ("hoá", "Uỷ") in the modern style ("hóa", "Ủy"). */
export function modernTone(s: string): string {
  return s.replace(OLD_TONE_RE, (m) => TONE_MAP[m] ?? m);
}

/**
 * Folds Vietnamese text for the extraction rules: lower case, no diacritics, đ→d, old and
 * new tone placement equal ("hoá" = "hóa"), runs of whitespace collapsed — but, unlike
 * `foldVietnamese` in ../text/fold.ts, punctuation is KEPT: the rules match on it
 * ("kiem tra, giam sat", "15/5", "100%", "hang quy:").
 */
export function foldKeepingPunctuation(s: string): string {
  return String(s ?? "")
    .normalize("NFC")
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/\s+/g, " ")
    .trim();
}

/** Lower case with diacritics kept and the modern tone placement, for word lists. */
export function lowerVi(s: string): string {
  return modernTone(s.toLowerCase());
}

export function isUpperStart(s: string): boolean {
  const c = s.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

export function isLowerStart(s: string): boolean {
  const c = s.charAt(0);
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

/** True when every letter is upper case and there is at least one letter. */
export function isAllCaps(s: string): boolean {
  let letters = 0;
  for (const ch of s) {
    if (ch.toLowerCase() !== ch.toUpperCase()) {
      letters++;
      if (ch !== ch.toUpperCase()) return false;
    }
  }
  return letters > 0;
}

/** "HUYỆN THÁP MƯỜI" → "huyện Tháp Mười": kind word lower-case, proper name title-case. */
export function titleCaseName(s: string): string {
  return s
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}

export function capitalizeFirst(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

export function collapseSpaces(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/**
 * Similarity of two texts over folded words, counting repeated words (multiset Dice,
 * 0..1). Unlike `similarity` in ../text/fold.ts it does not expand abbreviations: unit
 * names reach it already in canonical spelling.
 */
export function wordDice(a: string, b: string): number {
  const ta = foldedTokens(a);
  const tb = foldedTokens(b);
  if (!ta.length || !tb.length) return 0;
  const bag = new Map<string, number>();
  for (const t of ta) bag.set(t, (bag.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of tb) {
    const n = bag.get(t) ?? 0;
    if (n > 0) {
      common++;
      bag.set(t, n - 1);
    }
  }
  return (2 * common) / (ta.length + tb.length);
}

/**
 * Numbers glued as footnote markers to a word or a figure ("sau sắp xếp1;", "71,5%1;"):
 * one pass over the text.
 */
export function gluedFootnoteNumbers(text: string): Set<number> {
  const glued = new Set<number>();
  for (const m of text.matchAll(/(?:\p{Ll}{2}|%)(\d{1,2})(?=[.,;:)]|\s|$)/gu)) glued.add(Number(m[1]));
  return glued;
}
