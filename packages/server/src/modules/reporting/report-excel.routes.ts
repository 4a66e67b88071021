import { ZReportParams, ZUnitReport } from "@dtplan/contracts";
import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { AppError, errorBodyFor } from "../../errors.ts";
import { readMultipart, requireFile } from "../../multipart.ts";
import { requireActor } from "../access/access.ts";
import { PdfUnavailableError } from "../consolidated/render-pdf.ts";
import { attachmentDisposition } from "../evidence/file-types.ts";
import { type ReportRef, reportWorkbookFile, uploadReportWorkbook } from "./report-actions.ts";
import { REPORT_DOCUMENT_FORMATS, reportDocument } from "./report-document.ts";
import { XLSX_CONTENT_TYPE } from "./report-excel.ts";

const TAGS = ["reporting"];
const READ = { access: { permission: "plans.read" as const } };
const MAX_BYTES = 5 * 1024 * 1024;

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

const DOCUMENT = {
  xlsx: {
    summary: "Tải bản báo cáo đã nộp (Excel)",
    description:
      "Báo cáo của đơn vị sau khi nộp, để lưu hoặc in: trang Nhiệm vụ, Chỉ tiêu và Thông tin chung (kỳ, trạng thái, người nộp, khó khăn, kiến nghị). Ai xem được báo cáo thì tải được (cán bộ của đơn vị, người duyệt); 409 khi báo cáo chưa nộp.",
  },
  pdf: {
    summary: "Tải bản báo cáo đã nộp (PDF)",
    description:
      "Cùng nội dung dạng văn bản (A4, Times New Roman), chuyển sang PDF bằng LibreOffice trên máy chủ như báo cáo tổng hợp. 503 khi máy chủ chưa cài LibreOffice; 409 khi báo cáo chưa nộp.",
  },
} as const;

/** Biểu mẫu Excel: download a unit's period form, fill it offline, upload it back. */
export async function reportExcelRoutes(app: FastifyInstance, { db }: { db: Database; config: AppConfig }) {
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_BYTES, files: 1, fields: 5 } });
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

  for (const format of REPORT_DOCUMENT_FORMATS) {
    r.get(
      `/plans/:code/periods/:key/reports/:unitId/document.${format}`,
      { config: READ, schema: { tags: TAGS, params: ZReportParams, ...DOCUMENT[format] } },
      async (request, reply) => {
        try {
          const file = await reportDocument(db, { ...reportOf(request), format });
          return reply
            .header("content-type", file.contentType)
            .header("content-disposition", attachmentDisposition(file.fileName))
            .send(file.bytes);
        } catch (error) {
          if (error instanceof PdfUnavailableError) {
            return reply.code(503).send(errorBodyFor(request, new AppError("internal", error.message)));
          }
          throw error;
        }
      },
    );
  }

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
