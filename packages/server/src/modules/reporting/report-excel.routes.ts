import { ZReportParams, ZUnitReport } from "@dtplan/contracts";
import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { readMultipart, requireFile } from "../../multipart.ts";
import { requireActor } from "../access/access.ts";
import { getReport, presentReport, reportScope } from "./get-report.ts";
import {
  loadWorkbook,
  parseReportWorkbook,
  reportWorkbook,
  uploadError,
  XLSX_CONTENT_TYPE,
} from "./report-excel.ts";
import { reportingPlan } from "./reporting.guards.ts";
import { assertEditor, saveDraft } from "./save-draft.ts";

const TAGS = ["reporting"];
const READ = { access: { permission: "plans.read" as const } };
const MAX_BYTES = 5 * 1024 * 1024;

/** Biểu mẫu Excel: download a unit's period form, fill it offline, upload it back. */
export async function reportExcelRoutes(app: FastifyInstance, { db }: { db: Database; config: AppConfig }) {
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_BYTES, files: 1, fields: 5 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const url = "/plans/:code/periods/:key/reports/:unitId/xlsx";

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
      const ctx = await reportingPlan(db, requireActor(request), request.params.code);
      const report = await getReport(db, { ctx, key: request.params.key, unitId: request.params.unitId });
      const bytes = await reportWorkbook(report);
      const name = `bao-cao-${report.plan.code}-${report.period.key}.xlsx`.replace(/[^\w.-]/g, "_");
      return reply
        .header("content-type", XLSX_CONTENT_TYPE)
        .header("content-disposition", `attachment; filename="${name}"`)
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
    async (request) => {
      const ctx = await reportingPlan(db, requireActor(request), request.params.code);
      const scope = await reportScope(db, ctx, request.params.key, request.params.unitId);
      assertEditor(scope);
      const form = await readMultipart(request, {
        notMultipart: "Hãy gửi tệp Excel dạng multipart/form-data (trường `file`).",
        tooLarge: () =>
          new AppError("payload_too_large", "Tệp Excel quá lớn (tối đa 5 MB).", [
            { path: "body.file", message: "Quá lớn" },
          ]),
        defaultFileName: "bao-cao.xlsx",
      });
      const { bytes } = requireFile(form, "Chọn tệp Excel (trường `file`).");
      const wb = await loadWorkbook(bytes);
      const current = await getReport(db, { ctx, key: request.params.key, unitId: request.params.unitId });
      const { input, errors } = parseReportWorkbook(wb, current);
      if (errors.length) throw uploadError(errors);
      return presentReport(db, scope, await saveDraft(db, { scope, input }));
    },
  );
}
