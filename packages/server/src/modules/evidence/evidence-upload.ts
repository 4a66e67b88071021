import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../../errors.ts";
import { readMultipart, requireFile, type UploadedFile } from "../../multipart.ts";
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
export async function readEvidenceUpload(request: FastifyRequest, maxBytes: number): Promise<UploadedFile> {
  const form = await readMultipart(request, {
    notMultipart: "Hãy gửi tệp minh chứng dạng multipart/form-data (trường `file`).",
    tooLarge: () =>
      new AppError("payload_too_large", `Tệp minh chứng quá lớn (tối đa ${megabytes(maxBytes)} MB).`, [
        { path: "body.file", message: "Quá lớn" },
      ]),
    defaultFileName: "minh-chung",
  });
  return requireFile(form, "Chọn tệp minh chứng (trường `file`).");
}
