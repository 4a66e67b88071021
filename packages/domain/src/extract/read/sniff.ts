// Format detection from the bytes themselves: users rename files, mail clients
// mangle extensions, so the extension is only used to catch a disagreement.
import { fail } from "./errors.ts";

export type DocumentFormat = "txt" | "docx" | "pdf";

/** What the content looks like, before any parsing. */
export type ContentKind =
  | { kind: "pdf" }
  | { kind: "docx" }
  | { kind: "text" }
  /** A recognised format we do not read (image, spreadsheet, old .doc …). */
  | { kind: "other"; vi: string; en: string; hint?: { vi: string; en: string } }
  /** Bytes that are neither text nor a format we recognise. */
  | { kind: "binary" };

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

function startsWith(bytes: Uint8Array, prefix: number[] | Uint8Array, at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

/** Byte-string search (Buffer.indexOf is native and fast even on 20 MB). */
function contains(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(ascii(needle)) >= 0;
}

const PDF_MAGIC = ascii("%PDF-");
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

/** Bytes that never occur in a plain-text file (tab, LF, FF, CR and ESC excluded). */
export function isControlByte(b: number): boolean {
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f;
}

export function sniffContent(bytes: Uint8Array): ContentKind {
  // The PDF header may legally follow some junk within the first kilobyte.
  if (hasPdfHeader(bytes)) return { kind: "pdf" };
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) return sniffZip(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return {
      kind: "other",
      vi: "tệp Word/Excel định dạng cũ (.doc/.xls)",
      en: "a legacy Word/Excel file (.doc/.xls)",
      hint: { vi: "Hãy mở bằng Word và lưu lại thành .docx.", en: "Open it in Word and save it as .docx." },
    };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return image("PNG");
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return image("JPEG");
  if (startsWith(bytes, ascii("GIF8"))) return image("GIF");
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return image("TIFF");
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return image("WebP");
  if (startsWith(bytes, ascii("{\\rtf")))
    return {
      kind: "other",
      vi: "tệp RTF",
      en: "an RTF file",
      hint: { vi: "Hãy lưu lại thành .docx.", en: "Save it as .docx." },
    };
  if (startsWith(bytes, [0x1f, 0x8b])) return { kind: "other", vi: "tệp nén gzip", en: "a gzip archive" };
  if (startsWith(bytes, ascii("Rar!"))) return { kind: "other", vi: "tệp nén RAR", en: "a RAR archive" };
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf]))
    return { kind: "other", vi: "tệp nén 7z", en: "a 7z archive" };
  return looksLikeText(bytes) ? { kind: "text" } : { kind: "binary" };
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  // Readers accept a header after up to 1 KB of junk; a text that merely quotes
  // "%PDF-" after some prose stays text.
  const head = bytes.subarray(0, 1024);
  const at = Buffer.from(head.buffer, head.byteOffset, head.byteLength).indexOf(PDF_MAGIC);
  return at === 0 || (at > 0 && (at < 16 || !looksLikeText(head.subarray(0, at))));
}

function image(name: string): ContentKind {
  return {
    kind: "other",
    vi: `ảnh ${name}`,
    en: `a ${name} image`,
    hint: {
      vi: "Ảnh chụp văn bản cần nhận dạng ký tự (OCR) trước khi nhập.",
      en: "A photo of a document needs OCR before it can be imported.",
    },
  };
}

function sniffZip(bytes: Uint8Array): ContentKind {
  // Entry names are stored uncompressed in the local and central headers.
  if (contains(bytes, "word/document.xml")) return { kind: "docx" };
  if (contains(bytes, "xl/workbook.xml"))
    return { kind: "other", vi: "bảng tính Excel (.xlsx)", en: "an Excel workbook (.xlsx)" };
  if (contains(bytes, "ppt/presentation.xml"))
    return {
      kind: "other",
      vi: "bản trình chiếu PowerPoint (.pptx)",
      en: "a PowerPoint presentation (.pptx)",
    };
  if (contains(bytes, "application/vnd.oasis.opendocument"))
    return {
      kind: "other",
      vi: "tài liệu OpenDocument (.odt/.ods)",
      en: "an OpenDocument file (.odt/.ods)",
      hint: { vi: "Hãy lưu lại thành .docx.", en: "Save it as .docx." },
    };
  return { kind: "other", vi: "tệp nén ZIP", en: "a ZIP archive" };
}

/**
 * Plain text: UTF-16 with a BOM, or bytes without NULs and with very few control
 * characters. Decoding errors are judged later, by the text reader.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  if (utf16WithoutBom(bytes)) return true;
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (isControlByte(b)) control++;
  }
  return control <= Math.max(2, bytes.length * 0.005);
}

/** UTF-16 text saved without a BOM: every other byte is NUL (ASCII-heavy text). */
export function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return "utf-16le";
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return "utf-16be";
  return null;
}

/** The format the file name claims, "none" without an extension, "other" for anything else. */
export function extensionOf(fileName: string): { ext: string; claims: DocumentFormat | "none" | "other" } {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
  if (ext === "") return { ext, claims: "none" };
  if (ext === "txt" || ext === "text") return { ext, claims: "txt" };
  if (ext === "docx") return { ext, claims: "docx" };
  if (ext === "pdf") return { ext, claims: "pdf" };
  return { ext, claims: "other" };
}

const FORMAT_NAME: Record<DocumentFormat, { vi: string; en: string }> = {
  txt: { vi: "văn bản thuần (.txt)", en: "plain text (.txt)" },
  docx: { vi: "tài liệu Word (.docx)", en: "a Word document (.docx)" },
  pdf: { vi: "tệp PDF", en: "a PDF" },
};

/**
 * Decides which reader runs, or throws: the content decides the format, and an
 * extension that says otherwise is reported rather than silently ignored.
 */
export function decideFormat(bytes: Uint8Array, fileName: string): DocumentFormat {
  const content = sniffContent(bytes);
  const { ext, claims } = extensionOf(fileName);
  const extLabel = ext ? `.${ext}` : "";
  const supported = {
    vi: "Chỉ nhận tệp .txt, .docx hoặc .pdf.",
    en: "Only .txt, .docx and .pdf files are accepted.",
  };

  if (content.kind === "pdf" || content.kind === "docx" || content.kind === "text") {
    const actual: DocumentFormat = content.kind === "text" ? "txt" : content.kind;
    if (claims === actual || claims === "none") return actual;
    const what = FORMAT_NAME[actual];
    if (claims === "other" && actual === "txt") {
      // A text file with an unknown extension (.md, .csv, .log …): not something we import.
      fail(
        "unsupported_format",
        `Định dạng tệp "${extLabel}" không được hỗ trợ. ${supported.vi}`,
        `The file type "${extLabel}" is not supported. ${supported.en}`,
      );
    }
    fail(
      "format_mismatch",
      `Tệp có đuôi "${extLabel}" nhưng nội dung là ${what.vi}. Hãy đổi tên tệp cho đúng định dạng hoặc chọn đúng tệp.`,
      `The file is named "${extLabel}" but its content is ${what.en}. Rename it to match its format or pick the right file.`,
    );
  }

  if (content.kind === "other") {
    const hintVi = content.hint ? ` ${content.hint.vi}` : "";
    const hintEn = content.hint ? ` ${content.hint.en}` : "";
    if (claims === "txt" || claims === "docx" || claims === "pdf") {
      fail(
        "format_mismatch",
        `Tệp có đuôi "${extLabel}" nhưng nội dung là ${content.vi}.${hintVi}`,
        `The file is named "${extLabel}" but its content is ${content.en}.${hintEn}`,
      );
    }
    fail(
      "unsupported_format",
      `Không đọc được ${content.vi}. ${supported.vi}${hintVi}`,
      `Cannot read ${content.en}. ${supported.en}${hintEn}`,
    );
  }

  // Unrecognised binary bytes.
  if (claims === "txt" || claims === "none") {
    fail(
      "corrupt_file",
      "Tệp không phải văn bản đọc được: nội dung chứa dữ liệu nhị phân (ký tự điều khiển, byte NUL). Tệp có thể bị hỏng hoặc không phải tệp văn bản.",
      "The file is not readable text: it contains binary data (control characters, NUL bytes). It may be corrupt or not a text file.",
    );
  }
  if (claims === "docx" || claims === "pdf") {
    fail(
      "corrupt_file",
      `Tệp "${extLabel}" bị hỏng hoặc không phải ${FORMAT_NAME[claims].vi}: không nhận ra cấu trúc của tệp.`,
      `The "${extLabel}" file is corrupt or not ${FORMAT_NAME[claims].en}: its structure is not recognised.`,
    );
  }
  fail(
    "unsupported_format",
    `Không nhận ra định dạng tệp "${extLabel}". ${supported.vi}`,
    `Unrecognised file format "${extLabel}". ${supported.en}`,
  );
}
