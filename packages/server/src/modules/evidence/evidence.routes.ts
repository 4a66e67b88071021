import { ZIdParams } from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../../db/database.ts";
import { requireActor } from "../access/access.ts";
import { downloadEvidence, type EvidenceOwners } from "./download-evidence.ts";
import type { EvidenceStore } from "./evidence-store.ts";
import { attachmentDisposition, servedContentType } from "./file-types.ts";

export async function evidenceRoutes(
  app: FastifyInstance,
  { db, evidence: store, owners }: { db: Database; evidence: EvidenceStore; owners: EvidenceOwners },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/evidence/:id",
    {
      config: { access: { permission: "plans.read" } },
      schema: {
        tags: ["tasks", "reporting"],
        summary: "Tải tệp minh chứng",
        description:
          "Luôn tải về dưới dạng tệp đính kèm (`Content-Disposition: attachment`, `X-Content-Type-Options: nosniff`), kiểu nội dung theo danh sách cho phép, không bao giờ là HTML. Ai xem được nhiệm vụ hoặc báo cáo sở hữu tệp thì tải được.",
        params: ZIdParams,
      },
    },
    async (request, reply) => {
      const { row, bytes } = await downloadEvidence(db, store, owners, {
        actor: requireActor(request),
        id: request.params.id,
      });
      return reply
        .header("content-type", servedContentType(row.contentType))
        .header("content-disposition", attachmentDisposition(row.originalName))
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header("content-length", String(bytes.byteLength))
        .send(Buffer.from(bytes));
    },
  );
}
