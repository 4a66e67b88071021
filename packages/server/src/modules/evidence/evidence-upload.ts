import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { readMultipart, requireFile, type UploadedFile } from "../../multipart.ts";
import type { EvidenceStore } from "./evidence-store.ts";
import { ALLOWED_EXTENSIONS } from "./file-types.ts";

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** What a plugin with evidence upload routes is registered with (part of the app's modules). */
export interface EvidenceRouteOptions {
  db: Database;
  config: AppConfig;
  evidence: EvidenceStore;
}

/**
 * The plugin scope of evidence upload routes: multipart parsing (one file, at most the configured
 * size), the typed router, and the upload's size limit, OpenAPI description and reader.
 */
export async function evidenceUploadScope(app: FastifyInstance, config: AppConfig) {
  const { maxBytes } = config.evidence;
  await app.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 5 } });
  return {
    r: app.withTypeProvider<ZodTypeProvider>(),
    maxBytes,
    upload: {
      description: evidenceUploadDescription(maxBytes),
      read: (request: FastifyRequest) => readEvidenceUpload(request, maxBytes),
    },
  };
}

/** The OpenAPI description every evidence upload route shares. */
function evidenceUploadDescription(maxBytes: number): string {
  return `multipart/form-data, trường \`file\`: ${ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(", ")}; tối đa ${megabytes(maxBytes)} MB. Nội dung tệp phải đúng loại theo phần mở rộng.`;
}

/** The `file` part of a multipart request, with Vietnamese errors when it is missing or too large. */
async function readEvidenceUpload(request: FastifyRequest, maxBytes: number): Promise<UploadedFile> {
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
