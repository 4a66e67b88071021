import { z } from "zod";

/** Error codes every API error carries; mapped to HTTP status in one place on the server. */
export const ERROR_CODES = [
  "bad_request",
  "validation_failed",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "csrf_failed",
  "rate_limited",
  "payload_too_large",
  "file_too_large",
  "unsupported_media_type",
  "unavailable",
  "internal",
] as const;
export const ZErrorCode = z.enum(ERROR_CODES);
export type TErrorCode = z.infer<typeof ZErrorCode>;

/** `{ "error": { "code", "message", "details"? } }` — message in Vietnamese. */
export const ZErrorResponse = z.object({
  error: z.object({
    code: ZErrorCode,
    message: z.string(),
    details: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          // Where an uploaded spreadsheet is wrong: sheet name, 1-based row, column letter.
          sheet: z.string().optional(),
          row: z.number().int().nullable().optional(),
          column: z.string().nullable().optional(),
        }),
      )
      .optional(),
  }),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;

export const ZUuid = z.uuid({ message: "Mã định danh không hợp lệ" });
/** ISO date `YYYY-MM-DD` on the wire; the interface shows dd/mm/yyyy. */
export const ZIsoDate = z.iso.date({ message: "Ngày phải có dạng YYYY-MM-DD" });

export const ZIdParams = z.object({ id: ZUuid });

export const ZOk = z.object({ ok: z.literal(true) });

/** Mã kế hoạch as it appears in addresses: `chau-thanh-2025`. */
export const ZPlanCode = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9-]+$/, "Mã kế hoạch chỉ gồm chữ thường không dấu, số và gạch ngang");

/** Mã kỳ báo cáo: `2025-Q2`, `2025-H1`, `2025-A1`. */
export const ZPeriodKey = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9-]+$/, "Mã kỳ báo cáo không hợp lệ");

/** A unit named in an answer. */
export const ZUnitRef = z.object({ id: z.uuid(), name: z.string() });
/** A person named in an answer (who saved, who approved), or null when nobody did. */
export const ZPersonRef = ZUnitRef.nullable();
