// Plain-text plans: UTF-8 (with or without BOM), UTF-16 (BOM or the NUL pattern),
// and, as a last resort, the Vietnamese Windows code page some old files use.

import { cleanText as cleanFreeText } from "../../text/clean.ts";
import { fail } from "./errors.ts";
import { isControlByte, utf16WithoutBom } from "./sniff.ts";

/** Share of U+FFFD we tolerate in UTF-8 before trying the legacy code page. */
const MAX_REPLACEMENT_RATIO = 0.001;

export function decodeText(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = new TextDecoder("utf-8").decode(bytes.subarray(3));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  } else {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) text = new TextDecoder(utf16).decode(bytes);
    else text = decodeUtf8OrLegacy(bytes);
  }
  assertReadable(text);
  return cleanText(text);
}

function decodeUtf8OrLegacy(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder("utf-8").decode(bytes);
    let bad = 0;
    for (let i = lenient.indexOf("\uFFFD"); i >= 0; i = lenient.indexOf("\uFFFD", i + 1)) bad++;
    // A few broken bytes in a UTF-8 file (a bad copy-paste): keep the text.
    if (bad <= Math.max(3, lenient.length * MAX_REPLACEMENT_RATIO)) return lenient;
    // Otherwise an 8-bit file: Vietnamese Windows (CP1258) is the usual one.
    return new TextDecoder("windows-1258").decode(bytes);
  }
}

/** Text decoded from UTF-16 can still be binary garbage; judge the characters. */
function assertReadable(text: string): void {
  let control = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || (c < 0x100 && isControlByte(c))) control++;
  }
  if (control > Math.max(2, n * 0.005)) {
    fail(
      "corrupt_file",
      "Tệp không phải văn bản đọc được: nội dung chứa nhiều ký tự điều khiển (dữ liệu nhị phân). Tệp có thể bị hỏng.",
      "The file is not readable text: it contains many control characters (binary data). It may be corrupt.",
    );
  }
}

/**
 * The shape every reader returns: NFC, "\n" line ends, no BOM or stray control
 * characters; form feeds (page breaks) become blank lines.
 */
export function cleanText(text: string): string {
  // The rest (NUL, other C0 controls, U+FFFE/U+FFFF, lone surrogates, NFC) is the rule all free text follows.
  return cleanFreeText(
    text
      .replace(/^\uFEFF/, "")
      .replace(/\r\n?/g, "\n")
      .replace(/\f/g, "\n\n")
      .replace(/\u007F/g, ""),
  );
}

export function assertNotEmpty(text: string, what: { vi: string; en: string }): void {
  if (text.trim() === "") {
    fail(
      "empty_file",
      `${what.vi} không có nội dung (tệp rỗng hoặc chỉ có khoảng trắng).`,
      `${what.en} has no content (empty or only whitespace).`,
    );
  }
}
