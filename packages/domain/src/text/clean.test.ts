import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanText, cleanTextDeep, hasForbiddenCharacters } from "./clean.ts";

// XML 1.0 `Char` production, checked code point by code point.
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

describe("cleanText", () => {
  it("removes NUL, C0 controls, U+FFFE/U+FFFF and lone surrogates, keeps tab, newline and CR", () => {
    expect(cleanText("a\u0000b\u0001c\u000Bd\uFFFEe\uFFFFf\uD800g\uDC00h")).toBe("abcdefgh");
    expect(cleanText("dòng 1\r\n\tdòng 2")).toBe("dòng 1\r\n\tdòng 2");
    expect(cleanText("😀 \uD83D\uDE00")).toBe("😀 😀");
  });

  it("composes Vietnamese letters typed as base + combining marks (NFC)", () => {
    expect(cleanText("Hoa\u0300 Bi\u0300nh")).toBe("Hoà Bình");
  });

  it("leaves only XML 1.0 characters in NFC, for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary-ascii" }), (raw, text) => {
        for (const s of [raw, text, raw + text]) {
          const out = cleanText(s);
          const allXml = [...out].every((ch) => isXmlChar(ch.codePointAt(0) ?? 0));
          if (!allXml || out.normalize("NFC") !== out) return false;
          if (hasForbiddenCharacters(out) || cleanText(out) !== out) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it("cleans every string inside objects and arrays and leaves other values alone", () => {
    const when = new Date(0);
    const input = { a: "x\uFFFE", b: [1, "y\u0000", { c: "z\uD800" }], when, n: null };
    expect(cleanTextDeep(input)).toEqual({ a: "x", b: [1, "y", { c: "z" }], when, n: null });
    expect(cleanTextDeep(input).when).toBe(when);
    expect(input.a).toBe("x\uFFFE");
  });
});
