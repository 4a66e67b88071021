import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../../errors.ts";
import { ALLOWED_EXTENSIONS } from "./file-types.ts";

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Multipart parsing for an evidence upload route's plugin scope: one file, at most `maxBytes`. */
export async function registerEvidenceMultipart(app: FastifyInstance, maxBytes: number): Promise<void> {
  await app.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 5 } });
}

/** The OpenAPI description every evidence upload route shares. */
export function evidenceUploadDescription(maxBytes: number): string {
  return `multipart/form-data, trường \`file\`: ${ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(", ")}; tối đa ${megabytes(maxBytes)} MB. Nội dung tệp phải đúng loại theo phần mở rộng.`;
}

/** The `file` part of a multipart request, with Vietnamese errors when it is missing or too large. */
export async function readEvidenceUpload(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  if (!request.isMultipart()) {
    throw new AppError("bad_request", "Hãy gửi tệp minh chứng dạng multipart/form-data (trường `file`).");
  }
  let file: { fileName: string; bytes: Uint8Array } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type !== "file") continue;
      const bytes = new Uint8Array(await part.toBuffer());
      if (part.fieldname === "file") file = { fileName: part.filename || "minh-chung", bytes };
    }
  } catch (error) {
    if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") {
      throw new AppError("payload_too_large", `Tệp minh chứng quá lớn (tối đa ${megabytes(maxBytes)} MB).`, [
        { path: "body.file", message: "Quá lớn" },
      ]);
    }
    throw error;
  }
  if (!file) {
    throw new AppError("validation_failed", "Chọn tệp minh chứng (trường `file`).", [
      { path: "body.file", message: "Thiếu tệp" },
    ]);
  }
  return file;
}
