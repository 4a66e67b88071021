/**
 * Lịch hạn — a person's deadlines as an iCalendar feed (RFC 5545) that Google Calendar,
 * Outlook or a phone subscribes to. Deadlines are whole days in Vietnam: all-day events
 * (`DTSTART;VALUE=DATE`), so no calendar moves them to another day by its own time zone.
 */

export interface CalendarEvent {
  /** Stable across feeds, so a subscriber updates the event instead of adding a copy. */
  uid: string;
  /** The day (ISO `yyyy-mm-dd`, Vietnam). */
  date: string;
  summary: string;
  description?: string;
  url?: string;
}

export const CALENDAR_TIME_ZONE = "Asia/Ho_Chi_Minh";

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11). */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Content lines longer than 75 octets are folded, never inside a UTF-8 character (§3.1). */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = new TextEncoder().encode(ch).length;
    // The first line holds 75 octets; continuation lines start with a space, so 74 more.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const day = (iso: string) => iso.replaceAll("-", "");

/** The day after an ISO date: an all-day event ends (exclusively) the next day. */
function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const stamp = (at: Date) => `${at.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;

/** The whole feed, CRLF line ends, events in the order given. */
export function buildCalendar(input: { name: string; events: readonly CalendarEvent[]; now: Date }): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//dtplan//Lich han//VI",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeIcsText(input.name)}`,
    `X-WR-TIMEZONE:${CALENDAR_TIME_ZONE}`,
    "BEGIN:VTIMEZONE",
    `TZID:${CALENDAR_TIME_ZONE}`,
    "BEGIN:STANDARD",
    "DTSTART:19750613T000000",
    "TZOFFSETFROM:+0700",
    "TZOFFSETTO:+0700",
    "TZNAME:ICT",
    "END:STANDARD",
    "END:VTIMEZONE",
  ];
  for (const e of input.events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      `DTSTAMP:${stamp(input.now)}`,
      `DTSTART;VALUE=DATE:${day(e.date)}`,
      `DTEND;VALUE=DATE:${day(nextDay(e.date))}`,
      `SUMMARY:${escapeIcsText(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${escapeIcsText(e.description)}`] : []),
      ...(e.url ? [`URL:${e.url}`] : []),
      "TRANSP:TRANSPARENT",
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      "TRIGGER:-P1D",
      `DESCRIPTION:${escapeIcsText(e.summary)}`,
      "END:VALARM",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldIcsLine).join("\r\n")}\r\n`;
}

export interface ParsedIcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

/**
 * Reads a feed back into its components' properties (unfolded, TEXT unescaped): what a
 * subscriber sees, for tests and for checking a feed by hand.
 */
export function parseCalendar(text: string): { events: Record<string, ParsedIcsProperty>[] } {
  const lines = text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean);
  const events: Record<string, ParsedIcsProperty>[] = [];
  let current: Record<string, ParsedIcsProperty> | null = null;
  let depth = 0;
  for (const line of lines) {
    const colon = line.indexOf(":");
    const [head, ...paramParts] = line.slice(0, colon).split(";");
    const value = line.slice(colon + 1);
    if (head === "BEGIN" && value === "VEVENT") current = {};
    else if (head === "BEGIN" && current) depth++;
    else if (head === "END" && value === "VEVENT" && current) {
      events.push(current);
      current = null;
    } else if (head === "END" && current) depth--;
    else if (current && depth === 0) {
      current[head] = {
        name: head,
        params: Object.fromEntries(paramParts.map((p) => p.split("=") as [string, string])),
        value: value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c)),
      };
    }
  }
  return { events };
}
