import {
  ZAddComment,
  ZEvidenceFile,
  ZPlanTaskList,
  ZPlanTaskListQuery,
  ZTaskComment,
  ZTaskDetail,
  ZTaskParams,
  ZUpdateProgress,
} from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import { requestLang } from "../../i18n/error-text.ts";
import { requireActor } from "../access/access.ts";
import { type EvidenceRouteOptions, evidenceUploadScope } from "../evidence/evidence-upload.ts";
import { addComment } from "./add-comment.ts";
import { attachTaskEvidence } from "./attach-evidence.ts";
import { listPlanTasks } from "./plan-tasks.ts";
import { readTaskDetail } from "./task-history.ts";
import { updateProgress } from "./update-progress.ts";

const TAGS = ["tasks"];
// Who may act is decided per task (lead unit, coordinators, plan's focal office); the
// route only requires a signed-in user who reads some plans.
const ACCESS = { access: { permission: "plans.read" as const } };

export async function tasksRoutes(
  app: FastifyInstance,
  { db, config, evidence: store }: EvidenceRouteOptions,
): Promise<void> {
  const { r, upload } = await evidenceUploadScope(app, config);

  r.get(
    "/tasks/:id",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Chi tiết nhiệm vụ",
        description:
          "Nhiệm vụ với kế hoạch, đơn vị chủ trì và phối hợp, trạng thái (tính từ thời hạn, tiến độ và ngày hoàn thành), ý kiến, chỉ đạo, minh chứng và lịch sử; `can` cho biết người dùng được làm gì.",
        params: ZTaskParams,
        response: { 200: ZTaskDetail },
      },
    },
    async (request) =>
      readTaskDetail(db, {
        actor: requireActor(request),
        taskId: request.params.id,
        lang: requestLang(request),
      }),
  );

  r.post(
    "/tasks/:id/progress",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Cập nhật tiến độ nhiệm vụ",
        description:
          "Cán bộ báo cáo của đơn vị chủ trì (hoặc đơn vị trực thuộc) hay chuyên viên đầu mối. 100% là hoàn thành (ngày `completedAt`, mặc định hôm nay). Gửi `lastUpdateId` đã thấy để tránh ghi đè cập nhật của người khác (409).",
        params: ZTaskParams,
        body: ZUpdateProgress,
        response: { 200: ZTaskDetail },
      },
    },
    async (request) =>
      updateProgress(db, {
        actor: requireActor(request),
        taskId: request.params.id,
        input: request.body,
        lang: requestLang(request),
      }),
  );

  r.post(
    "/tasks/:id/comments",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Gửi ý kiến hoặc chỉ đạo",
        description:
          "`kind: comment` — ý kiến của người tham gia nhiệm vụ; `kind: direction` — chỉ đạo, chỉ lãnh đạo hoặc chuyên viên đầu mối.",
        params: ZTaskParams,
        body: ZAddComment,
        response: { 201: ZTaskComment },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await addComment(db, {
          actor: requireActor(request),
          taskId: request.params.id,
          input: request.body,
        }),
      ),
  );

  r.post(
    "/tasks/:id/evidence",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Gửi tệp minh chứng",
        description: upload.description,
        params: ZTaskParams,
        consumes: ["multipart/form-data"],
        response: { 201: ZEvidenceFile },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await attachTaskEvidence(db, store, {
          actor: requireActor(request),
          taskId: request.params.id,
          readFile: () => upload.read(request),
        }),
      ),
  );

  r.get(
    "/plan-tasks",
    {
      config: { access: { permission: "plans.read" } },
      schema: {
        tags: ["plans"],
        summary: "Nhiệm vụ của các kế hoạch",
        description:
          "Nhiệm vụ của các kế hoạch đã ban hành trong phạm vi người dùng, lọc theo kế hoạch, đơn vị chủ trì, trụ cột, trạng thái, khoảng thời hạn.",
        querystring: ZPlanTaskListQuery,
        response: { 200: ZPlanTaskList },
      },
    },
    async (request) => listPlanTasks(db, requireActor(request), request.query),
  );
}
