import {
  ZAdjustPeriod,
  ZAttainmentQuery,
  ZBulkReview,
  ZBulkReviewResult,
  ZOpenAdhocPeriod,
  ZPeriodParams,
  ZPeriodStatus,
  ZPlanAttainment,
  ZPlanCodeParams,
  ZPlanPeriods,
  ZReopenReport,
  ZReportAction,
  ZReportHistory,
  ZReportingPeriod,
  ZReportParams,
  ZReturnReport,
  ZSaveReport,
  ZUnitReport,
} from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { requestLang } from "../../i18n/error-text.ts";
import { requireActor } from "../access/access.ts";
import { bulkReviewReports } from "./bulk-review.ts";
import {
  adjustPlanPeriod,
  openPlanAdhocPeriod,
  periodStatus,
  planPeriods,
  readPlanAttainment,
} from "./period-actions.ts";
import { readReport, readReportHistory, saveReportDraft, stepReport } from "./report-actions.ts";

const TAGS = ["reporting"];
// Who may act is decided per plan and unit (reporters on their unit, reviewers on the
// plan's unit); the route only requires someone who reads plans.
const READ = { access: { permission: "plans.read" as const } };
// The form and its transitions: sent as presented (checked in tests, response-check.ts).
const READ_TRUSTED = { ...READ, trustedResponse: true };

export async function reportingRoutes(
  app: FastifyInstance,
  { db, config }: { db: Database; config: AppConfig },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  type Request = Parameters<typeof requireActor>[0];
  const planOf = (request: Request & { params: { code: string } }) => ({
    actor: requireActor(request),
    code: request.params.code,
  });
  const reportOf = (request: Request & { params: { code: string; key: string; unitId: string } }) => ({
    ...planOf(request),
    key: request.params.key,
    unitId: request.params.unitId,
  });

  r.get(
    "/plans/:code/periods",
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: "Kỳ báo cáo của kế hoạch",
        description:
          "Các kỳ theo chế độ báo cáo của kế hoạch (mốc số liệu theo Nghị định 09/2019/NĐ-CP), kèm số đơn vị phải báo cáo, đúng hạn, trễ hạn, chưa nộp, bị trả lại, đã duyệt.",
        params: ZPlanCodeParams,
        response: { 200: ZPlanPeriods },
      },
    },
    async (request) => planPeriods(db, planOf(request)),
  );

  r.post(
    "/plans/:code/periods",
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: "Mở kỳ báo cáo đột xuất",
        description: "Chuyên viên đầu mối hoặc lãnh đạo. Mã kỳ được sinh tự động (`2025-A1`).",
        params: ZPlanCodeParams,
        body: ZOpenAdhocPeriod,
        response: { 201: ZReportingPeriod },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await openPlanAdhocPeriod(db, { ...planOf(request), input: request.body })),
  );

  r.patch(
    "/plans/:code/periods/:key",
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: "Điều chỉnh kỳ báo cáo",
        description: "Đổi ngày bắt đầu, kết thúc, hạn báo cáo hoặc tên kỳ; ghi nhật ký.",
        params: ZPeriodParams,
        body: ZAdjustPeriod,
        response: { 200: ZReportingPeriod },
      },
    },
    async (request) =>
      adjustPlanPeriod(db, { ...planOf(request), key: request.params.key, input: request.body }),
  );

  r.get(
    "/plans/:code/periods/:key/status",
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: "Tình hình nộp báo cáo theo đơn vị",
        description: "Từng đơn vị phải báo cáo: trạng thái, ngày nộp, số ngày trễ — để đôn đốc.",
        params: ZPeriodParams,
        response: { 200: ZPeriodStatus },
      },
    },
    async (request) => periodStatus(db, { ...planOf(request), key: request.params.key }),
  );

  const reportParams = { tags: TAGS, params: ZReportParams };

  r.get(
    "/plans/:code/periods/:key/reports/:unitId",
    {
      config: READ_TRUSTED,
      schema: {
        ...reportParams,
        summary: "Báo cáo của đơn vị trong kỳ",
        description:
          "Nhiệm vụ (tiến độ, kết quả), số liệu chỉ tiêu (tử số, mẫu số với chỉ số tỷ lệ), khó khăn, kiến nghị. Lần mở đầu tiên của cán bộ báo cáo tạo bản nháp.",
        response: { 200: ZUnitReport },
      },
    },
    async (request) => readReport(db, reportOf(request)),
  );

  r.put(
    "/plans/:code/periods/:key/reports/:unitId",
    {
      config: READ,
      schema: {
        ...reportParams,
        summary: "Lưu nháp báo cáo",
        description:
          "Chỉ thay đổi phần gửi lên. Gửi `version` đã tải; 409 nếu người khác đã lưu sau đó. Lỗi số liệu trả về `details` theo từng trường.",
        body: ZSaveReport,
        response: { 200: ZUnitReport },
      },
    },
    async (request) => saveReportDraft(db, { ...reportOf(request), input: request.body }),
  );

  const actions = [
    ["submit", "Nộp báo cáo", "Cán bộ báo cáo của đơn vị; kiểm tra đủ số liệu bắt buộc."],
    ["approve", "Duyệt báo cáo", "Chuyên viên đầu mối hoặc lãnh đạo; khoá số liệu của đơn vị trong kỳ."],
  ] as const;
  for (const [action, summary, description] of actions) {
    r.post(
      `/plans/:code/periods/:key/reports/:unitId/${action}`,
      {
        config: READ_TRUSTED,
        schema: {
          ...reportParams,
          summary,
          description,
          body: ZReportAction,
          response: { 200: ZUnitReport },
        },
      },
      async (request) => stepReport(db, { ...reportOf(request), step: { action, input: request.body } }),
    );
  }

  r.post(
    "/plans/:code/periods/:key/reports/:unitId/return",
    {
      config: READ,
      schema: {
        ...reportParams,
        summary: "Trả lại báo cáo",
        description: "Chuyên viên đầu mối hoặc lãnh đạo, kèm ý kiến; đơn vị sửa rồi nộp lại.",
        body: ZReturnReport,
        response: { 200: ZUnitReport },
      },
    },
    async (request) =>
      stepReport(db, { ...reportOf(request), step: { action: "return", input: request.body } }),
  );

  r.post(
    "/plans/:code/periods/:key/reports/:unitId/reopen",
    {
      config: READ,
      schema: {
        ...reportParams,
        summary: "Mở lại báo cáo đã duyệt",
        description:
          "Chuyên viên đầu mối hoặc lãnh đạo, kèm lý do; ghi nhật ký. Báo cáo trở về đơn vị để sửa.",
        body: ZReopenReport,
        response: { 200: ZUnitReport },
      },
    },
    async (request) =>
      stepReport(db, { ...reportOf(request), step: { action: "reopen", input: request.body } }),
  );

  r.post(
    "/plans/:code/periods/:key/reports/bulk-review",
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: "Duyệt hoặc trả lại nhiều báo cáo",
        description:
          "Chuyên viên đầu mối hoặc lãnh đạo; mỗi báo cáo qua đúng bước duyệt / trả lại từng cái (ghi lịch sử, nhật ký, thông báo), tất cả trong một giao dịch. Báo cáo không hợp lệ được bỏ qua kèm lý do. `preview: true` chỉ xem trước, không thay đổi gì.",
        params: ZPeriodParams,
        body: ZBulkReview,
        response: { 200: ZBulkReviewResult },
      },
    },
    async (request) =>
      bulkReviewReports(db, {
        ...planOf(request),
        key: request.params.key,
        input: request.body,
        lang: requestLang(request),
      }),
  );

  r.get(
    "/plans/:code/periods/:key/reports/:unitId/history",
    {
      config: READ,
      schema: { ...reportParams, summary: "Lịch sử báo cáo", response: { 200: ZReportHistory } },
    },
    async (request) => readReportHistory(db, reportOf(request), requestLang(request)),
  );

  r.get(
    "/plans/:code/attainment",
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: "Mức độ đạt chỉ tiêu",
        description:
          "Số liệu các đơn vị (báo cáo đã nộp, đã duyệt) tổng hợp theo cây tổ chức theo quy tắc của chỉ số; đạt / gần đạt / chưa đạt và xu hướng qua các kỳ.",
        params: ZPlanCodeParams,
        querystring: ZAttainmentQuery,
        response: { 200: ZPlanAttainment },
      },
    },
    async (request) =>
      readPlanAttainment(db, {
        ...planOf(request),
        periodKey: request.query.period,
        nearThreshold: config.attainment.nearThreshold,
      }),
  );
}
