import {
  type TConsolidatedFormat,
  ZConsolidatedReport,
  ZPeriodParams,
  ZSaveConsolidated,
} from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { forbidden } from "../../errors.ts";
import { assertOverseesUnit, requireActor } from "../access/access.ts";
import { findPeriod } from "../reporting/reporting.repository.ts";
import { consolidatedPlan, consolidatedPlanWith, consolidatedReport } from "./consolidated-report.ts";
import { saveNarrative } from "./narrative.ts";
import { renderConsolidated } from "./render-consolidated.ts";
import { sendDocument } from "./send-document.ts";

const TAGS = ["consolidated"];
// Read by those who review the plan's periods (reports.review or dashboard.read on its
// unit: focal officer, leader, province viewer), decided in the handler once the plan is
// found; editing the narrative needs reports.review (the focal officer and the leader).
const READ = { access: { permission: "plans.read" as const } };

const FORMATS: { format: TConsolidatedFormat; summary: string; description: string }[] = [
  {
    format: "docx",
    summary: "Tải báo cáo tổng hợp (Word)",
    description:
      "Tệp .docx theo thể thức Nghị định 30/2020/NĐ-CP: khổ A4 đứng, lề trên/dưới 20 mm, trái 30 mm, phải 15 mm, phông Times New Roman; bảng chỉ tiêu và nhiệm vụ theo trụ cột lấy từ số liệu hiện tại, phần lời văn như đã lưu.",
  },
  {
    format: "xlsx",
    summary: "Tải bảng số liệu báo cáo tổng hợp (Excel)",
    description:
      "Các bảng của báo cáo, mỗi bảng một trang: chỉ tiêu, nhiệm vụ, tình hình báo cáo của đơn vị, khó khăn - kiến nghị; dòng tiêu đề cố định, định dạng số.",
  },
  {
    format: "pdf",
    summary: "Tải báo cáo tổng hợp (PDF)",
    description:
      "Bản Word chuyển sang PDF bằng LibreOffice trên máy chủ (lần lượt từng yêu cầu). 503 khi máy chủ chưa cài LibreOffice.",
  },
];

export async function consolidatedRoutes(
  app: FastifyInstance,
  { db, config }: { db: Database; config: AppConfig },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const load = async (
    request: Parameters<typeof requireActor>[0] & { params: { code: string; key: string } },
  ) => {
    // The plan, the caller's rights on it and the report's data in one statement.
    const { ctx, read } = await consolidatedPlanWith(
      db,
      requireActor(request),
      request.params.code,
      request.params.key,
    );
    // Every unit's statements and figures, submitted or not: the period's reviewers only.
    await assertOverseesUnit(db, ctx.actor, ctx.plan.unitId);
    return {
      ctx,
      report: await consolidatedReport(db, {
        plan: ctx.plan,
        canEdit: ctx.canReview,
        periodKey: request.params.key,
        nearThreshold: config.attainment.nearThreshold,
        units: ctx.units,
        read,
      }),
    };
  };

  r.get(
    "/plans/:code/periods/:key/consolidated",
    {
      // The report's tables (a hundred KB on a province plan): sent as presented (tests hold it to the contract).
      config: { ...READ, trustedResponse: true },
      schema: {
        tags: TAGS,
        summary: "Báo cáo tổng hợp của kỳ",
        description:
          "Số liệu của báo cáo tổng hợp (chỉ tiêu và mức độ đạt, nhiệm vụ theo trụ cột với tình trạng và tiến độ tính đến kỳ, khó khăn và kiến nghị từ báo cáo đã nộp của các đơn vị, tình hình nộp báo cáo), phần lời văn đã lưu (hoặc nội dung gợi ý khi chưa lưu) và quyền sửa của người gọi.",
        params: ZPeriodParams,
        response: { 200: ZConsolidatedReport },
      },
    },
    async (request) => (await load(request)).report,
  );

  r.put(
    "/plans/:code/periods/:key/consolidated",
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: "Lưu phần lời văn của báo cáo tổng hợp",
        description:
          "Chuyên viên đầu mối hoặc lãnh đạo. Số văn bản, địa danh, ngày báo cáo, các đoạn văn, khối chữ ký, nơi nhận. Gửi `version` đã tải (0 khi chưa lưu lần nào); 409 nếu người khác đã lưu sau đó. Ghi nhật ký.",
        params: ZPeriodParams,
        body: ZSaveConsolidated,
        response: { 200: ZConsolidatedReport },
      },
    },
    async (request) => {
      const ctx = await consolidatedPlan(db, requireActor(request), request.params.code);
      if (!ctx.canReview) {
        throw forbidden(
          "Chỉ chuyên viên đầu mối hoặc lãnh đạo của đơn vị ban hành kế hoạch được sửa báo cáo tổng hợp.",
        );
      }
      await findPeriod(db, ctx.plan, request.params.key);
      await saveNarrative(db, {
        plan: ctx.plan,
        periodKey: request.params.key,
        actor: ctx.actor,
        input: request.body,
      });
      return consolidatedReport(db, {
        plan: ctx.plan,
        canEdit: ctx.canReview,
        periodKey: request.params.key,
        nearThreshold: config.attainment.nearThreshold,
      });
    },
  );

  for (const { format, summary, description } of FORMATS) {
    r.get(
      `/plans/:code/periods/:key/consolidated.${format}`,
      { config: READ, schema: { tags: TAGS, summary, description, params: ZPeriodParams } },
      async (request, reply) => {
        const { report } = await load(request);
        return sendDocument(request, reply, () => renderConsolidated(report, format));
      },
    );
  }
}
