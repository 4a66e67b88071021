import { ZReportParams, ZUnitReport } from "@dtplan/contracts";
import { WORKBOOK_MAX_BYTES } from "@dtplan/domain/tasks/evidence-files.ts";
import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { readMultipart, requireFile } from "../../multipart.ts";
import { requireActor } from "../access/access.ts";
import { type ReportRef, reportWorkbookFile, uploadReportWorkbook } from "./report-actions.ts";
import { XLSX_CONTENT_TYPE } from "./report-excel.ts";

const TAGS = ["reporting"];
const READ = { access: { permission: "plans.read" as const } };

/** The one file of the form's multipart body. */
async function readWorkbookUpload(request: FastifyRequest): Promise<Uint8Array> {
  const form = await readMultipart(request, {
    notMultipart: "Hãy gửi tệp Excel dạng multipart/form-data (trường `file`).",
    tooLarge: () =>
      new AppError("payload_too_large", "Tệp Excel quá lớn (tối đa 5 MB).", [
        { path: "body.file", message: "Quá lớn" },
      ]),
    defaultFileName: "bao-cao.xlsx",
  });
  return requireFile(form, "Chọn tệp Excel (trường `file`).").bytes;
}

/** Biểu mẫu Excel: download a unit's period form, fill it offline, upload it back. */
export async function reportExcelRoutes(app: FastifyInstance, { db }: { db: Database; config: AppConfig }) {
  await app.register(fastifyMultipart, { limits: { fileSize: WORKBOOK_MAX_BYTES, files: 1, fields: 5 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const url = "/plans/:code/periods/:key/reports/:unitId/xlsx";
  const reportOf = (
    request: Parameters<typeof requireActor>[0] & { params: { code: string; key: string; unitId: string } },
  ): ReportRef => ({ actor: requireActor(request), ...request.params });

  r.get(
    url,
    {
      config: READ,
      schema: {
        tags: TAGS,
        params: ZReportParams,
        summary: "Tải biểu mẫu Excel của báo cáo",
        description:
          "Tệp .xlsx gồm các trang Nhiệm vụ, Chỉ tiêu, Khó khăn - Kiến nghị; cấu trúc được khoá, ô cần nhập được tô màu.",
      },
    },
    async (request, reply) => {
      const { bytes, fileName } = await reportWorkbookFile(db, reportOf(request));
      return reply
        .header("content-type", XLSX_CONTENT_TYPE)
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .send(bytes);
    },
  );

  r.post(
    url,
    {
      config: READ,
      schema: {
        tags: TAGS,
        params: ZReportParams,
        consumes: ["multipart/form-data"],
        summary: "Nộp biểu mẫu Excel đã điền (lưu nháp)",
        description:
          "multipart/form-data, trường `file` (.xlsx tải từ dtplan). Kiểm tra từng ô; lỗi liệt kê theo trang, dòng, cột (`details`) và không lưu gì nếu còn lỗi.",
        response: { 200: ZUnitReport },
      },
    },
    async (request) =>
      uploadReportWorkbook(db, { ...reportOf(request), readFile: () => readWorkbookUpload(request) }),
  );
}
