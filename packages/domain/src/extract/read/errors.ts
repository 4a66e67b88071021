import { PlanExtractError, type PlanExtractErrorCode } from "../errors.ts";

/** Shorthand for the readers: every bad input ends as a PlanExtractError (Vietnamese + English). */
export function fail(code: PlanExtractErrorCode, vi: string, en: string): never {
  throw new PlanExtractError(code, vi, en);
}

/** "21,0 MB" (Vietnamese decimal comma) and "21.0 MB". */
export function formatMegabytes(bytes: number): { vi: string; en: string } {
  const mb = bytes / (1024 * 1024);
  // Whole megabytes only when exact: "20,0 MB; tối đa 20 MB" must not read as equal.
  const en = Number.isInteger(mb) ? mb.toFixed(0) : mb.toFixed(1);
  return { vi: `${en.replace(".", ",")} MB`, en: `${en} MB` };
}

export function isPlanExtractError(error: unknown): error is PlanExtractError {
  return error instanceof PlanExtractError;
}
