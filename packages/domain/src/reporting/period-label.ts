import { calendarKeyOfLabel } from "./calendar.ts";

/**
 * A reporting period's name in the interface language. The stored label is Vietnamese
 * ("Quý II năm 2025"); in English the calendar periods are named from their key, and an
 * ad hoc period keeps the name its officer gave it.
 */
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export function periodLabel(period: { key: string; label: string }, lang: "vi" | "en"): string {
  if (lang === "vi") return period.label;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period.key);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const month = /^(\d{4})-M(\d{2})$/.exec(period.key);
  if (month) return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  const half = /^(\d{4})-H([12])$/.exec(period.key);
  if (half) return `${half[2] === "1" ? "First" : "Second"} half of ${half[1]}`;
  if (/^\d{4}$/.test(period.key)) return `Year ${period.key}`;
  return period.label;
}

/**
 * The note a report's submission leaves on a task it moved ("Báo cáo Quý III năm 2026: …"),
 * and the same note read in the reader's language (the unit's own words stay as written).
 */
export function reportNote(period: { label: string }, note: string | null): string {
  return `Báo cáo ${period.label}${note ? `: ${note}` : ""}`;
}

export function reportNoteIn(note: string, lang: "vi" | "en"): string {
  if (lang === "vi") return note;
  const m = /^Báo cáo (.+?)(?:: ([\s\S]*))?$/.exec(note);
  const key = m ? calendarKeyOfLabel(m[1]) : null;
  if (!m || !key) return note;
  const name = `${periodLabel({ key, label: m[1] }, "en")} report`;
  return m[2] !== undefined ? `${name}: ${m[2]}` : name;
}
