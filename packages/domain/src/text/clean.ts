/**
 * Free text as dtplan keeps it: NFC, and nothing a document cannot hold.
 *
 * XML 1.0 (inside every DOCX and XLSX) allows tab, newline, carriage return, U+0020–U+D7FF,
 * U+E000–U+FFFD and the supplementary planes. One U+FFFE saved in a report made the
 * consolidated Word file unopenable, so the same rule runs where text comes in (every
 * request body) and where it goes out (the DOCX/XLSX writers, for text stored before).
 */

// C0 controls other than tab, LF and CR (NUL included), the two non-characters XML
// forbids, and UTF-16 surrogates that are not part of a pair.
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whether `s` holds a character `cleanText` would remove. */
export function hasForbiddenCharacters(s: string): boolean {
  FORBIDDEN.lastIndex = 0;
  const found = FORBIDDEN.test(s);
  FORBIDDEN.lastIndex = 0;
  return found;
}

/** `s` in NFC without the characters XML 1.0 forbids (NUL, other C0 controls, U+FFFE/U+FFFF, lone surrogates). */
export function cleanText(s: string): string {
  return s.replace(FORBIDDEN, "").normalize("NFC");
}

/**
 * Every string inside plain objects and arrays cleaned with `cleanText`; other values
 * (numbers, dates, buffers) as they are. Returns new objects; the input is not changed.
 */
export function cleanTextDeep<T>(value: T): T {
  if (typeof value === "string") return cleanText(value) as T;
  if (Array.isArray(value)) return value.map(cleanTextDeep) as T;
  if (value !== null && typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cleanTextDeep(v);
    return out as T;
  }
  return value;
}
