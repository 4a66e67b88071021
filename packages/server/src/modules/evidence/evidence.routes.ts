import { ZIdParams } from "@dtplan/contracts";
import { and, eq, inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { evidenceFiles } from "../../db/schema.ts";
import { AppError, notFound } from "../../errors.ts";
import { requireActor } from "../auth/access.ts";
import { actorTenants } from "../plans/plan-access.ts";
import { readableTaskByKey } from "../tasks/task-access.ts";
import { createEvidenceStore } from "./evidence-store.ts";
import { attachmentDisposition, servedContentType } from "./file-types.ts";

const evidenceNotFound = () => notFound("Không tìm thấy tệp minh chứng.");

export async function evidenceRoutes(
  app: FastifyInstance,
  { db, config }: { db: Database; config: AppConfig },
): Promise<void> {
  const store = createEvidenceStore(config.evidence.store);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/evidence/:id",
    {
      config: { access: { permission: "plans.read" } },
      schema: {
        tags: ["tasks"],
        summary: "Tải tệp minh chứng",
        description:
          "Luôn tải về dưới dạng tệp đính kèm (`Content-Disposition: attachment`, `X-Content-Type-Options: nosniff`), kiểu nội dung theo danh sách cho phép, không bao giờ là HTML.",
        params: ZIdParams,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const tenants = actorTenants(actor);
      if (tenants.length === 0) throw evidenceNotFound();
      const [row] = await db
        .select()
        .from(evidenceFiles)
        .where(and(inArray(evidenceFiles.tenantId, tenants), eq(evidenceFiles.id, request.params.id)))
        .limit(1);
      if (!row) throw evidenceNotFound();
      try {
        await readableTaskByKey(db, actor, row.tenantId, row.ownerKey);
      } catch (error) {
        throw error instanceof AppError ? evidenceNotFound() : error;
      }
      const bytes = await store.get(row.storageKey);
      if (!bytes) throw notFound("Tệp minh chứng không còn trong kho lưu trữ.");
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
