// Dates as Vietnamese plans write them, turned into ISO: "ngày 26 tháng 02 năm 2021",
// "21/02/2024", "Quý I năm 2025", "tháng 6/2025", "6 tháng đầu năm 2025", "năm 2025".

import { foldKeepingPunctuation } from "./text-utils.ts";
import type { Deadline } from "./types.ts";

export function isoDate(y: number, m: number, d: number): string | null {
  if (!(y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1)) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function lastDay(y: number, m: number): string | null {
  if (!(m >= 1 && m <= 12)) return null;
  return isoDate(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
}

/** "quy ii", "quy ii - quy iii", "quy iii - iv", "quy iii, iv", with the year after the last. */
const QUARTERS =
  /quy\s*((?:iv|iii|ii|i|[1-4])(?:\s*(?:-|–|,|va|den)\s*(?:quy\s*)?(?:iv|iii|ii|i|[1-4])\b)*)\b(?:\s*(?:nam|\/|-)\s*(\d{4}))?/gu;

const ROMAN_Q: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

/** A full date at the start of `s`: "26 tháng 02 năm 2021", "21/02/2024", "21-02-2024". */
export const DATE_RE =
  /(\d{1,2})\s*(?:tháng\s*(\d{1,2})\s*năm\s*(\d{4})|[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))/u;

export function parseDateMatch(m: RegExpExecArray): string | null {
  const d = Number(m[1]);
  const mo = Number(m[2] ?? m[4]);
  const y = Number(m[3] ?? m[5]);
  return isoDate(y, mo, d);
}

/** Finds the first full date in a string. */
export function findDate(s: string): { iso: string | null; index: number; length: number } | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  return { iso: parseDateMatch(m), index: m.index, length: m[0].length };
}

/** How often a recurring deadline comes back ("hằng tháng", "hằng quý", "hằng năm"). */
export type DeadlineCadence = "monthly" | "quarterly" | "annual";

/**
 * The words that make a deadline recurring or open-ended, folded (so "hằng" and "hàng"
 * read alike), each with the cadence it names. The one list: the deadline's date and the
 * task's recurring flag both come from it.
 */
const RECURRING_TERMS: readonly { words: RegExp; cadence: DeadlineCadence | null }[] = [
  { words: /hang\s*thang/u, cadence: "monthly" },
  { words: /hang\s*quy/u, cadence: "quarterly" },
  { words: /hang\s*nam/u, cadence: "annual" },
  { words: /thuong\s*xuyen|lien\s*tuc|dinh\s*ky/u, cadence: null },
];

/** Whether a deadline recurs ("thường xuyên", "định kỳ", "hằng quý" …) and, if it says, how often. */
export function deadlineRecurrence(text: string | null | undefined): {
  recurring: boolean;
  cadence: DeadlineCadence | null;
} {
  if (!text) return { recurring: false, cadence: null };
  const f = foldKeepingPunctuation(text);
  const found = RECURRING_TERMS.filter((t) => t.words.test(f));
  return { recurring: found.length > 0, cadence: found.find((t) => t.cadence)?.cadence ?? null };
}

/**
 * The last day a deadline expression allows. `fallbackYear` fills "Quý I" without a year.
 * Returns null for recurring or open expressions ("thường xuyên", "hằng năm").
 */
export function deadlineDate(text: string, fallbackYear: number | null): string | null {
  const f = foldKeepingPunctuation(text);
  let m = DATE_RE.exec(text);
  if (m) return parseDateMatch(m);
  // "Quý II - Quý III/2026", "Quý III - IV/2026", "Quý III, IV năm 2026": a span or list of
  // quarters ends with its last one.
  const quarters = [...f.matchAll(QUARTERS)];
  if (quarters.length) {
    const last = quarters[quarters.length - 1];
    const q =
      ROMAN_Q[
        last[1]
          .split(/[^ivx1-4]+/u)
          .filter(Boolean)
          .at(-1) ?? ""
      ];
    const year = last[2] ?? quarters.findLast((x) => x[2])?.[2];
    const y = year ? Number(year) : fallbackYear;
    return y ? lastDay(y, q * 3) : null;
  }
  m = /(6|sau)\s*thang\s*(dau|cuoi)\s*nam(?:\s*(\d{4}))?/u.exec(f);
  if (m) {
    const y = m[3] ? Number(m[3]) : fallbackYear;
    return y ? lastDay(y, m[2] === "dau" ? 6 : 12) : null;
  }
  m = /thang\s*(\d{1,2})\s*(?:nam|\/|-)\s*(\d{4})/u.exec(f);
  if (m) return lastDay(Number(m[2]), Number(m[1]));
  m = /(\d{1,2})\/(\d{4})\b/u.exec(f);
  if (m && Number(m[1]) <= 12) return lastDay(Number(m[2]), Number(m[1]));
  if (deadlineRecurrence(text).recurring && !/nam\s*\d{4}/u.test(f)) return null;
  // "2021-2025", "giai đoạn 2021 – 2025": the range's last year.
  m = /\b(20\d{2})\s*[-–]\s*(20\d{2})\b/u.exec(f);
  if (m) return lastDay(Number(m[2]), 12);
  // "trước năm 2028": by the end of 2027.
  m = /truoc\s+nam\s+(\d{4})/u.exec(f);
  if (m) return lastDay(Number(m[1]) - 1, 12);
  m = /(?:nam|giai doan|den)\s*(?:\d{4}\s*[-–]\s*)?(\d{4})/u.exec(f);
  if (m) return lastDay(Number(m[1]), 12);
  m = /\b(20\d{2})\b/u.exec(f);
  if (m) return lastDay(Number(m[1]), 12);
  return null;
}

export function makeDeadline(text: string, fallbackYear: number | null): Deadline {
  const clean = text.replace(/^[\s:]+/u, "").replace(/[\s.;,]+$/u, "");
  return { text: clean, date: deadlineDate(clean, fallbackYear) };
}
