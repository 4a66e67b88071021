/** Vietnamese presentation of figures and dates in the report (1.552.020,5; 05/07/2025). */
import { formatDate, formatNumber } from "@dtplan/domain/text/format.ts";

export const viNumber = (n: number) => formatNumber(n, "vi", 2);

/** dd/mm/yyyy of an ISO date. */
export const viDate = (iso: string) => formatDate(iso);

/** "ngày 05 tháng 7 năm 2025" — day with two digits, month without a leading zero below 3 (Decree 30). */
export function viLongDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const month = m < 3 ? String(m).padStart(2, "0") : String(m);
  return `ngày ${String(d).padStart(2, "0")} tháng ${month} năm ${y}`;
}

const COMPARATORS: Record<string, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<" };

/** A figure with its unit: "80%", "12 hệ thống". */
export function withUnit(value: number, unit: string | null): string {
  if (!unit) return viNumber(value);
  return unit === "%" ? `${viNumber(value)}%` : `${viNumber(value)} ${unit}`;
}

/** Chỉ tiêu kế hoạch as written: "≥ 80%". */
export function plannedText(
  comparator: string | null,
  value: number | null,
  unit: string | null,
): string | null {
  if (value === null) return null;
  const sign = comparator ? COMPARATORS[comparator] : null;
  return sign ? `${sign} ${withUnit(value, unit)}` : withUnit(value, unit);
}

/**
 * A unit's name as an official document writes it: without the notes kept in the
 * register after it ("Xã Phú Túc (sau sáp nhập)" → "Xã Phú Túc").
 */
export function officialName(unitName: string): string {
  let name = unitName.trim();
  for (
    let next = name.replace(/\s*\([^()]*\)$/u, "");
    next !== name && next;
    next = name.replace(/\s*\([^()]*\)$/u, "")
  )
    name = next;
  return name;
}

/** "Huyện Châu Thành" → "Châu Thành": the place name of the date line. */
export function placeNameOf(unitName: string): string {
  const stripped = unitName
    .replace(/^(Ủy ban nhân dân|UBND)\s+/i, "")
    .replace(/^(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu)\s+/i, "")
    .trim();
  return stripped || unitName;
}

/** "Huyện Châu Thành" → "huyện Châu Thành" inside a sentence. */
export const lowerFirst = (s: string) => (s ? s[0].toLocaleLowerCase("vi") + s.slice(1) : s);

/** A name for a downloaded file: ASCII, lower case, dashes. */
export function fileSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
