// readPlanDocument: bytes of an uploaded plan (.txt, .docx, .pdf) → clean NFC text
// for extractPlan(). Every refusal is a PlanExtractError with a Vietnamese message.

import { DEFAULT_DOCX_LIMITS, type DocxLimits, readDocx } from "./docx.ts";
import { fail, formatMegabytes } from "./errors.ts";
import { readPdf } from "./pdf.ts";
import { type DocumentFormat, decideFormat } from "./sniff.ts";
import { assertNotEmpty, decodeText } from "./text.ts";

export interface PlanDocumentInput {
  bytes: Uint8Array;
  /** The uploaded name; only its extension is used, to catch a mismatch with the content. */
  fileName: string;
}

export interface ReadOptions {
  /** Largest accepted file, in bytes (default 20 MB). */
  maxBytes?: number;
  docxLimits?: DocxLimits;
  /** Give up on a PDF whose parsing takes longer (default 90 s). */
  pdfTimeoutMs?: number;
}

export interface PlanDocument {
  text: string;
  format: DocumentFormat;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Throws file_too_large when `size` exceeds the limit; callers can check a file's size before reading it. */
export function assertFileSize(size: number, maxBytes: number = DEFAULT_MAX_BYTES): void {
  if (size > maxBytes) {
    const got = formatMegabytes(size);
    const max = formatMegabytes(maxBytes);
    fail(
      "file_too_large",
      `Tệp quá lớn (${got.vi}); dung lượng tối đa là ${max.vi}. Hãy bỏ bớt ảnh/phụ lục hoặc tách tệp rồi nhập lại.`,
      `The file is too large (${got.en}); the limit is ${max.en}. Remove images/appendices or split the file and re-import.`,
    );
  }
}

export async function readPlanDocument(
  input: PlanDocumentInput,
  options: ReadOptions = {},
): Promise<PlanDocument> {
  const { bytes, fileName } = input;
  assertFileSize(bytes.byteLength, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (bytes.byteLength === 0) {
    fail(
      "empty_file",
      "Tệp rỗng (0 byte): không có nội dung để nhập.",
      "The file is empty (0 bytes): there is nothing to import.",
    );
  }
  const format = decideFormat(bytes, fileName);
  switch (format) {
    case "txt": {
      const text = decodeText(bytes);
      assertNotEmpty(text, { vi: "Tệp văn bản", en: "The text file" });
      return { text, format };
    }
    case "docx":
      return { text: await readDocx(bytes, options.docxLimits ?? DEFAULT_DOCX_LIMITS), format };
    case "pdf":
      return { text: await readPdf(bytes, { timeoutMs: options.pdfTimeoutMs }), format };
  }
}
