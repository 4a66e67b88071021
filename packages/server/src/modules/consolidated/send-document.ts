import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError, errorBodyFor } from "../../errors.ts";
import { type DownloadFile, sendMadeFile } from "../evidence/file-types.ts";
import { PdfUnavailableError } from "./render-pdf.ts";

/**
 * Makes an official document on request and sends it as an attachment; 503 saying why when
 * its PDF cannot be made on this server (LibreOffice missing or not starting).
 */
export async function sendDocument(
  request: FastifyRequest,
  reply: FastifyReply,
  make: () => Promise<DownloadFile>,
): Promise<FastifyReply> {
  try {
    return sendMadeFile(reply, await make());
  } catch (error) {
    if (error instanceof PdfUnavailableError) {
      return reply.code(503).send(errorBodyFor(request, new AppError("internal", error.message)));
    }
    throw error;
  }
}
