import { ZAuditList, ZAuditQuery } from "@dtplan/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../../db/database.ts";
import { requireActor } from "../access/access.ts";
import { listVisibleAudit } from "./read-audit.ts";

export async function auditRoutes(app: FastifyInstance, { db }: { db: Database }): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/audit",
    {
      config: { access: { permission: "audit.read" } },
      schema: {
        tags: ["audit"],
        summary: "Nhật ký thay đổi",
        description:
          "Các thay đổi (ai, khi nào, đối tượng, trước → sau) trong phạm vi người dùng được xem: cả tỉnh khi được cấp quyền ở cấp tỉnh, nếu không thì các đơn vị thuộc phạm vi.",
        querystring: ZAuditQuery,
        response: { 200: ZAuditList },
      },
    },
    async (request) => listVisibleAudit(db, { actor: requireActor(request), query: request.query }),
  );
}
