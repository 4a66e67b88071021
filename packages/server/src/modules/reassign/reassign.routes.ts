import {
  type TReassignmentRequest,
  ZPendingReassignments,
  ZPendingReassignmentsQuery,
  ZReassignmentPreview,
  ZReassignmentRequest,
} from "@dtplan/contracts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../../db/database.ts";
import { requestLang } from "../../i18n/error-text.ts";
import { requireActor } from "../access/access.ts";
import { pendingReassignments } from "./pending-reassignments.ts";
import { previewReassignment, reassignWork } from "./reassign-work.ts";

const TAGS = ["org"];
// The right to reorganise both the closed unit and the one that takes its work.
const movedUnits = (request: FastifyRequest) =>
  (request.body as TReassignmentRequest).moves.flatMap((m) => [m.fromUnitId, m.toUnitId]);
const ACCESS = { access: { permission: "org.manage" as const, units: movedUnits } };

/** Chuyển công việc của đơn vị đã ngừng hoạt động cho đơn vị kế thừa. */
export async function reassignRoutes(app: FastifyInstance, { db }: { db: Database }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/org/reassignments/pending",
    {
      config: { access: { permission: "org.manage" } },
      schema: {
        tags: TAGS,
        summary: "Đơn vị đã ngừng hoạt động còn công việc",
        description:
          "Trong tỉnh `tenantId` (mặc định: tỉnh đang chọn, hoặc mọi tỉnh người dùng quản trị), mỗi đơn vị đã sáp nhập, chia tách hoặc giải thể (trong phạm vi quản trị) còn chủ trì hoặc phối hợp nhiệm vụ chưa hoàn thành, còn báo cáo chưa nộp của kỳ sau ngày ngừng hoạt động, hoặc còn người dùng được cấp quyền trên nó — kèm các đơn vị kế thừa theo lịch sử sáp nhập, chia tách.",
        querystring: ZPendingReassignmentsQuery,
        response: { 200: ZPendingReassignments },
      },
    },
    async (request) => ({
      items: await pendingReassignments(db, {
        actor: requireActor(request),
        tenantId: request.query.tenantId,
      }),
    }),
  );

  r.post(
    "/org/reassignments/preview",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Xem trước chuyển công việc",
        description:
          "Những nhiệm vụ, báo cáo chưa nộp và quyền người dùng sẽ chuyển từ mỗi đơn vị đã ngừng hoạt động sang đơn vị được chọn, và những gì không chuyển được (kèm lý do); không thay đổi dữ liệu.",
        body: ZReassignmentRequest,
        response: { 200: ZReassignmentPreview },
      },
    },
    async (request) => previewReassignment(db, { input: request.body, lang: requestLang(request) }),
  );

  r.post(
    "/org/reassignments",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Chuyển công việc cho đơn vị kế thừa",
        description:
          "Trong một lần: nhiệm vụ chưa hoàn thành (chủ trì, phối hợp), báo cáo chưa nộp của kỳ hiện hành và quyền của người dùng chuyển sang đơn vị kế thừa; mỗi mục một dòng nhật ký. Nhiệm vụ đã hoàn thành và báo cáo đã nộp giữ tên đơn vị cũ.",
        body: ZReassignmentRequest,
        response: { 200: ZReassignmentPreview },
      },
    },
    async (request) => reassignWork(db, { actor: requireActor(request), input: request.body }),
  );
}
