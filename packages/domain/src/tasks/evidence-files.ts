/**
 * Tệp minh chứng: the file name extensions dtplan accepts as evidence. The server also
 * checks that a file's bytes are what its extension says; the browser checks the
 * extension and the size before sending anything.
 */
export const EVIDENCE_EXTENSIONS = [
  "pdf",
  "docx",
  "xlsx",
  "png",
  "jpg",
  "jpeg",
  "gif",
  "webp",
  "txt",
  "zip",
] as const;
export type EvidenceExtension = (typeof EVIDENCE_EXTENSIONS)[number];

/** The extension of a file name, lower-case, or "" when it has none. */
export function fileExtension(fileName: string): string {
  return /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
}

export function isEvidenceExtension(extension: string): extension is EvidenceExtension {
  return (EVIDENCE_EXTENSIONS as readonly string[]).includes(extension);
}

/** Megabytes for a message: "20" for 20 MiB, "1,5" for 1.5 MiB. */
export function megabytesText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return (Number.isInteger(mb) ? String(mb) : mb.toFixed(1)).replace(".", ",");
}

/**
 * Why a file cannot be sent as evidence, in Vietnamese, or null when it can: the checks the
 * server makes on the name and the size, made before the upload so a 25 MB file is not sent
 * only to be refused.
 */
export function evidenceFileProblem(file: { name: string; size: number }, maxBytes: number): string | null {
  const extension = fileExtension(file.name);
  if (!isEvidenceExtension(extension)) {
    const allowed = EVIDENCE_EXTENSIONS.map((e) => `.${e}`).join(", ");
    return `Không nhận loại tệp ${extension ? `.${extension}` : "không có phần mở rộng"} (“${file.name}”). Chỉ nhận tệp ${allowed}.`;
  }
  if (file.size > maxBytes) {
    return `Tệp “${file.name}” nặng ${megabytesText(file.size)} MB, quá giới hạn ${megabytesText(maxBytes)} MB cho một tệp minh chứng.`;
  }
  if (file.size === 0) return `Tệp “${file.name}” rỗng.`;
  return null;
}

/** The largest Excel form (biểu mẫu báo cáo) a unit sends back: the server reads no more. */
export const WORKBOOK_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Why a file cannot be sent as a filled-in Excel workbook (a report form, an index
 * framework), in Vietnamese, or null when it can: checked in the browser before the upload,
 * with the limit the receiving route applies.
 */
export function workbookFileProblem(
  file: { name: string; size: number },
  maxBytes: number = WORKBOOK_MAX_BYTES,
): string | null {
  if (fileExtension(file.name) !== "xlsx") {
    return `Tệp “${file.name}” không phải tệp Excel .xlsx. Hãy chọn tệp .xlsx đã tải về từ dtplan.`;
  }
  if (file.size > maxBytes) {
    return `Tệp “${file.name}” nặng ${megabytesText(file.size)} MB, quá giới hạn ${megabytesText(maxBytes)} MB cho một tệp Excel.`;
  }
  if (file.size === 0) return `Tệp “${file.name}” rỗng.`;
  return null;
}
