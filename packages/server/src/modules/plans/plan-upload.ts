// The multipart body of POST /plans/import: the issuing unit and the plan file, with a
// Vietnamese 400 for everything a client can get wrong, including a file over the limit
// (`file_too_large`, before a byte of it is read when Content-Length already says so).

import { formatMegabytes } from "@dtplan/domain/extract/read/errors.ts";
import { DEFAULT_MAX_BYTES } from "@dtplan/domain/extract/read/index.ts";
import type { FastifyRequest } from "fastify";
import { AppError } from "../../errors.ts";
import { readMultipart } from "../../multipart.ts";

/** Room for the multipart framing and the small fields around the file. */
const FRAMING_BYTES = 64 * 1024;

/** The limits the import route registers @fastify/multipart with. */
export const PLAN_UPLOAD_LIMITS = {
  fileSize: DEFAULT_MAX_BYTES,
  files: 1,
  fields: 5,
  fieldSize: 1024,
} as const;

export function fileTooLarge(size: number | null, maxBytes = DEFAULT_MAX_BYTES): AppError {
  const max = formatMegabytes(maxBytes).vi;
  const got = size ? ` (${formatMegabytes(size).vi})` : "";
  return new AppError(
    "file_too_large",
    `Tệp kế hoạch quá lớn${got}: dung lượng tối đa là ${max}. Hãy bỏ bớt ảnh/phụ lục hoặc tách tệp rồi nhập lại.`,
    [{ path: "body.file", message: `Tối đa ${max}` }],
  );
}

export interface PlanUpload {
  unitId: string | null;
  /** `amendment` when the officer chose to import the file as a new version of the plan it repeats. */
  mode: string | null;
  file: { bytes: Uint8Array; fileName: string } | null;
}

export async function readPlanUpload(request: FastifyRequest): Promise<PlanUpload> {
  const form = await readMultipart(request, {
    notMultipart: "Hãy gửi tệp kế hoạch dạng multipart/form-data (trường `file` và `unitId`).",
    maxBodyBytes: DEFAULT_MAX_BYTES + FRAMING_BYTES,
    tooLarge: (size) => fileTooLarge(size),
    // Truncated or malformed multipart (a body shorter than its Content-Length, too
    // many parts): the client's mistake, never a 500.
    malformed: (error) =>
      new AppError(
        "bad_request",
        "Dữ liệu tải lên không hợp lệ hoặc bị cắt ngắn; hãy chọn lại tệp kế hoạch và gửi lại.",
        [{ path: "body", message: error.message.slice(0, 200) }],
      ),
    defaultFileName: "ke-hoach.txt",
  });
  return {
    unitId: form.fields.get("unitId") ?? null,
    mode: form.fields.get("mode") ?? null,
    file: form.file,
  };
}
