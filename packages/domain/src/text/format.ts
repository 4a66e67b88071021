/**
 * Display formats. Vietnamese first: dates dd/mm/yyyy, numbers 1.552.020.000,
 * money in đồng. Pure functions (no DOM, no React): the web app, the DOCX/XLSX writers and the CLI share them.
 */
/** The interface's languages, Vietnamese first; a person's language for notifications and e-mails (SQL CHECK `users_language`). */
export const LANGUAGES = ["vi", "en"] as const;
export type Lang = (typeof LANGUAGES)[number];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * `2025-07-01` → `01/07/2025`. ISO dates are read as calendar dates (no time
 * zone shift); a `Date` is shown in local time. Both languages use dd/mm/yyyy:
 * the documents the users work with are Vietnamese.
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "string") {
    const m = ISO_DATE.exec(value);
    if (m && value.length === 10) return `${m[3]}/${m[2]}/${m[1]}`;
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) return value;
    return formatDate(d);
  }
  return `${pad2(value.getDate())}/${pad2(value.getMonth() + 1)}/${value.getFullYear()}`;
}

/** `dd/mm/yyyy HH:mm` in local time, for timestamps such as audit entries. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return String(value);
  return `${formatDate(d)} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** `dd/mm/yyyy` → ISO `yyyy-mm-dd`, or null when it is not a real date. */
export function parseDisplayDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** ISO date of a local `Date` (no UTC shift: 1/7 at 00:30 in Hà Nội stays 1/7). */
export function toIsoDate(d: Date): string {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

/** The ISO date one day after `iso` (a unit last in force on 30/6 is gone from 1/7). */
export function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  vi: { group: ".", decimal: "," },
  en: { group: ",", decimal: "." },
};

/**
 * 1552020000 → `1.552.020.000` (vi) or `1,552,020,000` (en). Written by hand
 * rather than with Intl so the output is the same on every runtime and ICU build.
 */
export function formatNumber(
  value: number | null | undefined,
  lang: Lang = "vi",
  maxFractionDigits = 2,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  const { group, decimal } = SEPARATORS[lang];
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(maxFractionDigits);
  let [whole, fraction = ""] = fixed.split(".");
  fraction = fraction.replace(/0+$/, "");
  whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = negative && (whole !== "0" || fraction !== "") ? "-" : "";
  return `${sign}${whole}${fraction ? decimal + fraction : ""}`;
}

/** Money in VND: `1.552.020.000 đồng` (vi), `1,552,020,000 VND` (en). Whole đồng only. */
export function formatVnd(value: number | null | undefined, lang: Lang = "vi"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  const n = formatNumber(Math.round(value), lang, 0);
  return lang === "vi" ? `${n} đồng` : `${n} VND`;
}

/** 80 → `80%`, 12.5 → `12,5%` (vi). */
export function formatPercent(
  value: number | null | undefined,
  lang: Lang = "vi",
  maxFractionDigits = 1,
): string {
  const n = formatNumber(value, lang, maxFractionDigits);
  return n === "" ? "" : `${n}%`;
}
