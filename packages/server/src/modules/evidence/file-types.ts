import {
  EVIDENCE_EXTENSIONS,
  type EvidenceExtension,
  fileExtension,
  isEvidenceExtension,
} from "@dtplan/domain/tasks/evidence-files.ts";
import type { FastifyReply } from "fastify";
/**
 * The evidence files dtplan accepts, recognised by their first bytes (never by the
 * name or the browser's content type alone), and the content type each is served as.
 * Anything not on this list is refused on upload and served as octet-stream.
 */
export const EVIDENCE_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  png: "image/png",
  jpg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  txt: "text/plain; charset=utf-8",
  zip: "application/zip",
} as const;
export type EvidenceKind = keyof typeof EVIDENCE_TYPES;

const EXTENSIONS: Record<EvidenceExtension, EvidenceKind> = {
  pdf: "pdf",
  docx: "docx",
  xlsx: "xlsx",
  png: "png",
  jpg: "jpg",
  jpeg: "jpg",
  gif: "gif",
  webp: "webp",
  txt: "txt",
  zip: "zip",
};

export const ALLOWED_EXTENSIONS: readonly string[] = EVIDENCE_EXTENSIONS;

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  prefix.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

function zipHas(bytes: Uint8Array, name: string): boolean {
  // Entry names are stored in plain ASCII in the local headers and the central directory.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name, 0, "latin1");
}

/** What the bytes are, judged by their content alone. */
function sniff(bytes: Uint8Array): EvidenceKind | "text" | null {
  if (startsWith(bytes, ascii("%PDF-"))) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return "zip";
  if (bytes.includes(0)) return null;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  return "text";
}

/** Text a browser could take for a page or a script: refused even as .txt. */
const MARKUP = /<\s*(!doctype|html|head|body|script|iframe|svg|object|embed|meta|link|style)\b|javascript:/i;

export type Classification =
  | { ok: true; kind: EvidenceKind; contentType: string }
  | { ok: false; reason: string };

/** Accepts a file only when its extension is allowed and its bytes are what the extension says. */
export function classifyEvidence(fileName: string, bytes: Uint8Array): Classification {
  const extension = fileExtension(fileName);
  const kind = isEvidenceExtension(extension) ? EXTENSIONS[extension] : undefined;
  const allowed = `Chỉ nhận tệp ${ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(", ")}.`;
  if (!kind)
    return {
      ok: false,
      reason: `Không nhận loại tệp ${extension ? `.${extension}` : "không có phần mở rộng"}. ${allowed}`,
    };
  if (bytes.length === 0) return { ok: false, reason: "Tệp rỗng." };
  const found = sniff(bytes);
  const mismatch = { ok: false as const, reason: `Nội dung tệp không phải là tệp .${extension} hợp lệ.` };
  if (kind === "txt") {
    if (found !== "text") return mismatch;
    if (MARKUP.test(new TextDecoder().decode(bytes.subarray(0, 64 * 1024)))) {
      return { ok: false, reason: "Tệp văn bản có chứa mã HTML/script nên không được nhận." };
    }
  } else if (kind === "docx" || kind === "xlsx") {
    if (found !== "zip" || !zipHas(bytes, kind === "docx" ? "word/" : "xl/")) return mismatch;
  } else if (found !== kind) {
    return mismatch;
  }
  return { ok: true, kind, contentType: EVIDENCE_TYPES[kind] };
}

const SERVABLE = new Set<string>(Object.values(EVIDENCE_TYPES));

/** The content type to send: a stored one on the allow-list, else octet-stream; never HTML. */
export function servedContentType(stored: string): string {
  return SERVABLE.has(stored) ? stored : "application/octet-stream";
}

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266/5987). */
export function attachmentDisposition(fileName: string): string {
  const fallback =
    fileName
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .replace(/[^\x20-\x7e]|["\\;]/g, "_")
      .trim() || "tep-minh-chung";
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** A file made on request to download: its bytes, name and content type. */
export interface DownloadFile {
  bytes: Buffer;
  fileName: string;
  contentType: string;
}

/** Sends a made file as an attachment under its name. */
export function sendMadeFile(reply: FastifyReply, file: DownloadFile): FastifyReply {
  return reply
    .header("content-type", file.contentType)
    .header("content-disposition", attachmentDisposition(file.fileName))
    .send(file.bytes);
}

/** A file name safe to keep and show: no path, no control characters, bounded. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (cleaned || "tep-minh-chung").slice(0, 255);
}
