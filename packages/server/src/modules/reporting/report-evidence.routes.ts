import { ZEvidenceFile, ZReportParams } from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import { requireActor } from "../access/access.ts";
import { type EvidenceRouteOptions, evidenceUploadScope } from "../evidence/evidence-upload.ts";
import { attachEvidenceToReport } from "./attach-report-evidence.ts";

/** Tệp minh chứng of a unit's report; its own plugin scope because it parses multipart. */
export async function reportEvidenceRoutes(
  app: FastifyInstance,
  { db, config, evidence: store }: EvidenceRouteOptions,
): Promise<void> {
  const { r, upload } = await evidenceUploadScope(app, config);

  r.post(
    "/plans/:code/periods/:key/reports/:unitId/evidence",
    {
      // Who may upload is decided per unit (its reporters) in the operation.
      config: { access: { permission: "plans.read" } },
      schema: {
        tags: ["reporting"],
        summary: "Gửi tệp minh chứng cho báo cáo",
        description: `Cán bộ báo cáo của đơn vị, khi báo cáo còn là bản nháp hoặc bị trả lại. ${upload.description} Gắn \`id\` trả về vào \`evidenceFileIds\` của số liệu khi lưu nháp.`,
        params: ZReportParams,
        consumes: ["multipart/form-data"],
        response: { 201: ZEvidenceFile },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await attachEvidenceToReport(db, store, {
          actor: requireActor(request),
          ...request.params,
          readFile: () => upload.read(request),
        }),
      ),
  );
}
