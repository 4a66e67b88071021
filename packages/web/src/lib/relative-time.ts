import { translate } from "../i18n/translate.ts";
import { formatDate, type Lang } from "./format.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago a timestamp was, for a notification: `vừa xong`, `5 phút trước`,
 * `3 giờ trước`, `2 ngày trước`; older than a week, the date (`01/07/2025`).
 */
export function relativeTime(value: string | Date, now: Date, lang: Lang = "vi"): string {
  const at = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(at.getTime())) return String(value);
  const elapsed = Math.max(0, now.getTime() - at.getTime());
  if (elapsed < MINUTE) return translate(lang, "time.justNow");
  if (elapsed < HOUR) return translate(lang, "time.minutesAgo", { n: Math.floor(elapsed / MINUTE) });
  if (elapsed < DAY) return translate(lang, "time.hoursAgo", { n: Math.floor(elapsed / HOUR) });
  if (elapsed < 7 * DAY) return translate(lang, "time.daysAgo", { n: Math.floor(elapsed / DAY) });
  return formatDate(at);
}
