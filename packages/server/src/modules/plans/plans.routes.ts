import {
  ZAmendPlan,
  ZBulkEditItems,
  ZBulkEditItemsResult,
  ZCreateTarget,
  ZCreateTask,
  ZDeleteDraftResult,
  ZMergeItems,
  ZOk,
  ZPlanCodeParams,
  ZPlanDetail,
  ZPlanDetailQuery,
  ZPlanItemParams,
  ZPlanList,
  ZPlanListQuery,
  ZPlanReview,
  ZPlanVersionDetail,
  ZPlanVersionList,
  ZPlanVersionParams,
  ZPublishPlan,
  ZPublishResult,
  ZRemapTableColumns,
  ZSplitItem,
  ZTableParams,
  ZUpdatePlan,
  ZUpdateTarget,
  ZUpdateTask,
} from "@dtplan/contracts";
import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../../db/database.ts";
import { requestLang } from "../../i18n/error-text.ts";
import { requireActor } from "../access/access.ts";
import { amendPlan } from "./amend-plan.ts";
import { bulkEditItems } from "./bulk-items.ts";
import { deleteDraftPlan } from "./delete-draft.ts";
import type { ExtractPool } from "./extract-pool.ts";
import { importPlanUpload } from "./import-upload.ts";
import { planUnitOf } from "./plan-access.ts";
import { PLAN_UPLOAD_LIMITS, readPlanUpload } from "./plan-upload.ts";
import { presentPublishResult } from "./plans.presenter.ts";
import { publishPlan } from "./publish-plan.ts";
import {
  listReadablePlans,
  planReviewOf,
  readPlanDetail,
  readPlanReview,
  readPlanVersion,
  readPlanVersions,
} from "./read-plans.ts";
import { remapTableColumns } from "./remap-table.ts";
import { addItem, deleteItem, updateItem, updatePlan } from "./review-items.ts";
import { mergeItems, splitItem } from "./split-merge.ts";

const TAGS = ["plans"];

export async function plansRoutes(
  app: FastifyInstance,
  { db, extractPool }: { db: Database; extractPool: ExtractPool },
): Promise<void> {
  await app.register(fastifyMultipart, { limits: PLAN_UPLOAD_LIMITS });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const managePlan = { permission: "plans.manage" as const, units: planUnitOf(db) };
  const reviewOf = (plan: Parameters<typeof planReviewOf>[1]) => planReviewOf(db, plan);
  type Request = Parameters<typeof requireActor>[0];
  const planOf = (request: Request & { params: { code: string } }) => ({
    actor: requireActor(request),
    code: request.params.code,
  });

  r.get(
    "/plans",
    {
      config: { access: { permission: "plans.read" } },
      schema: {
        tags: TAGS,
        summary: "Danh sách kế hoạch",
        description:
          "Kế hoạch của các đơn vị trong phạm vi người dùng và của các đơn vị cấp trên mà họ thực hiện; mỗi kế hoạch một dòng (phiên bản đang có hiệu lực, hoặc bản nháp nếu chưa ban hành). Lọc theo đơn vị, loại, trạng thái, năm, từ khóa.",
        querystring: ZPlanListQuery,
        response: { 200: ZPlanList },
      },
    },
    async (request) => listReadablePlans(db, { actor: requireActor(request), query: request.query }),
  );

  r.post(
    "/plans/import",
    {
      config: { access: { permission: "plans.manage" } },
      schema: {
        tags: TAGS,
        summary: "Nhập kế hoạch từ tệp",
        description:
          "multipart/form-data với hai trường: `unitId` (đơn vị ban hành kế hoạch; cần quyền quản lý kế hoạch trên đơn vị đó) và `file` (.txt, .docx hoặc .pdf, tối đa 20 MB). Trả về bản nháp với mọi mục đã trích xuất để rà soát. Tệp không đọc được → 400 với thông báo tiếng Việt; mã lỗi trích xuất (`pdf_no_text`, `format_mismatch` …) nằm trong `details[0].message`. Tệp quá 20 MB → 400 `file_too_large`. Tệp được đọc trong luồng riêng (worker), không làm chậm các yêu cầu khác.",
        consumes: ["multipart/form-data"],
        response: { 201: ZPlanReview },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const plan = await importPlanUpload(db, extractPool, { actor, upload: await readPlanUpload(request) });
      return reply.code(201).send(await reviewOf(plan));
    },
  );

  r.post(
    "/plans/:code/tables/:tableId/columns",
    {
      config: { access: managePlan },
      schema: {
        tags: TAGS,
        summary: "Sửa vai trò cột của một bảng (bản nháp)",
        description:
          "Ví dụ «cột này là đơn vị chủ trì»: `columns` là danh sách {`index` (cột, từ 0), `role`}. Cả bảng được trích xuất lại theo vai trò mới: các mục lấy từ bảng được cập nhật theo từng dòng, các mục khác giữ nguyên chỉnh sửa đã làm. Một giao dịch, có ghi nhật ký.",
        params: ZTableParams,
        body: ZRemapTableColumns,
        response: { 200: ZPlanReview },
      },
    },
    async (request) => {
      const plan = await remapTableColumns(db, extractPool, {
        actor: requireActor(request),
        code: request.params.code,
        tableId: request.params.tableId,
        input: request.body,
      });
      return reviewOf(plan);
    },
  );

  r.get(
    "/plans/:code",
    {
      config: { access: { permission: "plans.read" } },
      schema: {
        tags: TAGS,
        summary: "Chi tiết kế hoạch",
        description:
          "Kế hoạch với chỉ tiêu, nhiệm vụ, căn cứ, kinh phí và chế độ báo cáo: phiên bản đang có hiệu lực, hoặc `version` cho một phiên bản cụ thể (kể cả bản nháp điều chỉnh).",
        params: ZPlanCodeParams,
        querystring: ZPlanDetailQuery,
        response: { 200: ZPlanDetail },
      },
    },
    async (request) => readPlanDetail(db, { ...planOf(request), version: request.query.version }),
  );

  r.get(
    "/plans/:code/review",
    {
      config: { access: managePlan },
      schema: {
        tags: TAGS,
        summary: "Rà soát bản nháp",
        description:
          "Văn bản gốc bên cạnh các mục trích xuất (mỗi mục có vị trí trong văn bản gốc), mục có độ tin cậy thấp lên trước, gợi ý đơn vị, các đoạn không nhận dạng được và những gì còn chặn việc ban hành.",
        params: ZPlanCodeParams,
        response: { 200: ZPlanReview },
      },
    },
    async (request) => readPlanReview(db, planOf(request)),
  );

  r.delete(
    "/plans/:code",
    {
      config: { access: managePlan },
      schema: {
        tags: TAGS,
        summary: "Xóa bản nháp kế hoạch",
        description:
          "Xóa bản nháp (nhập nhầm): bản nháp đầu tiên thì xóa cả kế hoạch; bản điều chỉnh đang soạn thì bỏ, phiên bản đã ban hành vẫn giữ hiệu lực. Kế hoạch đã ban hành không xóa được (409). Có ghi nhật ký.",
        params: ZPlanCodeParams,
        response: { 200: ZDeleteDraftResult },
      },
    },
    async (request) => ({ ok: true as const, ...(await deleteDraftPlan(db, planOf(request))) }),
  );

  r.patch(
    "/plans/:code",
    {
      config: { access: managePlan },
      schema: {
        tags: TAGS,
        summary: "Sửa thông tin kế hoạch (bản nháp)",
        description:
          "Tên, loại, giai đoạn, tầm nhìn, kế hoạch giai đoạn (`parentPlanCode`) và kế hoạch cấp trên (`implementsPlanCode`).",
        params: ZPlanCodeParams,
        body: ZUpdatePlan,
        response: { 200: ZPlanReview },
      },
    },
    async (request) =>
      reviewOf(
        await updatePlan(db, {
          actor: requireActor(request),
          code: request.params.code,
          input: request.body,
        }),
      ),
  );

  for (const type of ["target", "task"] as const) {
    const plural = `${type}s`;
    const noun = type === "target" ? "chỉ tiêu" : "nhiệm vụ";
    r.post(
      `/plans/:code/${plural}`,
      {
        config: { access: managePlan },
        schema: {
          tags: TAGS,
          summary: `Thêm ${noun} (bản nháp)`,
          params: ZPlanCodeParams,
          body: type === "target" ? ZCreateTarget : ZCreateTask,
          response: { 201: ZPlanReview },
        },
      },
      async (request, reply) => {
        const { plan } = await addItem(db, {
          actor: requireActor(request),
          code: request.params.code,
          type,
          input: request.body as never,
        });
        return reply.code(201).send(await reviewOf(plan));
      },
    );
    r.patch(
      `/plans/:code/${plural}/:itemId`,
      {
        config: { access: managePlan },
        schema: {
          tags: TAGS,
          summary: `Sửa ${noun} (bản nháp)`,
          description:
            type === "target"
              ? "Nội dung, trụ cột, giá trị, so sánh, năm, phạm vi; `indicatorCode` chọn (và xác nhận) chỉ số, `indicatorConfirmed: true` xác nhận gợi ý."
              : "Nội dung, trụ cột, đơn vị chủ trì (`leadUnitId`, hoặc `leadNone: true`), đơn vị phối hợp, thời hạn.",
          params: ZPlanItemParams,
          body: type === "target" ? ZUpdateTarget : ZUpdateTask,
          response: { 200: ZPlanReview },
        },
      },
      async (request) => {
        const { plan } = await updateItem(db, {
          actor: requireActor(request),
          code: request.params.code,
          type,
          id: request.params.itemId,
          input: request.body as never,
        });
        return reviewOf(plan);
      },
    );
    r.delete(
      `/plans/:code/${plural}/:itemId`,
      {
        config: { access: managePlan },
        schema: {
          tags: TAGS,
          summary: `Xóa ${noun} (bản nháp)`,
          params: ZPlanItemParams,
          response: { 200: ZOk },
        },
      },
      async (request) => {
        await deleteItem(db, {
          actor: requireActor(request),
          code: request.params.code,
          type,
          id: request.params.itemId,
        });
        return { ok: true as const };
      },
    );
  }

  r.post(
    "/plans/:code/split",
    {
      config: { access: managePlan },
      schema: {
        tags: TAGS,
        summary: "Tách một mục thành hai",
        description: "Cắt nội dung của chỉ tiêu/nhiệm vụ tại vị trí `at` (số ký tự tính từ đầu nội dung).",
        params: ZPlanCodeParams,
        body: ZSplitItem,
        response: { 200: ZPlanReview },
      },
    },
    async (request) => {
      const { plan } = await splitItem(db, {
        actor: requireActor(request),
        code: request.params.code,
        ...request.body,
      });
      return reviewOf(plan);
    },
  );

  r.post(
    "/plans/:code/merge",
    {
      config: { access: managePlan },
      schema: {
        tags: TAGS,
        summary: "Gộp hai mục thành một",
        params: ZPlanCodeParams,
        body: ZMergeItems,
        response: { 200: ZPlanReview },
      },
    },
    async (request) => {
      const { plan } = await mergeItems(db, {
        actor: requireActor(request),
        code: request.params.code,
        ...request.body,
      });
      return reviewOf(plan);
    },
  );

  r.post(
    "/plans/:code/items/bulk",
    {
      config: { access: managePlan },
      schema: {
        tags: TAGS,
        summary: "Giao chủ trì hoặc xác nhận chỉ số hàng loạt (bản nháp)",
        description:
          "`assign_lead`: giao một đơn vị chủ trì cho nhiều nhiệm vụ; `confirm_indicators`: xác nhận chỉ số đã gợi ý cho nhiều chỉ tiêu. Mỗi mục qua đúng bước sửa từng mục (ghi nhật ký từng mục), tất cả trong một giao dịch; mục không đổi được bỏ qua kèm lý do. `preview: true` chỉ xem trước.",
        params: ZPlanCodeParams,
        body: ZBulkEditItems,
        response: { 200: ZBulkEditItemsResult },
      },
    },
    async (request) =>
      bulkEditItems(db, { ...planOf(request), input: request.body, lang: requestLang(request) }),
  );

  r.post(
    "/plans/:code/publish",
    {
      config: { access: managePlan },
      schema: {
        tags: TAGS,
        summary: "Ban hành kế hoạch",
        description:
          "Đóng băng bản nháp thành một phiên bản. Từ chối (409) khi còn nhiệm vụ chưa có đơn vị chủ trì hoặc chỉ tiêu chưa có đơn vị báo cáo (trừ khi xác nhận issuingUnitReports: đơn vị ban hành tự báo cáo); các cảnh báo khác được trả về. Với bản điều chỉnh: ghi lại các thay đổi so với phiên bản trước, phiên bản trước hết hiệu lực.",
        params: ZPlanCodeParams,
        body: ZPublishPlan,
        response: { 200: ZPublishResult },
      },
    },
    async (request) =>
      presentPublishResult(
        await publishPlan(db, { ...planOf(request), issuingUnitReports: request.body.issuingUnitReports }),
      ),
  );

  r.post(
    "/plans/:code/amendments",
    {
      config: { access: managePlan },
      schema: {
        tags: TAGS,
        summary: "Điều chỉnh, bổ sung kế hoạch",
        description:
          "Tạo bản nháp phiên bản mới từ phiên bản đang có hiệu lực; sửa như bản nháp rồi ban hành.",
        params: ZPlanCodeParams,
        body: ZAmendPlan,
        response: { 201: ZPlanReview },
      },
    },
    async (request, reply) => {
      const draft = await amendPlan(db, {
        actor: requireActor(request),
        code: request.params.code,
        reason: request.body.reason,
      });
      return reply.code(201).send(await reviewOf(draft));
    },
  );

  r.get(
    "/plans/:code/versions",
    {
      config: { access: { permission: "plans.read" } },
      schema: {
        tags: TAGS,
        summary: "Lịch sử phiên bản",
        description: "Các phiên bản đã ban hành (mới nhất trước) với những thay đổi so với phiên bản trước.",
        params: ZPlanCodeParams,
        response: { 200: ZPlanVersionList },
      },
    },
    async (request) => readPlanVersions(db, planOf(request)),
  );

  r.get(
    "/plans/:code/versions/:version",
    {
      config: { access: { permission: "plans.read" } },
      schema: {
        tags: TAGS,
        summary: "Một phiên bản đã ban hành",
        description: "Kế hoạch đúng như khi ban hành phiên bản này, với các thay đổi so với phiên bản trước.",
        params: ZPlanVersionParams,
        response: { 200: ZPlanVersionDetail },
      },
    },
    async (request) => readPlanVersion(db, { ...planOf(request), version: request.params.version }),
  );
}
