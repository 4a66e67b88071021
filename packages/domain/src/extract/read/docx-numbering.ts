import { roman } from "../../text/roman.ts";

// Word's automatic numbering ("I.", "1.", "a)", "-" bullets from a list style) is
// not text: mammoth's raw text drops it, and the extractor then loses the very
// markers that delimit headings and tasks. We compute each numbered paragraph's
// label from numbering.xml and write it into document.xml as ordinary text.

interface Level {
  start: number;
  format: string;
  text: string;
  isLegal: boolean;
}

interface Numbering {
  /** numId → abstractNumId */
  nums: Map<string, { abstractId: string; startOverrides: Map<number, number> }>;
  /** abstractNumId → levels by ilvl */
  abstracts: Map<string, Map<number, Level>>;
}

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : null;
};
const valOf = (xml: string, element: string): string | null => {
  const m = new RegExp(`<${element}\\b[^>]*\\bw:val="([^"]*)"`).exec(xml);
  return m ? m[1] : null;
};

export function parseNumbering(xml: string): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const a of xml.matchAll(/<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g)) {
    const id = attr(a[1], "w:abstractNumId");
    if (id === null) continue;
    const levels = new Map<number, Level>();
    for (const l of a[2].matchAll(/<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g)) {
      const ilvl = Number(attr(l[1], "w:ilvl") ?? 0);
      levels.set(ilvl, {
        start: Number(valOf(l[2], "w:start") ?? 1),
        format: valOf(l[2], "w:numFmt") ?? "decimal",
        text: decodeXml(valOf(l[2], "w:lvlText") ?? ""),
        isLegal: /<w:isLgl\b(?![^>]*w:val="(0|false)")/.test(l[2]),
      });
    }
    abstracts.set(id, levels);
  }
  const nums = new Map<string, { abstractId: string; startOverrides: Map<number, number> }>();
  for (const n of xml.matchAll(/<w:num\b([^>]*)>([\s\S]*?)<\/w:num>/g)) {
    const id = attr(n[1], "w:numId");
    const abstractId = valOf(n[2], "w:abstractNumId");
    if (id === null || abstractId === null) continue;
    const startOverrides = new Map<number, number>();
    for (const o of n[2].matchAll(/<w:lvlOverride\b([^>]*)>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = valOf(o[2], "w:startOverride");
      if (start !== null) startOverrides.set(Number(attr(o[1], "w:ilvl") ?? 0), Number(start));
    }
    nums.set(id, { abstractId, startOverrides });
  }
  return { nums, abstracts };
}

/** styleId → its numPr (following basedOn), for list and heading styles. */
export function parseStyleNumbering(xml: string): Map<string, { numId: string; ilvl: number }> {
  const raw = new Map<string, { numId: string | null; ilvl: number | null; basedOn: string | null }>();
  for (const s of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attr(s[1], "w:styleId");
    if (id === null) continue;
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(s[2])?.[1] ?? "";
    const ilvl = valOf(numPr, "w:ilvl");
    raw.set(id, {
      numId: valOf(numPr, "w:numId"),
      ilvl: ilvl === null ? null : Number(ilvl),
      basedOn: valOf(s[2], "w:basedOn"),
    });
  }
  const out = new Map<string, { numId: string; ilvl: number }>();
  for (const id of raw.keys()) {
    let style = raw.get(id);
    for (let depth = 0; style && depth < 10; depth++) {
      if (style.numId !== null) {
        out.set(id, { numId: style.numId, ilvl: style.ilvl ?? 0 });
        break;
      }
      style = style.basedOn ? raw.get(style.basedOn) : undefined;
    }
  }
  return out;
}

export function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}
const encodeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function letters(n: number): string {
  // Word repeats the letter past z: aa, bb …
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case "lowerLetter":
      return letters(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperRoman":
      return roman(n);
    case "decimalZero":
      return String(n).padStart(2, "0");
    case "none":
      return "";
    default:
      return String(n);
  }
}

/** Bullet glyphs (often Symbol/Wingdings private-use code points) as the plain markers plans use. */
function bullet(text: string, ilvl: number): string {
  const t = text.trim();
  if (t === "+") return "+";
  if (/^[-–—\uF02D]$/u.test(t)) return "-";
  return ilvl === 0 ? "-" : "+";
}

/**
 * Returns document.xml with every automatically numbered paragraph's label
 * ("II.", "1.2.", "a)", "-") written in as text, or null when nothing is numbered.
 */
export function materialiseNumbering(
  documentXml: string,
  numberingXml: string | null,
  stylesXml: string | null,
): string | null {
  if (!numberingXml) return null;
  const numbering = parseNumbering(numberingXml);
  const styleNumbering = stylesXml
    ? parseStyleNumbering(stylesXml)
    : new Map<string, { numId: string; ilvl: number }>();
  if (!numbering.nums.size) return null;
  // Tracked changes of paragraph properties nest a second <w:pPr>; they do not matter for text.
  const xml = documentXml.replace(/<w:pPrChange\b[\s\S]*?<\/w:pPrChange>/g, "");
  const counters = new Map<string, Map<number, number>>();
  const startedNums = new Set<string>();
  let changed = false;
  const out = xml.replace(/<w:pPr>([\s\S]*?)<\/w:pPr>/g, (whole, inner: string) => {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(inner)?.[1];
    let numId: string | null = numPr ? valOf(numPr, "w:numId") : null;
    let ilvl = numPr ? Number(valOf(numPr, "w:ilvl") ?? 0) : 0;
    if (numId === null) {
      const style = valOf(inner, "w:pStyle");
      const fromStyle = style ? styleNumbering.get(style) : undefined;
      if (!fromStyle) return whole;
      numId = fromStyle.numId;
      if (!numPr) ilvl = fromStyle.ilvl;
    }
    const num = numbering.nums.get(numId);
    const levels = num ? numbering.abstracts.get(num.abstractId) : undefined;
    const level = levels?.get(ilvl);
    if (!num || !levels || !level || numId === "0") return whole;

    let counter = counters.get(num.abstractId);
    if (!counter) {
      counter = new Map<number, number>();
      counters.set(num.abstractId, counter);
    }
    if (!startedNums.has(numId)) {
      // A list instance with a start override restarts its numbering.
      startedNums.add(numId);
      for (const [l, start] of num.startOverrides) counter.set(l, start - 1);
    }
    counter.set(ilvl, (counter.get(ilvl) ?? level.start - 1) + 1);
    for (const l of [...counter.keys()]) if (l > ilvl) counter.delete(l);

    let label: string;
    if (level.format === "bullet") label = bullet(level.text, ilvl);
    else {
      label = level.text.replace(/%(\d)/g, (_, d: string) => {
        const l = Number(d) - 1;
        const lv = levels.get(l);
        const value = counter.get(l) ?? lv?.start ?? 1;
        return formatNumber(value, level.isLegal ? "decimal" : (lv?.format ?? "decimal"));
      });
    }
    label = label.trim();
    if (!label) return whole;
    changed = true;
    return `${whole}<w:r><w:t xml:space="preserve">${encodeXml(label)} </w:t></w:r>`;
  });
  return changed ? out : null;
}
