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
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { requireActor } from "../access/access.ts";
import type { EvidenceStore } from "../evidence/evidence-store.ts";
import {
  evidenceUploadDescription,
  readEvidenceUpload,
  registerEvidenceMultipart,
} from "../evidence/evidence-upload.ts";
import { addComment } from "./add-comment.ts";
import { attachEvidence } from "./attach-evidence.ts";
import { listPlanTasks } from "./plan-tasks.ts";
import { readableTask } from "./task-access.ts";
import { presentEvidence, taskDetail } from "./task-history.ts";
import { updateProgress } from "./update-progress.ts";

const TAGS = ["tasks"];
// Who may act is decided per task (lead unit, coordinators, plan's focal office); the
// route only requires a signed-in user who reads some plans.
const ACCESS = { access: { permission: "plans.read" as const } };

export async function tasksRoutes(
  app: FastifyInstance,
  { db, config, evidence: store }: { db: Database; config: AppConfig; evidence: EvidenceStore },
): Promise<void> {
  const { maxBytes } = config.evidence;
  await registerEvidenceMultipart(app, maxBytes);
  const r = app.withTypeProvider<ZodTypeProvider>();

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
    async (request) => taskDetail(db, await readableTask(db, requireActor(request), request.params.id)),
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
    async (request) => {
      const actor = requireActor(request);
      const ctx = await readableTask(db, actor, request.params.id);
      const { taskId } = await updateProgress(db, { actor, ctx, input: request.body });
      return taskDetail(db, await readableTask(db, actor, taskId));
    },
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
    async (request, reply) => {
      const actor = requireActor(request);
      const ctx = await readableTask(db, actor, request.params.id);
      const row = await addComment(db, { actor, ctx, input: request.body });
      return reply.code(201).send({
        id: row.id,
        kind: row.kind,
        body: row.body,
        author: { id: actor.id, name: actor.fullName },
        at: row.at.toISOString(),
      });
    },
  );

  r.post(
    "/tasks/:id/evidence",
    {
      config: ACCESS,
      schema: {
        tags: TAGS,
        summary: "Gửi tệp minh chứng",
        description: evidenceUploadDescription(maxBytes),
        params: ZTaskParams,
        consumes: ["multipart/form-data"],
        response: { 201: ZEvidenceFile },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const ctx = await readableTask(db, actor, request.params.id);
      const file = await readEvidenceUpload(request, maxBytes);
      const row = await attachEvidence(db, store, { actor, ctx, file });
      return reply.code(201).send(presentEvidence(row, new Map([[actor.id, actor.fullName]])));
    },
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
