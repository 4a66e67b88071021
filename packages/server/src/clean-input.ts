import { cleanTextDeep, hasForbiddenCharacters } from "@dtplan/domain/text/clean.ts";
import type { FastifyInstance } from "fastify";
import { AppError } from "./errors.ts";

function badPart(where: "params" | "query", value: unknown): string | null {
  if (!value || typeof value !== "object") return null;
  for (const [name, v] of Object.entries(value)) {
    const values = Array.isArray(v) ? v : [v];
    if (values.some((s) => typeof s === "string" && hasForbiddenCharacters(s))) return `${where}.${name}`;
  }
  return null;
}

/**
 * The boundary for free text: every JSON body is cleaned (NFC, no NUL, no character XML
 * forbids) before validation, so nothing stored can break a Word or Excel file. An address
 * or query holding such a character names nothing that exists: a 400 that says where.
 */
export function registerInputCleaning(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const where = badPart("params", request.params) ?? badPart("query", request.query);
    if (where) {
      throw new AppError(
        "bad_request",
        `Địa chỉ yêu cầu chứa ký tự không hợp lệ (ký tự điều khiển như NUL, U+FFFE) ở ${where}.`,
        [{ path: where, message: "Ký tự không hợp lệ" }],
      );
    }
    if (request.body !== undefined && !Buffer.isBuffer(request.body))
      request.body = cleanTextDeep(request.body);
  });
}
