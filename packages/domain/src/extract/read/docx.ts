// Word documents. The zip is inspected before mammoth sees it, because mammoth
// (through jszip) inflates whole entries into memory: a few-kilobyte zip bomb
// would otherwise take the process down.
import { inflateRawSync } from "node:zlib";
import JSZip from "jszip";
import mammoth from "mammoth";
import { materialiseNumbering } from "./docx-numbering.ts";
import { flattenTables } from "./docx-tables.ts";
import { fail, formatMegabytes, isPlanExtractError } from "./errors.ts";
import { assertNotEmpty, cleanText } from "./text.ts";

export interface DocxLimits {
  /** Sum of the uncompressed sizes of all entries. */
  maxUncompressedBytes: number;
  /** Largest compression ratio allowed for an entry bigger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  maxEntries: number;
}

// Real .docx files: XML compresses 5–20×, media barely at all; 150 MB is far above
// any plan, far below what hurts.
export const DEFAULT_DOCX_LIMITS: DocxLimits = {
  maxUncompressedBytes: 150 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 5000,
};

/** The part of jszip's entry we read: sizes from the central directory and the raw bytes. */
interface CompressedData {
  compressedSize: number;
  uncompressedSize: number;
  compression?: { magic?: string };
  compressedContent?: Uint8Array;
}

/** Which Office file a zip must be: its main part and how to name it to the user. */
export interface OfficeZipKind {
  mainPart: string;
  label: { vi: string; en: string; app: string };
}

export const DOCX_KIND: OfficeZipKind = {
  mainPart: "word/document.xml",
  label: { vi: "Tệp Word (.docx)", en: "The Word file (.docx)", app: "Word" },
};
export const XLSX_KIND: OfficeZipKind = {
  mainPart: "xl/workbook.xml",
  label: { vi: "Tệp Excel (.xlsx)", en: "The Excel file (.xlsx)", app: "Excel" },
};

function corruptOffice(kind: OfficeZipKind, detailVi: string, detailEn: string): never {
  const { label } = kind;
  return fail(
    "corrupt_file",
    `${label.vi} bị hỏng, không mở được: ${detailVi}. Hãy mở tệp bằng ${label.app}, lưu lại rồi nhập lại.`,
    `${label.en} is corrupt and cannot be opened: ${detailEn}. Open it in ${label.app}, save it again and re-import.`,
  );
}

function bombOffice(kind: OfficeZipKind, detailVi: string, detailEn: string): never {
  const { label } = kind;
  return fail(
    "zip_bomb",
    `${label.vi} bị từ chối vì nội dung giải nén bất thường (${detailVi}); đây có thể là tệp độc hại ("zip bomb").`,
    `${label.en} was refused because it decompresses abnormally (${detailEn}); it may be a malicious "zip bomb".`,
  );
}

/**
 * Checks sizes declared in an Office zip (.docx, .xlsx), then really inflates its XML
 * parts with a cap, so a "zip bomb" is refused before any parser expands it.
 */
export async function inspectOfficeZip(
  bytes: Uint8Array,
  kind: OfficeZipKind,
  limits: DocxLimits = DEFAULT_DOCX_LIMITS,
): Promise<JSZip> {
  // Explicitly typed so TypeScript knows a call ends the function (control-flow narrowing).
  const corrupt: (vi: string, en: string) => never = (vi, en) => corruptOffice(kind, vi, en);
  const bomb: (vi: string, en: string) => never = (vi, en) => bombOffice(kind, vi, en);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    // The zip library's own words ("can't find end of central directory") mean nothing to a person.
    corrupt("cấu trúc nén (zip) không hợp lệ", "invalid zip structure");
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > limits.maxEntries) bomb(`${entries.length} tệp con`, `${entries.length} entries`);
  if (!zip.file(kind.mainPart))
    corrupt(
      `thiếu phần nội dung chính (đây không phải tệp ${kind.label.app} hoàn chỉnh)`,
      `its main content is missing (it is not a complete ${kind.label.app} file)`,
    );

  let declaredTotal = 0;
  for (const entry of entries) {
    const data = (entry as unknown as { _data?: CompressedData })._data;
    if (!data || typeof data.uncompressedSize !== "number") continue;
    const { compressedSize, uncompressedSize } = data;
    declaredTotal += uncompressedSize;
    if (declaredTotal > limits.maxUncompressedBytes) {
      const size = formatMegabytes(declaredTotal);
      const max = formatMegabytes(limits.maxUncompressedBytes);
      bomb(`giải nén ra hơn ${size.vi}, giới hạn ${max.vi}`, `expands to over ${size.en}, limit ${max.en}`);
    }
    if (
      uncompressedSize > limits.ratioFloorBytes &&
      uncompressedSize / Math.max(1, compressedSize) > limits.maxRatio
    ) {
      const ratio = Math.round(uncompressedSize / Math.max(1, compressedSize));
      bomb(`tỉ lệ nén ${ratio}:1`, `compression ratio ${ratio}:1`);
    }
  }

  // Sizes in the headers can lie: inflate the XML parts for real, never past the budget.
  let budget = limits.maxUncompressedBytes;
  for (const entry of entries) {
    if (!/\.(xml|rels)$/i.test(entry.name)) continue;
    const data = (entry as unknown as { _data?: CompressedData })._data;
    const raw = data?.compressedContent;
    if (!data || !raw) continue;
    const method = data.compression?.magic;
    let size: number;
    if (method === "\x00\x00") size = raw.length;
    else if (method === "\x08\x00") {
      try {
        size = inflateRawSync(raw, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (error) {
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
          const max = formatMegabytes(limits.maxUncompressedBytes);
          bomb(`giải nén ra hơn ${max.vi}`, `expands to over ${max.en}`);
        }
        corrupt(`dữ liệu nén của ${entry.name} bị lỗi`, `compressed data of ${entry.name} is damaged`);
      }
    } else {
      corrupt(
        `phương thức nén không hỗ trợ ở ${entry.name}`,
        `unsupported compression method in ${entry.name}`,
      );
    }
    if (size !== data.uncompressedSize)
      corrupt(`kích thước của ${entry.name} không khớp`, `size of ${entry.name} does not match its header`);
    budget -= size;
  }
  return zip;
}

/** The .docx with automatic numbering written in as text and data tables flattened to rows, or the original bytes. */
async function withNumberingAsText(zip: JSZip, bytes: Uint8Array): Promise<Uint8Array> {
  const numbering = zip.file("word/numbering.xml");
  const document = zip.file("word/document.xml");
  if (!document) return bytes;
  let xml = await document.async("string");
  let changed = false;
  if (numbering) {
    try {
      const styles = zip.file("word/styles.xml");
      const patched = materialiseNumbering(
        xml,
        await numbering.async("string"),
        styles ? await styles.async("string") : null,
      );
      if (patched) {
        xml = patched;
        changed = true;
      }
    } catch {
      // Numbering is a nicety: a document we cannot renumber is still read as it is.
    }
  }
  try {
    const flat = flattenTables(xml);
    if (flat) {
      xml = flat;
      changed = true;
    }
  } catch {
    // Likewise tables: unreadable ones stay as mammoth reads them, one cell per paragraph.
  }
  if (!changed) return bytes;
  zip.file("word/document.xml", xml);
  return await zip.generateAsync({ type: "uint8array", compression: "STORE" });
}

export async function readDocx(bytes: Uint8Array, limits: DocxLimits = DEFAULT_DOCX_LIMITS): Promise<string> {
  const zip = await inspectOfficeZip(bytes, DOCX_KIND, limits);
  const input = await withNumberingAsText(zip, bytes);
  let raw: string;
  try {
    const result = await mammoth.extractRawText({
      buffer: Buffer.from(input.buffer, input.byteOffset, input.byteLength),
    });
    raw = result.value;
  } catch (error) {
    if (isPlanExtractError(error)) throw error;
    corruptOffice(
      DOCX_KIND,
      "không đọc được nội dung văn bản",
      `its text could not be read (${(error as Error).message})`,
    );
  }
  // mammoth ends every paragraph with a blank line; empty paragraphs stack them up.
  const text = cleanText(raw)
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  assertNotEmpty(text, { vi: "Tài liệu Word", en: "The Word document" });
  return `${text}\n`;
}
