import { ZReportParams } from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { requireActor } from "../access/access.ts";
import { REPORT_DOCUMENT_FORMATS, reportDocument } from "./report-document.ts";
import { sendDocument } from "./send-document.ts";

const TAGS = ["reporting"];
const READ = { access: { permission: "plans.read" as const } };

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

/**
 * A unit's submitted report as a document to keep or print (Excel, PDF). Here with the
 * other official documents, whose layout and PDF conversion it shares.
 */
export async function reportDocumentRoutes(
  app: FastifyInstance,
  { db }: { db: Database; config: AppConfig },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const reportOf = (
    request: Parameters<typeof requireActor>[0] & { params: { code: string; key: string; unitId: string } },
  ) => ({ actor: requireActor(request), ...request.params });

  for (const format of REPORT_DOCUMENT_FORMATS) {
    r.get(
      `/plans/:code/periods/:key/reports/:unitId/document.${format}`,
      { config: READ, schema: { tags: TAGS, params: ZReportParams, ...DOCUMENT[format] } },
      async (request, reply) =>
        sendDocument(request, reply, () => reportDocument(db, { ...reportOf(request), format })),
    );
  }
}
