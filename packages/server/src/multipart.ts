import type { FastifyRequest } from "fastify";
import { AppError } from "./errors.ts";

/** A file sent in a multipart form. */
export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
}

/** The `file` part and the text fields of a multipart request. */
export interface MultipartForm {
  file: UploadedFile | null;
  fields: Map<string, string>;
}

/**
 * Reads a multipart request — the one loop every upload route shares — with the
 * route's own Vietnamese answers: not multipart (400 with `notMultipart`), a file over
 * the registered limit (`tooLarge`, given the declared Content-Length when there is
 * one), and a malformed body (`malformed`, else the error as it came).
 */
export async function readMultipart(
  request: FastifyRequest,
  options: {
    notMultipart: string;
    tooLarge: (declaredBytes: number | null) => AppError;
    malformed?: (error: Error) => AppError;
    /** The name a file without one gets. */
    defaultFileName: string;
    /** Refuse at once (`tooLarge`) a body whose Content-Length already says it is over this. */
    maxBodyBytes?: number;
  },
): Promise<MultipartForm> {
  if (!request.isMultipart()) throw new AppError("bad_request", options.notMultipart);
  const declared = Number(request.headers["content-length"]);
  const size = Number.isFinite(declared) && declared > 0 ? declared : null;
  if (size !== null && options.maxBodyBytes !== undefined && size > options.maxBodyBytes) {
    throw options.tooLarge(size);
  }
  const form: MultipartForm = { file: null, fields: new Map() };
  try {
    for await (const part of request.parts()) {
      if (part.type === "file") {
        const bytes = new Uint8Array(await part.toBuffer());
        if (part.fieldname === "file")
          form.file = { fileName: part.filename || options.defaultFileName, bytes };
      } else {
        form.fields.set(part.fieldname, String(part.value));
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw options.tooLarge(size);
    throw options.malformed ? options.malformed(error as Error) : error;
  }
  return form;
}

/** The form's file, or a 400 naming the missing `file` field. */
export function requireFile(form: MultipartForm, message: string): UploadedFile {
  if (!form.file)
    throw new AppError("validation_failed", message, [{ path: "body.file", message: "Thiếu tệp" }]);
  return form.file;
}
